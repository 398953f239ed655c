import { describe, expect, it } from 'vitest';
import { parse } from '../../scenario';
import { runScenario } from '../report';
import { createEngine } from './engine';
import { Mappers } from './mappers';

describe('the mms that map an object', () => {
  it('lists each mm once, in creation order, however its VMAs come and go', () => {
    const m = new Mappers();
    m.add(5);
    m.add(2);
    m.add(5);
    m.add(9);
    m.add(7);
    expect(m.ids).toEqual([2, 5, 7, 9]);
    expect(m.total).toBe(5);
    m.remove(5);
    expect(m.ids).toEqual([2, 5, 7, 9]);
    m.remove(5);
    m.remove(2);
    expect(m.ids).toEqual([7, 9]);
    expect(m.total).toBe(2);
  });

  it('copies for a checkpoint without sharing its lists', () => {
    const m = new Mappers();
    m.add(1);
    const c = m.clone();
    c.add(3);
    m.remove(1);
    expect(c.ids).toEqual([1, 3]);
    expect(m.ids).toEqual([]);
    expect(c.total).toBe(2);
  });

  it('rule: a hugetlb fault shares the PMD page of the first mm, in creation order, that maps the file page in a whole window', () => {
    // b maps the file first and c second, but c was created first: d finds c's use of the page before b's.
    const text = [
      'file h 2G hugetlb',
      'process a',
      'process c',
      'process b',
      'process d',
      'a mmap 0x400000000000 4K rw private -',
      'b mmap 0x7f0000000000 1G r shared h',
      'b touch 0x7f0000000000 read',
      'c mmap 0x7e0000000000 1G r shared h',
      'c touch 0x7e0000000000 read',
      'd mmap 0x7d0000000000 1G r shared h',
      'd touch 0x7d0000000000 read',
    ].join('\n');
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const shares: { mm: number; from: number }[] = [];
    runScenario(createEngine(), parsed.commands, {
      onStep: ({ events }) => {
        for (const e of events) if (e.k === 'share') shares.push({ mm: e.mm, from: e.from });
      },
    });
    // c (mm 2) shares b's page (mm 3); d (mm 4) then finds it through c, the older mm.
    expect(shares).toEqual([{ mm: 2, from: 3 }, { mm: 4, from: 2 }]);
  });
});
