/**
 * Where each table sits in a column. Slots come from the address window, not
 * from which tables exist: the PTE page for 0x7f00_0020_0000 always has the
 * same place, so a table appearing or vanishing never moves its neighbours
 * (DESIGN: nothing jumps). Zoomed far out, a level with too many possible
 * tables lists only those present, in address order.
 */
import { LEVELS, alignDown, tableSpan, type Level } from '../sim/geometry';
import type { AddressWindow, TableSnap } from '../protocol/messages';

export interface LevelSlots {
  readonly level: Level;
  /** Start address of the table each slot holds. */
  readonly vas: readonly number[];
  /** True when the slots list only the tables present (zoomed out). */
  readonly compact: boolean;
  /** Tables present but left off past the cap. */
  readonly more: number;
}

/** Most slots per level: one PGD, a couple of PUD and PMD pages, a few PTE pages. */
export const MAX_SLOTS: Readonly<Record<Level, number>> = { pgd: 1, pud: 2, pmd: 2, pte: 4 };

export function levelSlots(win: AddressWindow, tables: readonly TableSnap[]): LevelSlots[] {
  return LEVELS.map((level) => {
    if (level === 'pgd') return { level, vas: [0], compact: false, more: 0 };
    const span = tableSpan(level);
    const base = alignDown(win.lo, span);
    const count = Math.ceil((win.hi - base) / span);
    if (count <= MAX_SLOTS[level]) {
      return { level, vas: Array.from({ length: count }, (_, i) => base + i * span), compact: false, more: 0 };
    }
    const present = [...new Set(tables.filter((t) => t.level === level).map((t) => t.va))].sort((a, b) => a - b);
    return { level, vas: present.slice(0, MAX_SLOTS[level]), compact: true, more: Math.max(0, present.length - MAX_SLOTS[level]) };
  });
}
