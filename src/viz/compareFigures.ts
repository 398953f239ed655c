/**
 * The comparison in numbers: each side's system page-table memory, Σ VmPTE,
 * processes alive and OOM-killed, and how many times less the shared side
 * needs ("383× less"), from the two snapshots of one step.
 */
import type { Snapshot } from '../protocol/messages';
import { formatBytes } from './format';

export interface SideFigures {
  readonly label: string;
  readonly pagetablesBytes: number;
  readonly vmpteBytes: number;
  readonly alive: number;
  readonly oomKilled: number;
}

export function sideFigures(s: Snapshot): SideFigures {
  return { label: s.label, pagetablesBytes: s.memory.pagetablesBytes, vmpteBytes: s.totals.processPgtablesBytes, alive: s.totals.processes, oomKilled: s.totals.oomKilled };
}

/** "383× less", "2.5× more", or "the same": how the first side's tables compare with the second's. */
export function ratioWords(a: number, b: number): string {
  if (a === b) return 'the same';
  if (a === 0 || b === 0) return a < b ? 'none at all on this side' : 'only on this side';
  const r = a < b ? b / a : a / b;
  const n = r >= 100 ? Math.round(r).toLocaleString('en-US') : r >= 10 ? r.toFixed(0) : r.toFixed(1);
  return `${n}× ${a < b ? 'less' : 'more'}`;
}

/** The difference bar's sentence: "with MAP_SHARED_PT: 2.3 GiB · without sharing: 880.6 GiB · 383× less". */
export function differenceText(a: SideFigures, b: SideFigures): string {
  return `${a.label}: ${formatBytes(a.pagetablesBytes)} · ${b.label}: ${formatBytes(b.pagetablesBytes)} · ${ratioWords(a.pagetablesBytes, b.pagetablesBytes)}`;
}
