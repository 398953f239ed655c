/**
 * The scale explorer's three curves as the worker computes them: 50 ms slices,
 * timing the first points, the first complete curve and all three (issue 8's
 * targets at 1500 x 300 GiB: first points within 1 s, all three under 10 s).
 */
import { createScaleExplorer } from '../src/worker/scale/explorer';
import type { ScaleInput, ScaleModel, ScalePoint } from '../src/protocol/scale';
import { formatBytes } from '../src/sim/geometry';

const SLICE_MS = 50;

export interface ScaleTiming {
  readonly firstPointsMs: number;
  readonly firstCurveMs: number;
  readonly allMs: number;
  readonly perCurveMs: Record<ScaleModel, number>;
  readonly last: Record<ScaleModel, ScalePoint | undefined>;
  readonly unsharedOomAt: number | null;
}

/** Runs the explorer to the end in worker-sized slices and times it. */
export function timeScale(input: ScaleInput): ScaleTiming {
  const t0 = performance.now();
  const created = createScaleExplorer(input, () => performance.now());
  if (!created.ok) throw new Error(created.problems.join('; '));
  const last: Record<ScaleModel, ScalePoint | undefined> = { none: undefined, shared_pt: undefined, hugetlb: undefined, needed: undefined };
  const done: Partial<Record<ScaleModel, number>> = {};
  let firstPointsMs = -1;
  let previous = t0;
  for (;;) {
    const p = created.explorer.advance(SLICE_MS);
    const t = performance.now() - t0;
    if (firstPointsMs < 0 && p.batches.length > 0) firstPointsMs = t;
    for (const b of p.batches) last[b.model] = b.points[b.points.length - 1];
    const curvesDone = Math.floor(p.ran / input.procs);
    (['none', 'shared_pt', 'hugetlb', 'needed'] as const).slice(0, curvesDone).forEach((m) => (done[m] ??= t));
    previous = t;
    if (p.curves !== null) {
      const oom = p.curves.find((c) => c.model === 'none')?.firstOomAt ?? null;
      const bad = p.curves.filter((c) => c.invariants.length > 0);
      if (bad.length > 0) throw new Error(`invariants broken: ${bad[0]!.invariants[0]}`);
      const ms = (m: ScaleModel, before: number): number => (done[m] ?? previous) - before;
      return {
        firstPointsMs, firstCurveMs: done.none ?? previous, allMs: done.hugetlb ?? previous, last, unsharedOomAt: oom,
        perCurveMs: { none: ms('none', 0), shared_pt: ms('shared_pt', done.none ?? 0), hugetlb: ms('hugetlb', done.shared_pt ?? 0), needed: done.needed === undefined ? 0 : ms('needed', done.hugetlb ?? 0) },
      };
    }
  }
}

/** One line per case: the three times, then the figures the chart shows at its right end. */
export function scaleLine(label: string, input: ScaleInput): ScaleTiming {
  const t = timeScale(input);
  const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
  const tables = (m: ScaleModel): string => formatBytes(t.last[m]?.pagetablesBytes ?? 0);
  console.log(
    `${label.padEnd(44)} first points ${s(t.firstPointsMs)}  first curve ${s(t.firstCurveMs)}  all three ${s(t.allMs)}` +
      `  (curves ${s(t.perCurveMs.none)} / ${s(t.perCurveMs.shared_pt)} / ${s(t.perCurveMs.hugetlb)})`,
  );
  console.log(
    `${''.padEnd(44)} PTE pages unshared ${t.last.none?.ptePageBytes ?? 0} B  tables ${tables('none')} / ${tables('shared_pt')} / ${tables('hugetlb')}` +
      `  unshared OOM at ${t.unsharedOomAt ?? 'none'}`,
  );
  return t;
}
