/**
 * Messages for the person: a bad link, a run stopped at the lab's limit, a
 * worker failure with the way back (reopen at the last good step, or run it
 * all again), broken invariants (an engine bug: loud).
 */
import { selectFailure, selectNotice } from '../../store/selectors';
import { useActions, useSim } from '../common/SimProvider';

const NONE: readonly string[] = [];
const n = (x: number): string => x.toLocaleString('en-US');

export function Notices() {
  const notice = useSim(selectNotice);
  const failure = useSim(selectFailure);
  const recovery = useSim((s) => s.recovery);
  const stopped = useSim((s) => s.stopped);
  const invariants = useSim((s) => s.snapshot?.invariants ?? NONE);
  const { setNotice, reopen } = useActions();
  if (notice === null && failure === null && stopped === null && invariants.length === 0) return null;
  return (
    <div className="space-y-1 px-4 pt-2">
      {notice !== null && (
        <div role="status" data-testid="notice" className="flex items-start gap-3 rounded-md border border-[var(--line)] bg-[var(--panel)] px-3 py-2 text-sm">
          <span className="flex-1">{notice}</span>
          <button type="button" className="focus-ring rounded px-2 text-[var(--muted)] underline" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      {stopped !== null && (
        <div role="status" data-testid="stopped" className="rounded-md border-2 border-[var(--warn,var(--line))] bg-[var(--panel)] px-3 py-2 text-sm">
          <strong>The run stopped early:</strong> {stopped}
        </div>
      )}
      {failure !== null && (
        <div role="alert" data-testid="failure" className="flex flex-wrap items-start gap-x-3 gap-y-1 rounded-md border-2 border-[var(--error)] px-3 py-2 text-sm">
          <span className="min-w-0 flex-1 basis-72">
            <strong className="text-[var(--error)]">{recovery !== null ? 'The simulation stopped.' : 'Simulation error:'}</strong> {failure}
          </span>
          {recovery !== null && (
            <span className="flex gap-2">
              <button type="button" className="focus-ring rounded border border-[var(--line)] px-2 py-0.5" onClick={() => reopen()}>
                Reopen at step {n(recovery.step)}
              </button>
              <button type="button" className="focus-ring rounded px-2 py-0.5 text-[var(--muted)] underline" onClick={() => reopen(true)}>
                Run it all again
              </button>
            </span>
          )}
        </div>
      )}
      {invariants.length > 0 && (
        <div role="alert" className="rounded-md border-2 border-[var(--error)] px-3 py-2 text-sm">
          <strong className="text-[var(--error)]">Engine bug: an invariant broke.</strong> {invariants.slice(0, 3).join(' · ')}
        </div>
      )}
    </div>
  );
}
