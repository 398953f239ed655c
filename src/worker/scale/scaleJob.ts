/**
 * The scale explorer's job in the worker: one request at a time, run in
 * slices between other messages, its points posted as they come. A new
 * request or a cancel drops the running one (its late slices post nothing).
 */
import { PROTOCOL_VERSION as v, type FromWorker } from '../../protocol/messages';
import type { ScaleInput } from '../../protocol/scale';
import { createScaleExplorer, type ScaleExplorer } from './explorer';

export class ScaleJob {
  private current: { readonly id: number; readonly explorer: ScaleExplorer } | null = null;

  constructor(private readonly now: () => number) {}

  /** Starts request `id`, replacing any before it; an out-of-range request is answered at once. */
  start(id: number, input: ScaleInput): FromWorker[] {
    this.current = null;
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
