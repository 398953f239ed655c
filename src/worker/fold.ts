/**
 * Folding identical processes (SPEC 5, DESIGN "Many processes"): processes
 * whose view digests (`shape`) are equal become one stacked card, so 1500
 * clients of one SGA draw as a single column that says "1500 × identical".
 * Below the column budget nothing folds: a small lesson shows every process.
 */
import type { MmId } from '../sim/events';
import type { MmView } from '../sim/view';

export interface Card {
  /** The first process of the group: the one drawn. */
  readonly mm: MmView;
  readonly count: number;
  readonly lastName: string;
  readonly members: readonly MmId[];
}

export interface Folded {
  readonly cards: readonly Card[];
  /** Processes left off because even the folded cards exceed the budget. */
  readonly hidden: number;
}

/** Groups processes (non-host mms, in id order) into at most `maxCards` cards. */
export function foldProcesses(processes: readonly MmView[], maxCards: number): Folded {
  if (processes.length <= maxCards) {
    return { cards: processes.map((mm) => ({ mm, count: 1, lastName: mm.name, members: [mm.id] })), hidden: 0 };
  }
  const groups = new Map<string, { mm: MmView; last: MmView; members: MmId[] }>();
  for (const mm of processes) {
    const g = groups.get(mm.shape);
    if (g === undefined) groups.set(mm.shape, { mm, last: mm, members: [mm.id] });
    else {
      g.last = mm;
      g.members.push(mm.id);
    }
  }
  const all = [...groups.values()].map((g) => ({ mm: g.mm, count: g.members.length, lastName: g.last.name, members: g.members }));
  const cards = all.slice(0, maxCards);
  const hidden = all.slice(maxCards).reduce((n, c) => n + c.count, 0);
  return { cards, hidden };
}
