/**
 * Sorted lists of runs: consecutive table entries described once. Both PTE
 * pages (runs of leaves) and PMD pages (runs of uniform PTE pages, hugetlb
 * leaves, links) keep their non-empty entries this way; gaps are empty entries.
 */
export interface Run {
  lo: number;
  hi: number;
}

/** How a kind of run splits at an index and joins with its neighbour. */
export interface RunKind<R extends Run> {
  /** The part of r from `at` on (r itself keeps [lo, at)). */
  tail(r: R, at: number): R;
  /** Whether b continues a (b.lo === a.hi is checked by the caller). */
  joins(a: R, b: R): boolean;
}

/** Index of the first of `xs` (sorted by `end`) whose end is above x: a lower bound. */
export function firstEndingAbove<T>(xs: readonly T[], end: (t: T) => number, x: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (end(xs[mid]!) > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

const runEnd = (r: Run): number => r.hi;

/** Index of the first run whose hi is above i. */
export function firstRunAbove<R extends Run>(runs: readonly R[], i: number): number {
  return firstEndingAbove(runs, runEnd, i);
}

/** The run holding entry i, or null for an empty entry. */
export function runAt<R extends Run>(runs: readonly R[], i: number): R | null {
  const k = firstRunAbove(runs, i);
  const r = runs[k];
  return r !== undefined && r.lo <= i ? r : null;
}

/** Makes `at` a run boundary. */
export function splitAt<R extends Run>(runs: R[], kind: RunKind<R>, at: number): void {
  const k = firstRunAbove(runs, at);
  const r = runs[k];
  if (r === undefined || r.lo >= at) return;
  const t = kind.tail(r, at);
  r.hi = at;
  runs.splice(k + 1, 0, t);
}

/** Replaces whatever lies in [lo, hi) with `fresh` (sorted, inside [lo, hi)). */
export function replaceRange<R extends Run>(runs: R[], kind: RunKind<R>, lo: number, hi: number, fresh: R[]): void {
  splitAt(runs, kind, lo);
  splitAt(runs, kind, hi);
  const a = firstRunAbove(runs, lo);
  let b = a;
  while (b < runs.length && runs[b]!.lo < hi) b++;
  runs.splice(a, b - a, ...fresh);
}

/**
 * replaceRange for the list `holder.runs`; an empty list is replaced by an exact-size copy
 * of `fresh` instead: grown by splice it would reserve 17 slots, and a world holds millions
 * of PMD pages, most with one run. Callers must not keep the old list across the call.
 */
export function replaceRuns<R extends Run>(holder: { runs: R[] }, kind: RunKind<R>, lo: number, hi: number, fresh: R[]): void {
  if (holder.runs.length === 0) holder.runs = fresh.slice();
  else replaceRange(holder.runs, kind, lo, hi, fresh);
}

/** Joins neighbours that continue each other, so uniform stretches stay one run. */
export function coalesce<R extends Run>(runs: R[], kind: RunKind<R>): void {
  // Most lists are joined already: look for a first pair that joins before writing anything.
  let i = 1;
  while (i < runs.length && !continuesRun(runs[i - 1]!, runs[i]!, kind)) i++;
  if (i >= runs.length) return;
  let w = i;
  for (; i < runs.length; i++) {
    const r = runs[i]!;
    const prev = runs[w - 1]!;
    if (continuesRun(prev, r, kind)) prev.hi = r.hi;
    else runs[w++] = r;
  }
  runs.length = w;
}

function continuesRun<R extends Run>(a: R, b: R, kind: RunKind<R>): boolean {
  return a.hi === b.lo && kind.joins(a, b);
}

/**
 * coalesce for a list that was joined everywhere before its runs over
 * [lo, hi) were replaced: only those runs and their two neighbours can join,
 * so the result is the same as coalesce's at the cost of the runs in reach.
 */
export function coalesceNear<R extends Run>(runs: R[], kind: RunKind<R>, lo: number, hi: number): void {
  const k = Math.max(0, firstRunAbove(runs, lo) - 1);
  let w = k + 1;
  let i = k + 1;
  for (; i < runs.length; i++) {
    const r = runs[i]!;
    const prev = runs[w - 1]!;
    if (prev.hi === r.lo && kind.joins(prev, r)) prev.hi = r.hi;
    else if (r.lo >= hi) break;
    else runs[w++] = r;
  }
  if (i > w) runs.splice(w, i - w);
}

/**
 * The pieces of [lo, hi): each run overlapping it (clipped) and each gap, in
 * order. An array, not a generator: callers change the runs while they walk.
 */
export function piecesIn<R extends Run>(runs: readonly R[], lo: number, hi: number): [number, number, R | null][] {
  const out: [number, number, R | null][] = [];
  let at = lo;
  for (let k = firstRunAbove(runs, lo); k < runs.length && at < hi; k++) {
    const r = runs[k]!;
    if (r.lo >= hi) break;
    if (r.lo > at) out.push([at, r.lo, null]);
    const b = Math.min(hi, r.hi);
    out.push([Math.max(at, r.lo), b, r]);
    at = b;
  }
  if (at < hi) out.push([at, hi, null]);
  return out;
}

/** Entries of [lo, hi) that some run holds. */
export function countIn<R extends Run>(runs: readonly R[], lo: number, hi: number): number {
  let n = 0;
  for (let k = firstRunAbove(runs, lo); k < runs.length && runs[k]!.lo < hi; k++) n += Math.min(hi, runs[k]!.hi) - Math.max(lo, runs[k]!.lo);
  return n;
}
