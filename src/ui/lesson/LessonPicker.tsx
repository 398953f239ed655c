/**
 * The lesson picker: every built-in lesson with its title, the question it
 * answers and its length, in a modal dialog (Esc closes it, focus returns to
 * where it was). One not built yet is listed as coming.
 */
import { useEffect, useRef } from 'react';
import { LESSONS } from '../../lessons/catalog';
import { useActions } from '../common/SimProvider';

export function LessonPicker({ open, onClose }: { open: boolean; onClose: () => void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const { openLesson } = useActions();
  useEffect(() => {
    const d = ref.current;
    if (d === null) return;
    if (open && !d.open) d.showModal();
    if (!open && d.open) d.close();
  }, [open]);
  return (
    <dialog ref={ref} onClose={onClose} aria-labelledby="lessons-title" className="m-auto max-h-[85vh] w-[min(720px,94vw)] rounded-xl border border-[var(--line)] bg-[var(--panel)] p-0 text-[var(--ink)] backdrop:bg-black/40" data-testid="lesson-picker">
      <div className="flex items-center justify-between border-b border-[var(--line)] px-4 py-3">
        <h2 id="lessons-title" className="text-lg font-semibold">
          Lessons
        </h2>
        <button type="button" className="focus-ring rounded px-2 py-1 text-sm" onClick={onClose}>
          Close
        </button>
      </div>
      <ol className="divide-y divide-[var(--line)] overflow-auto">
        {LESSONS.map((l, i) => (
          <li key={l.id}>
            <button
              type="button"
              disabled={l.status === 'coming'}
              className="focus-ring flex w-full items-start gap-3 px-4 py-3 text-left hover:bg-[var(--bg)] disabled:opacity-60"
              onClick={() => {
                openLesson(l.id);
                onClose();
              }}
            >
              <span className="w-6 shrink-0 font-mono text-sm text-[var(--muted)]">{i + 1}</span>
              <span className="min-w-0 flex-1">
                <span className="block font-semibold">{l.title}</span>
                <span className="block text-sm text-[var(--muted)]">{l.question}</span>
              </span>
              <span className="shrink-0 text-xs text-[var(--muted)]">{l.status === 'coming' ? 'coming' : `${l.minutes} min · ${l.slides.length} slides`}</span>
            </button>
          </li>
        ))}
      </ol>
    </dialog>
  );
}
