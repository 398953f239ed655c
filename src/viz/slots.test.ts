import { describe, expect, it } from 'vitest';
import type { TableSnap } from '../protocol/messages';
import { levelSlots } from './slots';

const MiB = 2 ** 20;
const base = 0x7f00_0000_0000;
const pte = (va: number): TableSnap => ({ id: `x${va}`, level: 'pte', va, owner: 1, referrers: [1], referrerCount: 1, tree: 1, entries: [], shared: false });

describe('slots of a window', () => {
  it('gives each possible table of a small window a fixed place', () => {
    const slots = levelSlots({ lo: base, hi: base + 4 * MiB }, []);
    expect(slots.map((s) => [s.level, s.vas.length, s.compact])).toEqual([
      ['pgd', 1, false],
      ['pud', 1, false],
      ['pmd', 1, false],
      ['pte', 2, false],
    ]);
    expect(slots[3]?.vas).toEqual([base, base + 2 * MiB]);
  });

  it('lists only present tables, capped, when zoomed far out', () => {
    const tables = [0, 1, 2, 3, 4, 5].map((i) => pte(base + i * 2 * MiB));
    const s = levelSlots({ lo: base, hi: base + 2 ** 30 }, tables)[3];
    expect(s).toMatchObject({ compact: true, more: 2 });
    expect(s?.vas).toEqual([base, base + 2 * MiB, base + 4 * MiB, base + 6 * MiB]);
  });
});
