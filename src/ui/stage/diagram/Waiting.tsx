/**
 * While the step asked for is on its way (the worker is still running up to it, or
 * building its picture), the diagram keeps the picture it has and says so: which step it
 * shows, which is coming, and how far the run has got. It appears only after 200 ms, so
 * ordinary steps never flash it.
 */
import { useEffect, useState } from 'react';
import { selectRan, selectSnapshot, selectStep, selectTotal } from '../../../store/selectors';
import { useSim } from '../../common/SimProvider';
import { grouped } from '../../../viz/format';

const SHOW_AFTER_MS = 200;

export function Waiting() {
  const step = useSim(selectStep);
  const shown = useSim(selectSnapshot)?.step ?? null;
  const ran = useSim(selectRan);
  const total = useSim(selectTotal);
  const waiting = shown !== null && shown !== step;
  const [late, setLate] = useState(false);
  useEffect(() => {
    setLate(false);
    if (!waiting) return;
    const t = setTimeout(() => setLate(true), SHOW_AFTER_MS);
    return () => clearTimeout(t);
  }, [waiting, step]);
  if (!waiting || !late) return null;
  const running = ran < step;
  return (
    <div role="status" data-testid="waiting" className="pointer-events-none absolute left-1/2 top-2 z-10 -translate-x-1/2 w-max max-w-[calc(100%-1rem)] rounded-md border border-[var(--line)] bg-[var(--panel)] px-3 py-1.5 text-sm shadow">
      Showing step {grouped(shown)}; step {grouped(step)} is on its way
      {running ? ` (simulated ${grouped(ran)} of ${grouped(total)} steps)` : '…'}
    </div>
  );
}
