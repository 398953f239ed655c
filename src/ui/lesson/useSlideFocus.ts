/**
 * Points the diagram (and the inspector) at what a slide asks the reader to
 * look at, once the slide's step is on screen; a slide with no focus clears it.
 */
import { useEffect } from 'react';
import { selectLesson, selectSnapshot } from '../../store/selectors';
import { slideOf, slideStep } from '../../store/lessonState';
import { focusSelection } from '../../viz/slideFocus';
import { useActions, useSim } from '../common/SimProvider';

export function useSlideFocus(): void {
  const lesson = useSim(selectLesson);
  const snap = useSim(selectSnapshot);
  const { select } = useActions();
  const slide = lesson === null || lesson.exploring ? null : slideOf(lesson);
  const ready = lesson !== null && snap !== null && snap.step === slideStep(lesson);
  useEffect(() => {
    if (slide === null || !ready || snap === null) return;
    select(slide.focus === undefined ? null : focusSelection(snap, slide.focus));
    // Only when the slide or its step changes, not on every snapshot of the same step.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [slide, ready]);
}
