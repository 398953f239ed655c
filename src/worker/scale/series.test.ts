// SPEC 7 through the scale explorer: each figure is read from the engine run
// that adds processes one by one, the same engine the lessons use.
import { describe, expect, it } from 'vitest';
import { runScaleSeries } from './explorer';
import type { ScalePoint } from '../../protocol/scale';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const TiB = 2 ** 40;

const last = (points: readonly ScalePoint[]): ScalePoint => points[points.length - 1]!;

describe('scale series: the seed numbers', { timeout: 180_000 }, () => {
  it('1500 x 300 GiB without sharing: 943,718,400,000 bytes of PTE pages (878.9 GiB)', () => {
    const { points, curves } = runScaleSeries({ procs: 1500, sizeBytes: 300 * GiB, ramBytes: 2 * TiB });
    const plain = last(points.none);
    expect(plain).toMatchObject({ procs: 1500, ptePageBytes: 943_718_400_000, alive: 1500, oomKilled: 0 });
    expect(plain.ptePageBytes / GiB).toBeCloseTo(878.9, 1);
    // each process is charged its 153,600 PTE + 300 PMD + 1 PUD pages; the system adds 1500 PGDs
    expect(plain.vmpteBytes).toBe(1500 * (153_600 + 301) * 4096);
    expect(plain.pagetablesBytes).toBe(1500 * (153_600 + 302) * 4096);
    // MAP_SHARED_PT: one host holds the PTE pages once
    expect(last(points.shared_pt).ptePageBytes).toBe(153_600 * 4096);
    expect(last(points.hugetlb).ptePageBytes).toBe(0);
    expect(curves.every((c) => c.invariants.length === 0 && c.firstOomAt === null)).toBe(true);
  });

  it('on 512 GiB it also says what no sharing would have needed: 878.9 GiB of PTE pages', () => {
    const { points, curves } = runScaleSeries({ procs: 1500, sizeBytes: 300 * GiB, ramBytes: 512 * GiB });
    expect(curves.map((c) => c.model)).toEqual(['none', 'shared_pt', 'hugetlb', 'needed']);
    expect(last(points.needed)).toMatchObject({ procs: 1500, ptePageBytes: 943_718_400_000, alive: 1500, oomKilled: 0 });
  });

  it('runs no needed curve when no sharing fits', () => {
    const { curves } = runScaleSeries({ procs: 20, sizeBytes: 1 * GiB, ramBytes: 64 * GiB });
    expect(curves.map((c) => c.model)).toEqual(['none', 'shared_pt', 'hugetlb']);
  });

  it('on 512 GiB the unshared model first OOM-kills at process 362; both sharing models fit', () => {
    const { points, curves } = runScaleSeries({ procs: 1500, sizeBytes: 300 * GiB, ramBytes: 512 * GiB });
    // 2^27 frames - 78,643,200 file pages leaves room for 361 processes of 153,902 table pages
    const none = curves.find((c) => c.model === 'none')!;
    expect(none.firstOomAt).toBe(362);
    const oom = points.none.find((p) => p.procs === 362)!;
    expect(oom).toMatchObject({ alive: 361, oomKilled: 1 });
    expect(points.none.find((p) => p.procs === 361)).toBeUndefined(); // not on the schedule: the OOM point is added
    expect(last(points.none)).toMatchObject({ procs: 1500, alive: 361, oomKilled: 1139 });
    for (const model of ['shared_pt', 'hugetlb'] as const) {
      expect(last(points[model])).toMatchObject({ procs: 1500, alive: 1500, oomKilled: 0 });
      expect(curves.find((c) => c.model === model)!.firstOomAt).toBeNull();
    }
    // hugetlb: 1500 PGDs + 1500 PUDs + 300 shared PMD pages physically; each sharer charged 301 pages
    expect(last(points.hugetlb).pagetablesBytes).toBe((1500 + 1500 + 300) * 4096);
    expect(last(points.hugetlb).vmpteBytes).toBe(1500 * 301 * 4096);
    expect(curves.every((c) => c.invariants.length === 0)).toBe(true);
  });

  it('2000 processes reading one 4 KiB page of a 2 MiB file: 16,000 bytes of PTEs, in 2000 PTE pages', () => {
    const { points } = runScaleSeries({ procs: 2000, sizeBytes: 2 * MiB, ramBytes: 64 * GiB, touchBytes: 4096 });
    expect(last(points.none)).toMatchObject({ pteEntryBytes: 16_000, ptePageBytes: 2000 * 4096 });
    // shared: one host PTE page; each process still maps its page through the link
    expect(last(points.shared_pt)).toMatchObject({ pteEntryBytes: 16_000, ptePageBytes: 4096 });
  });

  it('1000 x 1 GiB: about 1.96 GiB of tables without sharing; the host PTE pages once with it', () => {
    const { points } = runScaleSeries({ procs: 1000, sizeBytes: GiB, ramBytes: 64 * GiB });
    const plain = last(points.none);
    expect(plain.vmpteBytes).toBe(1000 * 2056 * 1024);
    expect(plain.vmpteBytes / GiB).toBeCloseTo(1.96, 2);
    const shared = last(points.shared_pt);
    expect(shared.ptePageBytes).toBe(512 * 4096);
    expect(shared.vmpteBytes).toBe(1000 * 2 * 4096);
  });
});
