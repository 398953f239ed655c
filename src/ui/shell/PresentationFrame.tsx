/**
 * Presentation mode, for a classroom's projector: no editor and no chrome,
 * the diagram side by side and larger type, a big caption of the step, the
 * slide's words along the bottom, keys only (→ next, or the answer to an
 * open question; ← back, Space play, B blank, Esc out). Readable from the back of a room at 1024×768.
 */
import { useEffect, useState } from 'react';
import { selectLesson, selectMode } from '../../store/selectors';
import { slideOf, waitsForAnswer } from '../../store/lessonState';
import { useSim } from '../common/SimProvider';
import { OpenPointNote } from '../lesson/OpenPointNote';
import { SlideText } from '../lesson/SlideText';
import { CompareView } from '../stage/compare/CompareView';
import { MainDiagram } from '../stage/diagram/Diagram';
import { StepCaption } from '../stage/StepCaption';
import { StepNotes } from '../stage/StepNotes';

export function PresentationFrame() {
  const mode = useSim(selectMode);
  const lesson = useSim(selectLesson);
  const slide = lesson === null ? null : slideOf(lesson);
  const [blank, setBlank] = useState(false);
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.key === 'b' || e.key === 'B') setBlank((b) => !b);
      else if (blank) setBlank(false);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [blank]);
  if (blank) return <div className="fixed inset-0 z-50 bg-black" aria-label="Screen blanked: press B to show it again" role="img" data-testid="blank" />;
  return (
    <div className="presenting flex h-screen flex-col text-[var(--ink)]" data-testid="presentation">
      <div className="text-xl">
        <StepCaption />
      </div>
      <main className="relative flex min-h-0 flex-1 flex-col" aria-label="Page tables">
        {mode === 'compare' ? (
          <CompareView />
        ) : (
          <>
            <MainDiagram />
            <StepNotes />
            <OpenPointNote />
          </>
        )}
      </main>
      {slide !== null && (
        <section className="border-t-2 border-[var(--line)] bg-[var(--panel)] px-8 py-4 text-[22px] leading-snug" aria-live="polite" data-testid="presentation-slide">
          <h2 className="text-[26px] font-semibold">{slide.title}</h2>
          {lesson !== null && waitsForAnswer(lesson) && slide.predict !== undefined ? (
            <div>
              <SlideText text={slide.predict.prompt} />
              <p className="text-base text-[var(--muted)]">Predict aloud, then → shows the answer and plays the step.</p>
            </div>
          ) : (
            <>
              <SlideText text={slide.text} />
              {slide.predict !== undefined && (
                <p className="mt-1 text-[18px]" data-testid="presentation-answer">
                  <strong>Answer:</strong> {slide.predict.answerText}
                </p>
              )}
            </>
          )}
        </section>
      )}
      <p className="px-4 py-1 text-right text-sm text-[var(--muted)]">→ next · ← back · Space play · B blank · Esc leave</p>
    </div>
  );
}
