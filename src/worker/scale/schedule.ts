/**
 * Which process counts a curve keeps, so a series of up to 5000 processes stays
 * small enough to post and draw: every count up to DENSE_UP_TO, then
 * PER_DECADE log-spaced counts per factor of ten, always the last count; the
 * run adds the first OOM-kill count itself (see modelRun.ts). At 5000
 * processes that is at most 100 + 41 + 1 points per curve.
 */

/** Every process count up to here is a point (the chart's left end is drawn exactly). */
export const DENSE_UP_TO = 100;

/** Log-spaced points per factor of ten beyond DENSE_UP_TO. */
export const PER_DECADE = 24;

/** The process counts kept for a run of `procs` processes, ascending, without duplicates. */
export function sampleCounts(procs: number): number[] {
  const out: number[] = [];
  for (let n = 1; n <= Math.min(procs, DENSE_UP_TO); n++) out.push(n);
  for (let k = 1; ; k++) {
    const n = Math.round(DENSE_UP_TO * 10 ** (k / PER_DECADE));
    if (n >= procs) break;
    if (n > (out[out.length - 1] ?? 0)) out.push(n);
  }
  if ((out[out.length - 1] ?? 0) < procs) out.push(procs);
  return out;
}

/** Answers "is n a kept count?" for counts asked in ascending order, in O(1) each. */
export class SampleSchedule {
  private readonly counts: number[];
  private next = 0;

  constructor(procs: number) {
    this.counts = sampleCounts(procs);
  }

  /** True when n is kept; n must not decrease between calls. */
  keeps(n: number): boolean {
    while (this.next < this.counts.length && (this.counts[this.next] ?? Infinity) < n) this.next++;
    return this.counts[this.next] === n;
  }

  /** How many points the schedule alone keeps. */
  get size(): number {
    return this.counts.length;
  }
}
