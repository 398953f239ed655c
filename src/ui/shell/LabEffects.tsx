/**
 * The lab's work that draws nothing: playback and the slide's focus. They
 * read the step and the snapshot, so they live in this leaf: a step then
 * re-renders only what shows it, not the whole page.
 */
import { useSlideFocus } from '../lesson/useSlideFocus';
import { usePlayback } from '../timeline/usePlayback';

export function LabEffects() {
  usePlayback();
  useSlideFocus();
  return null;
}
