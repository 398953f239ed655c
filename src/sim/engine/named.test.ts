import { describe, expect, it } from 'vitest';
import { mergeNamed, namedBy, type NamedMap } from './named';

const MiB = 2 ** 20;
const GiB = 2 ** 30;

describe('namedBy: what a step names, per mm', () => {
  it('folds a page walk, its fault and its set into one range', () => {
    const named = namedBy([
      { k: 'walk', mm: 1, va: 8 * MiB, stop: 'pte' },
      { k: 'fault', mm: 1, va: 8 * MiB, len: 4096, access: 'read', kind: 'normal' },
      { k: 'fill', file: 'f', page: 0, count: 1 },
      { k: 'set', mm: 1, level: 'pte', va: 8 * MiB, len: 4096, bits: 0 },
    ]);
    expect(named).toEqual(new Map([[1, [[8 * MiB, 8 * MiB + 4096]]]]));
  });

  it('keeps ranges apart that neither overlap nor meet, and joins those that meet', () => {
    const named = namedBy([
      { k: 'set', mm: 1, level: 'pte', va: 0, len: 4096, bits: 0 },
      { k: 'set', mm: 1, level: 'pte', va: 4096, len: 4096, bits: 0 },
      { k: 'set', mm: 1, level: 'pte', va: 3 * 4096, len: 4096, bits: 0 },
    ]);
    expect(named.get(1)).toEqual([
      [0, 8192],
      [3 * 4096, 4 * 4096],
    ]);
  });

  it('spans tables by their level, and names an mm whole for a PGD, a task, a host', () => {
    const named = namedBy([
      { k: 'alloc', mm: 1, level: 'pmd', va: GiB, count: 2, charged: 1 },
      { k: 'alloc', mm: 2, level: 'pgd', va: 0, count: 1, charged: 2 },
      { k: 'link', mm: 3, va: 0, len: 2 * MiB, host: 4 },
      { k: 'host_ref', host: 5, mm: 6, refcount: 1 },
      { k: 'task', task: 'a', mm: 7, how: 'process', parent: null },
    ]);
    expect(named.get(1)).toEqual([[GiB, 3 * GiB]]);
    expect(named.get(2)).toBe('all');
    expect(named.get(3)).toEqual([[0, 2 * MiB]]);
    for (const id of [4, 5, 6, 7]) expect(named.get(id)).toBe('all');
  });

  it('names every mm that sees a changed leaf or a flush, over the same range', () => {
    const named = namedBy([
      { k: 'prot', mm: 1, level: 'pte', va: 0, len: 4096, bits: 0, seenBy: [2, 3] },
      { k: 'tlb', mms: [4], va: 0, len: 4096 },
    ]);
    for (const id of [1, 2, 3, 4]) expect(named.get(id)).toEqual([[0, 4096]]);
  });

  it('lists the mms in the order the events first name them', () => {
    const named = namedBy([
      { k: 'share', mm: 3, va: 0, len: 2 ** 30, from: 1 },
      { k: 'alloc', mm: 2, level: 'pte', va: 0, count: 1, charged: 9 },
      { k: 'set', mm: 3, level: 'pte', va: 0, len: 4096, bits: 0 },
      { k: 'fill', file: 'f', page: 0, count: 1 },
    ]);
    expect([...named.keys()]).toEqual([3, 1, 2]);
  });

  it('goes whole past 64 separate ranges', () => {
    const events = Array.from({ length: 70 }, (_, i) => ({ k: 'set' as const, mm: 1, level: 'pte' as const, va: i * 8192, len: 4096, bits: 0 }));
    expect(namedBy(events).get(1)).toBe('all');
  });

  it('merges into another map without writing the tuples it shares', () => {
    const from = namedBy([{ k: 'set', mm: 1, level: 'pte', va: 0, len: 4096, bits: 0 }]);
    const into: NamedMap = new Map([[1, [[4096, 8192]]]]);
    mergeNamed(into, from);
    expect(into.get(1)).toEqual([[0, 8192]]);
    expect(from.get(1)).toEqual([[0, 4096]]);
  });
});
