/**
 * The timeline's keys, for a teacher at a projector: space plays or pauses,
 * arrows step, Home and End jump. Ignored while typing in a text field or
 * when a control that uses these keys itself has focus.
 */
import { useEffect } from 'react';
import { useActions, useSim, useSimStore } from '../common/SimProvider';

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
      switch (e.key) {
        case ' ':
          if (isButton) return; // space activates the focused button
          actions.togglePlay();
          break;
        case 'ArrowRight':
          actions.pause();
          actions.stepBy(1);
          break;
        case 'ArrowLeft':
          actions.pause();
          actions.stepBy(-1);
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
