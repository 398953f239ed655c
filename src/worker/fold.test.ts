import { describe, expect, it } from 'vitest';
import type { MmView } from '../sim/view';
import { foldProcesses } from './fold';

function mm(id: number, shape: string): MmView {
  return { id, name: `db${id}`, isHost: false, tasks: [`db${id}`], pgtablesBytes: 8192, rssPages: 0, vmas: [], tables: [], shape };
}

describe('folding identical processes', () => {
  it('folds nothing while every process fits', () => {
    const f = foldProcesses([mm(1, 'a'), mm(2, 'a'), mm(3, 'b')], 8);
    expect(f.cards.map((c) => [c.mm.name, c.count])).toEqual([
      ['db1', 1],
      ['db2', 1],
      ['db3', 1],
    ]);
    expect(f.hidden).toBe(0);
  });

  it('folds 1500 identical processes into one card that counts them all', () => {
    const many = Array.from({ length: 1500 }, (_, i) => mm(i + 1, 'same'));
    const f = foldProcesses(many, 8);
    expect(f.cards).toHaveLength(1);
    expect(f.cards[0]).toMatchObject({ count: 1500, lastName: 'db1500' });
    expect(f.cards[0]?.mm.name).toBe('db1');
  });

  it('lets a process that diverges stand on its own, in first-appearance order', () => {
    const many = Array.from({ length: 20 }, (_, i) => mm(i + 1, i === 6 ? 'odd' : 'same'));
    const f = foldProcesses(many, 8);
    expect(f.cards.map((c) => [c.mm.name, c.count, c.lastName])).toEqual([
      ['db1', 19, 'db20'],
      ['db7', 1, 'db7'],
    ]);
  });

  it('leaves off whole groups past the budget and says how many processes that hid', () => {
    const many = Array.from({ length: 12 }, (_, i) => mm(i + 1, String(i % 6)));
    const f = foldProcesses(many, 4);
    expect(f.cards).toHaveLength(4);
    expect(f.hidden).toBe(4);
  });
});
