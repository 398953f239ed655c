/**
 * The lab's keys, for a teacher at a projector: space plays or pauses,
 * arrows step (in a lesson: move between slides), Home and End jump, L opens
 * the lessons, P presents, Esc steps out (of presentation, then of the
 * lesson into free exploration). Ignored while typing in a text field or
 * when a control that uses these keys itself has focus.
 */
import { useEffect } from 'react';
import { useActions, useSimStore } from '../common/SimProvider';

/** Whether a key press belongs to the element that has focus. */
export function ownsKeys(target: EventTarget | null): boolean {
  if (!(target instanceof Element)) return false;
  if (target.closest('textarea, input, select, [contenteditable="true"], [role="slider"], [role="tablist"]')) return true;
  return false;
}

export function useKeyboardShortcuts(): void {
  const store = useSimStore();
  const actions = useActions();
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.defaultPrevented || e.altKey || e.ctrlKey || e.metaKey || ownsKeys(e.target)) return;
      const isButton = e.target instanceof Element && e.target.closest('button, a, [role="button"], [role="tab"]') !== null;
      const state = store.getState();
      const lesson = state.lesson !== null && state.lesson.resolved !== null && !state.lesson.exploring ? state.lesson : null;
      if (state.picking) return; // the dialog handles its own keys
      switch (e.key) {
        case 'l':
        case 'L':
          actions.showLessons(true);
          break;
        case 'p':
        case 'P':
          actions.setPresenting(!state.presenting);
          break;
        case 'Escape':
          if (state.presenting) actions.setPresenting(false);
          else if (lesson !== null) actions.exploreLesson(true);
          else return;
          break;
        case 'PageDown':
        case 'PageUp':
          if (lesson === null) return;
          actions.setSlide(lesson.slide + (e.key === 'PageDown' ? 1 : -1));
          break;
        case ' ':
          if (isButton) return; // space activates the focused button
          actions.togglePlay();
          break;
        case 'ArrowRight':
          actions.pause();
          // In a lesson the arrows move between slides, but never past an open question.
          if (lesson !== null) {
            const s = lesson.resolved?.slides[lesson.slide];
            const open = s?.predict !== undefined && !lesson.answered.includes(lesson.slide);
            // Presenting, the teacher reveals an open question (the class answered aloud).
            if (!open) actions.setSlide(lesson.slide + 1);
            else if (state.presenting) actions.answered();
          } else actions.stepBy(1);
          break;
        case 'ArrowLeft':
          actions.pause();
          if (lesson !== null) actions.setSlide(lesson.slide - 1);
          else actions.stepBy(-1);
          break;
        case 'Home':
          actions.pause();
          actions.goto(0);
          break;
        case 'End':
          actions.pause();
          actions.goto(store.getState().total);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [actions, store]);
}
