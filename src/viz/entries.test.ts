import { describe, expect, it } from 'vitest';
import { A, D, NX, P, U, W } from '../sim/bits';
import type { TableSnap } from '../protocol/messages';
import { CELL, DIRTY, cellWords, dirLines, pteCells, runAt, usedEntries } from './entries';

const table = (level: TableSnap['level'], entries: TableSnap['entries']): TableSnap => ({
  id: '1/254/0',
  level,
  va: 0x7f00_0000_0000,
  owner: 1,
  referrers: [1],
  referrerCount: 1,
  tree: 1,
  entries,
  shared: false,
});

describe('directory cards', () => {
  it('writes runs like ptdump, with where they point', () => {
    const pmd = table('pmd', [
      { kind: 'link', lo: 0, hi: 2, parent: '4/254/0', host: 4 },
      { kind: 'table', lo: 2, hi: 3, parent: '1/254/0' },
    ]);
    const lines = dirLines(pmd, 4);
    expect(lines.map((l) => l.text)).toEqual(['0–1 ⇢ host PTE ×2', '2 → PTE']);
    expect(lines[0]?.targets).toEqual(['4/254/0/0', '4/254/0/1']);
    expect(lines[1]?.targets).toEqual(['1/254/0/2']);
    expect(usedEntries(pmd)).toBe(3);
  });

  it('says how many runs it left off', () => {
    const many = table('pmd', Array.from({ length: 9 }, (_, i) => ({ kind: 'table' as const, lo: 2 * i, hi: 2 * i + 1, parent: 'p' })));
    const lines = dirLines(many, 4);
    expect(lines).toHaveLength(4);
    expect(lines[3]?.text).toBe('… 6 more runs');
  });
});

describe('PTE grids', () => {
  it('turns leaf bits into cell states, dirty as a mark on top', () => {
    const pte = table('pte', [
      { kind: 'leaf', lo: 0, hi: 2, file: 'f', page0: 0, bits: P | U | A | D | NX, pagesPerEntry: 1 },
      { kind: 'leaf', lo: 2, hi: 3, file: 'f', page0: 2, bits: P | W | U | A, pagesPerEntry: 1 },
      { kind: 'leaf', lo: 3, hi: 4, file: 'f', page0: 3, bits: U, pagesPerEntry: 1 },
    ]);
    const cells = pteCells(pte);
    expect([...cells.slice(0, 5)]).toEqual([CELL.ro | DIRTY, CELL.ro | DIRTY, CELL.rw, CELL.none, CELL.empty]);
    expect(cellWords(CELL.ro | DIRTY)).toBe('present, read-only, dirty');
    expect(runAt(pte, 2)?.lo).toBe(2);
    expect(runAt(pte, 7)).toBeNull();
  });
});
