import { describe, expect, it } from 'vitest';
import type { MmSnap } from '../protocol/messages';
import { ruler } from './ruler';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const base = 0x7f00_0000_0000;

const mm = (vmas: [number, number][]): MmSnap =>
  ({ vmas: vmas.map(([start, end]) => ({ start, end })) }) as unknown as MmSnap;

describe('the address ruler', () => {
  it('marks every 2 MiB boundary of a small window', () => {
    const r = ruler({ lo: base, hi: base + 8 * MiB }, [], 400);
    expect(r.ticks.map((t) => [t.kind, t.x])).toEqual([
      ['2m', 100],
      ['2m', 200],
      ['2m', 300],
      ['2m', 400],
      ['1g', 0],
    ]);
    expect(r.loLabel).toBe('0x7f00_0000_0000');
    expect(r.spanLabel).toBe('8 MiB');
  });

  it('keeps only 1 GiB boundaries when 2 MiB ones would crowd', () => {
    const r = ruler({ lo: base, hi: base + 4 * GiB }, [], 400);
    expect(r.ticks.every((t) => t.kind === '1g')).toBe(true);
    expect(r.ticks).toHaveLength(5);
  });

  it('shows mapped ranges merged and clipped to the window', () => {
    const r = ruler({ lo: base, hi: base + 8 * MiB }, [mm([[base - MiB, base + 2 * MiB]]), mm([[base + MiB, base + 4 * MiB]])], 800);
    expect(r.mapped).toEqual([{ x: 0, w: 400 }]);
  });
});
