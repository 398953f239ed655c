import { describe, expect, it } from 'vitest';
import { DENSE_UP_TO, SampleSchedule, sampleCounts } from './schedule';

describe('sampleCounts', () => {
  it('keeps every count up to the dense limit', () => {
    expect(sampleCounts(1)).toEqual([1]);
    expect(sampleCounts(7)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    expect(sampleCounts(DENSE_UP_TO)).toHaveLength(DENSE_UP_TO);
  });

  it('is log-spaced beyond it, ascending, and always ends with the last count', () => {
    for (const procs of [101, 150, 1500, 4999, 5000]) {
      const c = sampleCounts(procs);
      expect(c[c.length - 1]).toBe(procs);
      for (let i = 1; i < c.length; i++) expect(c[i]!).toBeGreaterThan(c[i - 1]!);
    }
    const c = sampleCounts(5000);
    expect(c.length).toBeLessThanOrEqual(142);
    expect(c).toContain(1000);
    // successive ratios beyond the dense part stay near 10^(1/24)
    const tail = c.filter((n) => n > 200);
    for (let i = 1; i < tail.length - 1; i++) expect(tail[i]! / tail[i - 1]!).toBeLessThan(1.11);
  });
});

describe('SampleSchedule', () => {
  it('answers in ascending order exactly for the kept counts', () => {
    const s = new SampleSchedule(1500);
    const kept: number[] = [];
    for (let n = 1; n <= 1500; n++) if (s.keeps(n)) kept.push(n);
    expect(kept).toEqual(sampleCounts(1500));
    expect(s.size).toBe(kept.length);
  });
});
