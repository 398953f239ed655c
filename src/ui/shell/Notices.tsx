/** Messages for the person: a bad link, a worker failure, broken invariants (an engine bug: loud). */
import { selectFailure, selectNotice } from '../../store/selectors';
import { useActions, useSim } from '../common/SimProvider';

const NONE: readonly string[] = [];

export function Notices() {
  const notice = useSim(selectNotice);
  const failure = useSim(selectFailure);
  const invariants = useSim((s) => s.snapshot?.invariants ?? NONE);
  const { setNotice } = useActions();
  if (notice === null && failure === null && invariants.length === 0) return null;
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
      {failure !== null && (
        <div role="alert" className="rounded-md border-2 border-[var(--error)] px-3 py-2 text-sm">
          <strong className="text-[var(--error)]">Simulation error:</strong> {failure}
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
