/**
 * The address ruler: the window in view on a linear scale with its 2 MiB
 * (PTE page) and 1 GiB (PMD page) boundaries, and where the mappings are, so
 * a person sees both which tables are drawn and where to zoom next.
 */
import { scaleLinear } from 'd3-scale';
import { PMD_SIZE, PUD_SIZE, alignUp } from '../sim/geometry';
import type { AddressWindow, MmSnap } from '../protocol/messages';
import { formatBytes, hex } from './format';

export interface Tick {
  readonly x: number;
  readonly va: number;
  readonly kind: '2m' | '1g';
}

export interface Ruler {
  readonly ticks: readonly Tick[];
  /** Mapped ranges (union over the mms shown), clipped to the window. */
  readonly mapped: readonly { readonly x: number; readonly w: number }[];
  readonly loLabel: string;
  readonly hiLabel: string;
  readonly spanLabel: string;
}

/** Boundaries drawn only while they stay this far apart (px). */
const MIN_TICK_GAP = 6;

function boundaries(w: AddressWindow, step: number, kind: Tick['kind'], x: (va: number) => number, width: number): Tick[] {
  const n = (w.hi - w.lo) / step;
  if (n > width / MIN_TICK_GAP) return [];
  const out: Tick[] = [];
  for (let va = alignUp(w.lo, step); va <= w.hi; va += step) out.push({ x: x(va), va, kind });
  return out;
}

export function ruler(w: AddressWindow, mms: readonly MmSnap[], width: number): Ruler {
  const x = scaleLinear().domain([w.lo, w.hi]).range([0, width]);
  const gig = boundaries(w, PUD_SIZE, '1g', x, width);
  const gigs = new Set(gig.map((t) => t.va));
  const ticks = [...boundaries(w, PMD_SIZE, '2m', x, width).filter((t) => !gigs.has(t.va)), ...gig];
  const ranges = mms
    .flatMap((m) => m.vmas.map((v) => [Math.max(v.start, w.lo), Math.min(v.end, w.hi)] as const))
    .filter(([a, b]) => a < b)
    .sort((a, b) => a[0] - b[0]);
  const merged: [number, number][] = [];
  for (const [a, b] of ranges) {
    const last = merged[merged.length - 1];
    if (last !== undefined && a <= last[1]) last[1] = Math.max(last[1], b);
    else merged.push([a, b]);
  }
  return {
    ticks,
    mapped: merged.map(([a, b]) => ({ x: x(a), w: Math.max(1, x(b) - x(a)) })),
    loLabel: hex(w.lo),
    hiLabel: hex(w.hi),
    spanLabel: formatBytes(w.hi - w.lo),
  };
}
