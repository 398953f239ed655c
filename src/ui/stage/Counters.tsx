/**
 * The memory figures that make the case: the system's page-table memory
 * (each page once, like PageTables in /proc/meminfo) beside the sum of every
 * process's VmPTE, file pages and RAM; exact bytes on hover.
 */
import { exactBytes, formatBytes, grouped, plural } from '../../viz/format';
import { selectSnapshot } from '../../store/selectors';
import { useSimLater } from '../common/useSimLater';

function Figure({ label, bytes, hint }: { label: string; bytes: number; hint: string }) {
  return (
    <div className="min-w-0" title={`${exactBytes(bytes)}: ${hint}`}>
      <dt className="text-[11px] text-[var(--muted)]">{label}</dt>
      <dd className="font-mono text-sm font-semibold tabular-nums">{formatBytes(bytes)}</dd>
    </div>
  );
}

export function Counters() {
  const snap = useSimLater(selectSnapshot);
  if (snap === null) return null;
  const { memory, totals } = snap;
  return (
    <section aria-label="Memory counters" className="flex flex-col gap-y-1 px-4 pt-1 pb-3 lg:pt-2" data-testid="counters">
      <dl className="flex flex-wrap gap-x-5 gap-y-1">
        <Figure label="PageTables (system)" bytes={memory.pagetablesBytes} hint="every page-table page that exists, counted once, PGDs and host mms included" />
        <Figure label="Σ VmPTE of processes" bytes={totals.processPgtablesBytes} hint="what the processes are charged; host PTE pages appear in none of them" />
        <Figure label="File pages" bytes={memory.fileBytes} hint="page cache and hugetlb pages" />
        <Figure label="RAM" bytes={memory.ramBytes} hint="the machine's memory" />
      </dl>
      <p className="text-xs text-[var(--muted)]">
        {plural(totals.processes, 'process', 'processes')} · {plural(totals.hosts, 'host mm')}
        {totals.shown < totals.processes ? ` · ${grouped(totals.processes - totals.shown)} not drawn (too many kinds to show)` : ''}
        {snap.truncated ? ' · some tables left off: zoom in' : ''}
      </p>
    </section>
  );
}
