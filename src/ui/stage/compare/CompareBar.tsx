/**
 * The comparison's numbers, always in view: one sentence that carries the
 * argument ("with MAP_SHARED_PT: 2.3 GiB · without sharing: 880.6 GiB · 383×
 * less") over a bar of each side's page-table memory, then each side's
 * PageTables, Σ VmPTE, processes alive and OOM-killed; exact bytes on hover.
 */
import type { Snapshot } from '../../../protocol/messages';
import { differenceText, sideFigures, type SideFigures } from '../../../viz/compareFigures';
import { exactBytes, formatBytes, grouped } from '../../../viz/format';

function Side({ f, max, accent }: { f: SideFigures; max: number; accent: string }) {
  const share = max === 0 ? 0 : Math.max(0.004, f.pagetablesBytes / max);
  return (
    <div className="min-w-0 flex-1" data-testid="compare-side">
      <div className="flex items-baseline justify-between gap-2">
        <h3 className="truncate text-sm font-semibold">{f.label}</h3>
        {f.oomKilled > 0 && (
          <span className="shrink-0 text-xs font-bold text-[var(--error)]" data-testid="compare-oom">
            {grouped(f.oomKilled)} OOM-killed
          </span>
        )}
      </div>
      <div className="mt-1 h-2.5 rounded-full bg-[var(--bg)]" aria-hidden="true">
        <div className="h-2.5 rounded-full" style={{ width: `${share * 100}%`, background: accent }} />
      </div>
      <dl className="mt-1 flex flex-wrap gap-x-4 text-xs">
        <div title={exactBytes(f.pagetablesBytes)}>
          <dt className="inline text-[var(--muted)]">PageTables </dt>
          <dd className="inline font-mono font-semibold" data-testid="compare-pagetables">{formatBytes(f.pagetablesBytes)}</dd>
        </div>
        <div title={exactBytes(f.vmpteBytes)}>
          <dt className="inline text-[var(--muted)]">Σ VmPTE </dt>
          <dd className="inline font-mono font-semibold">{formatBytes(f.vmpteBytes)}</dd>
        </div>
        <div>
          <dt className="inline text-[var(--muted)]">alive </dt>
          <dd className="inline font-mono font-semibold">{grouped(f.alive)}</dd>
        </div>
      </dl>
    </div>
  );
}

export function CompareBar({ main, other }: { main: Snapshot; other: Snapshot | null }) {
  const a = sideFigures(main);
  const b = other === null ? null : sideFigures(other);
  const max = Math.max(a.pagetablesBytes, b?.pagetablesBytes ?? 0);
  return (
    <section aria-label="The comparison in numbers" className="border-b border-[var(--line)] bg-[var(--panel)] px-4 py-2" data-testid="compare-bar">
      <p className="text-sm font-semibold" aria-live="polite" data-testid="difference">
        {b === null ? 'Running the other side…' : differenceText(a, b)}
      </p>
      <div className="mt-1 flex flex-col gap-3 sm:flex-row">
        <Side f={a} max={max} accent="var(--shared)" />
        {b !== null && <Side f={b} max={max} accent="var(--muted)" />}
      </div>
    </section>
  );
}
