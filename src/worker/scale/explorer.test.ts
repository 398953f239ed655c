import { describe, expect, it } from 'vitest';
import { createScaleExplorer, runScaleSeries, type ScaleExplorer } from './explorer';
import { sampleCounts } from './schedule';
import type { ScaleModel, ScalePoint } from '../../protocol/scale';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** A clock that moves 1 ms each time it is read. */
function ticking(): () => number {
  let t = 0;
  return () => t++;
}

function explorer(input: Parameters<typeof createScaleExplorer>[0], now: () => number): ScaleExplorer {
  const created = createScaleExplorer(input, now);
  if (!created.ok) throw new Error(created.problems.join('; '));
  return created.explorer;
}

describe('createScaleExplorer', () => {
  it('refuses bad sliders before running anything', () => {
    expect(createScaleExplorer({ procs: 10, sizeBytes: 3 * MiB, ramBytes: 64 * GiB }, ticking())).toEqual({
      ok: false,
      problems: ['size 3 MiB is not a multiple of 2 MiB'],
    });
  });

  it('advances in slices that respect the budget, at least one process per call', () => {
    const x = explorer({ procs: 150, sizeBytes: 4 * MiB, ramBytes: 64 * GiB }, ticking());
    const first = x.advance(0);
    expect(first.ran).toBe(1);
    expect(first.total).toBe(450);
    expect(first.batches).toEqual([{ model: 'none', points: [expect.objectContaining({ procs: 1, alive: 1 })] }]);
    expect(x.advance(10).ran).toBeLessThanOrEqual(1 + 10);
    expect(x.finished).toBe(false);
  });

  it('gives, slice by slice, exactly the points of one uninterrupted run, curve after curve', () => {
    const input = { procs: 130, sizeBytes: 2 * GiB, ramBytes: 64 * GiB };
    const whole = runScaleSeries(input);
    const x = explorer(input, ticking());
    const sliced: Record<ScaleModel, ScalePoint[]> = { none: [], shared_pt: [], hugetlb: [], needed: [] };
    const order: ScaleModel[] = [];
    let curves = null;
    while (curves === null) {
      const p = x.advance(7);
      for (const b of p.batches) {
        sliced[b.model].push(...b.points);
        if (order[order.length - 1] !== b.model) order.push(b.model);
      }
      curves = p.curves;
    }
    expect(order).toEqual(['none', 'shared_pt', 'hugetlb']);
    expect(sliced).toEqual(whole.points);
    expect(curves).toEqual(whole.curves);
    expect(x.finished).toBe(true);
    expect(x.advance(5)).toMatchObject({ batches: [], ran: 390, total: 390 });
  });

  it('keeps the schedule\'s counts and adds the first OOM kill, on every curve', () => {
    // 1 GiB RAM, a 512 MiB file: the other 512 MiB hold the tables of about 500 unshared processes
    const { points, curves } = runScaleSeries({ procs: 600, sizeBytes: 512 * MiB, ramBytes: GiB });
    const none = curves.find((c) => c.model === 'none')!;
    expect(none.firstOomAt).not.toBeNull();
    const counts = new Set([...sampleCounts(600), none.firstOomAt!]);
    expect(points.none.map((p) => p.procs)).toEqual([...counts].sort((a, b) => a - b));
    expect(none.points).toBe(points.none.length);
    expect(points.none.find((p) => p.procs === none.firstOomAt)!.oomKilled).toBe(1);
    expect(points.shared_pt.map((p) => p.procs)).toEqual(sampleCounts(600));
    expect(curves.every((c) => c.invariants.length === 0)).toBe(true);
  });

  it('reads every figure back from the engine, one process more each time', () => {
    const { points } = runScaleSeries({ procs: 5, sizeBytes: 2 * GiB, ramBytes: 64 * GiB });
    expect(points.none.map((p) => p.vmpteBytes)).toEqual([1, 2, 3, 4, 5].map((n) => n * (1 + 2 + 1024) * 4096));
    expect(points.shared_pt.map((p) => p.ptePageBytes)).toEqual([1, 2, 3, 4, 5].map(() => 1024 * 4096));
    expect(points.hugetlb.every((p) => p.fileBytes === 2 * GiB && p.ptePageBytes === 0)).toBe(true);
  });
});
