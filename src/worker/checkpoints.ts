/**
 * Checkpoints for going back in time without a replay from scratch: a copy
 * of the state every `every` steps, so a replay runs at most that many steps.
 * Copies of a big world are not free (a 1500-process, 300 GiB world takes
 * seconds and over 100 MB per copy), so two guards keep the run fast and the
 * memory bounded, both measured in the time a copy took (a proxy for its size):
 * - a copy is taken only once the steps since the last one took at least as
 *   long to run as that copy took to make (copying never costs more than half
 *   the run, and a replay is never much longer than a copy);
 * - past `maxCost` ms of copies in total, or `maxCount` copies, the one whose
 *   loss leaves the smallest gap goes (never the copy of step 0).
 */
export interface CheckpointOptions {
  readonly every: number;
  readonly maxCount: number;
  /** Milliseconds of copying that may be kept, summed over the copies. */
  readonly maxCost: number;
  readonly clock: () => number;
}

interface Saved<T> {
  readonly state: T;
  readonly cost: number;
}

export class Checkpoints<T> {
  private readonly saved = new Map<number, Saved<T>>();
  private lastStep = -Infinity;
  private lastCost = 0;
  private sinceMs = 0;

  constructor(
    private readonly copy: (state: T) => T,
    private readonly options: CheckpointOptions,
  ) {
    if (options.every < 1 || options.maxCount < 2) throw new Error('checkpoints need every >= 1 and maxCount >= 2');
  }

  get count(): number {
    return this.saved.size;
  }

  /** Steps a replay may run when copies are cheap. */
  get every(): number {
    return this.options.every;
  }

  /** Offers the state after `step`; `ranMs` is how long that step took to run. */
  offer(step: number, state: T, ranMs = 0): void {
    this.sinceMs += ranMs;
    if (this.saved.has(step)) return;
    if (this.saved.size > 0 && (step - this.lastStep < this.options.every || this.sinceMs < this.lastCost)) return;
    const t = this.options.clock();
    const copy = this.copy(state);
    const cost = Math.max(0, this.options.clock() - t);
    this.saved.set(step, { state: copy, cost });
    this.lastStep = step;
    this.lastCost = cost;
    this.sinceMs = 0;
    this.trim();
  }

  /** The latest checkpoint at or before `step`, as a fresh copy the caller may run forward. */
  restore(step: number): { readonly step: number; readonly state: T } | null {
    let best = -1;
    for (const s of this.saved.keys()) if (s <= step && s > best) best = s;
    const saved = this.saved.get(best);
    return saved === undefined ? null : { step: best, state: this.copy(saved.state) };
  }

  /** The step of the checkpoint a restore of `step` would start from (-1: none). */
  baseOf(step: number): number {
    let best = -1;
    for (const s of this.saved.keys()) if (s <= step && s > best) best = s;
    return best;
  }

  private trim(): void {
    const total = (): number => [...this.saved.values()].reduce((n, s) => n + s.cost, 0);
    while (this.saved.size > 2 && (this.saved.size > this.options.maxCount || total() > this.options.maxCost)) {
      const steps = [...this.saved.keys()].sort((a, b) => a - b);
      let victim = -1;
      let smallest = Infinity;
      // never the first (step 0) nor the latest (the run goes on from there)
      for (let i = 1; i < steps.length - 1; i++) {
        const gap = (steps[i + 1] as number) - (steps[i - 1] as number);
        if (gap < smallest) {
          smallest = gap;
          victim = steps[i] as number;
        }
      }
      this.saved.delete(victim);
    }
  }
}
