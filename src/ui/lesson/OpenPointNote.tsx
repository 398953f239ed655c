/**
 * On the diagram, where a lesson's slide follows a decision the proposal
 * leaves open (SPEC 1.3): "open in the proposal", with the one line on the
 * alternative, so nobody mistakes the picture for kernel fact.
 */
import { selectLesson } from '../../store/selectors';
import { slideOf } from '../../store/lessonState';
import { useSim } from '../common/SimProvider';

export function OpenPointNote() {
  const lesson = useSim(selectLesson);
  const slide = lesson === null || lesson.exploring ? null : slideOf(lesson);
  if (slide?.open === undefined) return null;
  return (
    <p className="pointer-events-none absolute top-2 right-4 z-[1] max-w-[min(420px,60%)] rounded-md border border-l-4 border-[var(--line)] border-l-[var(--changed)] bg-[var(--panel)] px-3 py-1.5 text-sm shadow-md" data-testid="diagram-open-point">
      <strong>Open in the proposal:</strong> {slide.open}
    </p>
  );
}
