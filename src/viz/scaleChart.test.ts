import { describe, expect, it } from 'vitest';
import type { ScalePoint } from '../protocol/scale';
import { pointsNear, scaleChart } from './scaleChart';

const GiB = 2 ** 30;
const pt = (model: ScalePoint['model'], procs: number, bytes: number): ScalePoint => ({ model, procs, pagetablesBytes: bytes + 4096, ptePageBytes: bytes, vmpteBytes: bytes, pteEntryBytes: bytes / 512, fileBytes: 0, alive: procs, oomKilled: 0 });

const points = {
  none: [pt('none', 1, 600 * 2 ** 20), pt('none', 362, 512 * GiB * 0.4), pt('none', 1500, 512 * GiB * 0.4)],
  needed: [pt('needed', 1, 600 * 2 ** 20), pt('needed', 1500, 943_718_400_000)],
  shared_pt: [pt('shared_pt', 1, 600 * 2 ** 20), pt('shared_pt', 1500, 600 * 2 ** 20)],
  hugetlb: [pt('hugetlb', 1, 4096), pt('hugetlb', 1500, 4096)],
};

describe('the scale chart', () => {
  const chart = scaleChart({ width: 800, height: 400, procs: 1500, ramBytes: 512 * GiB, points, measure: 'ptePages', unsharedOomAt: 362 });

  it('draws a curve per model and puts more memory higher up', () => {
    expect(chart.curves.map((c) => c.model).sort()).toEqual(['hugetlb', 'needed', 'none', 'shared_pt']);
    const needed = chart.curves.find((c) => c.model === 'needed');
    const hugetlb = chart.curves.find((c) => c.model === 'hugetlb');
    expect(needed?.last?.bytes).toBe(943_718_400_000);
    expect((needed?.last?.y ?? 0) < (hugetlb?.last?.y ?? 0)).toBe(true);
  });

  it('draws the RAM line between the needed curve and the shared ones, and marks the first OOM kill', () => {
    const needed = chart.curves.find((c) => c.model === 'needed')?.last?.y ?? 0;
    const shared = chart.curves.find((c) => c.model === 'shared_pt')?.last?.y ?? 0;
    expect(chart.ram?.y).toBeGreaterThan(needed);
    expect(chart.ram?.y).toBeLessThan(shared);
    expect(chart.oom?.procs).toBe(362);
    expect(chart.procsAt(chart.oom?.x ?? 0)).toBe(362);
  });

  it('reads out the nearest point of each curve under the pointer', () => {
    expect(pointsNear(points, 1400).map((p) => [p.model, p.procs])).toEqual([
      ['none', 1500],
      ['needed', 1500],
      ['shared_pt', 1500],
      ['hugetlb', 1500],
    ]);
  });
});
