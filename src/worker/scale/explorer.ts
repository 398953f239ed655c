/**
 * The scale explorer's three curves as resumable work: the worker calls
 * advance(budgetMs) between messages, posts the new points, and drops the
 * explorer when a slider moves (that is all cancelling takes: nothing runs
 * outside advance). Curves run one after another, no sharing first, so the
 * seed's headline curve and its OOM point are complete soonest; only one
 * engine is alive at a time.
 */
import { ModelRun } from './modelRun';
import { SCALE_MODELS, type ScaleCurveSummary, type ScaleInput, type ScaleModel, type ScalePoint } from '../../protocol/scale';
import { validateScaleInput } from './validate';

/** New points of one model, in process order. */
export interface ScaleBatch {
  readonly model: ScaleModel;
  readonly points: readonly ScalePoint[];
}

export interface ScaleProgress {
  /** Points computed by this call, grouped by model (at most one group per model). */
  readonly batches: readonly ScaleBatch[];
  /** Processes run over all three models so far, and in total (3 × procs). */
  readonly ran: number;
  readonly total: number;
  /** Present once all three curves are complete. */
  readonly curves: readonly ScaleCurveSummary[] | null;
}

export interface ScaleExplorer {
  /** Runs processes until budgetMs of the clock have passed (at least one process), then reports. */
  advance(budgetMs: number): ScaleProgress;
  readonly finished: boolean;
}

export type CreatedExplorer = { readonly ok: true; readonly explorer: ScaleExplorer } | { readonly ok: false; readonly problems: string[] };

/** Validates the sliders and prepares the three runs; `now` is the clock (milliseconds). */
export function createScaleExplorer(input: ScaleInput, now: () => number): CreatedExplorer {
  const valid = validateScaleInput(input);
  if (!valid.ok) return valid;
  const procs = valid.input.procs;
  // The three curves, then (when no sharing ran out of memory) what it would have needed.
  const models: ScaleModel[] = [...SCALE_MODELS];
  let total = models.length * procs;
  const summaries: ScaleCurveSummary[] = [];
  // One engine at a time: a finished curve keeps its summary and lets its engine go.
  let run: ModelRun | null = null;
  const ran = (): number => summaries.length * procs + (run?.done ?? 0);
  const addNeeded = (s: ScaleCurveSummary): void => {
    if (s.model === 'none' && s.firstOomAt !== null && !models.includes('needed')) {
      models.push('needed');
      total += procs;
    }
  };

  const explorer: ScaleExplorer = {
    get finished() {
      return summaries.length === models.length;
    },
    advance(budgetMs: number): ScaleProgress {
      const deadline = now() + budgetMs;
      const batches: { model: ScaleModel; points: ScalePoint[] }[] = [];
      while (!explorer.finished) {
        run ??= new ModelRun(valid.input, models[summaries.length] as ScaleModel);
        const point = run.advance();
        if (point !== null) {
          const last = batches[batches.length - 1];
          if (last !== undefined && last.model === run.model) last.points.push(point);
          else batches.push({ model: run.model, points: [point] });
        }
        if (run.finished) {
          const summary = run.summary();
          summaries.push(summary);
          addNeeded(summary);
          run = null;
        }
        if (now() >= deadline) break;
      }
      return { batches, ran: ran(), total, curves: explorer.finished ? [...summaries] : null };
    },
  };
  return { ok: true, explorer };
}

/** Runs every curve to the end in one go (tests, benchmarks, the headless side). */
export function runScaleSeries(input: ScaleInput): { points: Record<ScaleModel, ScalePoint[]>; curves: readonly ScaleCurveSummary[] } {
  const created = createScaleExplorer(input, () => 0);
  if (!created.ok) throw new Error(created.problems.join('; '));
  const points: Record<ScaleModel, ScalePoint[]> = { none: [], shared_pt: [], hugetlb: [], needed: [] };
  for (;;) {
    const p = created.explorer.advance(Infinity);
    for (const b of p.batches) points[b.model].push(...b.points);
    if (p.curves !== null) return { points, curves: p.curves };
  }
}
