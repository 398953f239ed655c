/**
 * The scale explorer's job in the worker: one request at a time, run in
 * slices between other messages, its points posted as they come. A new
 * request or a cancel drops the running one (its late slices post nothing).
 * Sliders that would hold more tables than a tab can keep are refused in words.
 */
import { PROTOCOL_VERSION as v, type FromWorker } from '../../protocol/messages';
import type { ScaleInput } from '../../protocol/scale';
import { createScaleExplorer, type ScaleExplorer } from './explorer';

/**
 * The worker's memory budget for one curve, in page-table pages held at once. Each
 * MAP_SHARED_PT or hugetlb sharer keeps its own PMD pages (about one per GiB mapped),
 * which no uniform run folds yet: 5000 x 1 TiB would hold 5 million of them, several
 * GB, and take the tab down with it. The seed (1500 x 300 GiB) needs 450,000.
 */
export const MAX_TABLE_PAGES = 1_500_000;

/** Why sliders would cross the budget, in words with the largest size that fits; null when they fit. */
export function overBudget(input: ScaleInput): string | null {
  const perProcess = Math.ceil(input.sizeBytes / 2 ** 30);
  const pages = input.procs * perProcess;
  if (pages <= MAX_TABLE_PAGES) return null;
  const fits = Math.floor(MAX_TABLE_PAGES / perProcess);
  return (
    `${input.procs.toLocaleString('en-US')} processes of ${perProcess.toLocaleString('en-US')} GiB would hold about ${pages.toLocaleString('en-US')} page-table pages at once, ` +
    `more than this browser tab can keep (${MAX_TABLE_PAGES.toLocaleString('en-US')}); at this size at most ${fits.toLocaleString('en-US')} processes fit (the headless benchmark runs any size)`
  );
}

export class ScaleJob {
  private current: { readonly id: number; readonly explorer: ScaleExplorer } | null = null;

  constructor(private readonly now: () => number) {}

  /** Starts request `id`, replacing any before it; an out-of-range request is answered at once. */
  start(id: number, input: ScaleInput): FromWorker[] {
    this.current = null;
    const tooLarge = overBudget(input);
    if (tooLarge !== null) return [{ v, type: 'scaleRejected', scaleId: id, problems: [tooLarge] }];
    const made = createScaleExplorer(input, this.now);
    if (!made.ok) return [{ v, type: 'scaleRejected', scaleId: id, problems: made.problems }];
    this.current = { id, explorer: made.explorer };
    return [];
  }

  cancel(id: number): void {
    if (this.current?.id === id) this.current = null;
  }

  get running(): boolean {
    return this.current !== null && !this.current.explorer.finished;
  }

  /** Runs one slice of about `budgetMs`; returns what to post. */
  slice(budgetMs: number): FromWorker[] {
    const job = this.current;
    if (job === null) return [];
    const progress = job.explorer.advance(budgetMs);
    const out: FromWorker[] = progress.batches.map((b) => ({ v, type: 'scalePoints', scaleId: job.id, model: b.model, points: b.points, ran: progress.ran, total: progress.total }));
    if (progress.curves !== null) {
      const none = progress.curves.find((c) => c.model === 'none');
      out.push({ v, type: 'scaleDone', scaleId: job.id, curves: progress.curves, unsharedOomAt: none?.firstOomAt ?? null });
      this.current = null;
    }
    return out;
  }
}
