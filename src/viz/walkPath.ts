/**
 * The hardware walk drawn on the stage: PGD → PUD → PMD → PTE through one
 * mm's tables for one address, with the entry index at each level, stopping
 * where the walk stopped (an empty entry: the fault; or a present leaf: a
 * hit). A guest's walk continues through its link into the host's PTE page,
 * as the MMU's does.
 */
import { indexAt, LEVELS, tableSpan, type Level } from '../sim/geometry';
import type { MmId } from '../sim/events';
import type { Snapshot } from '../protocol/messages';
import type { Box, Column, DiagramLayout } from './layout';

export interface WalkStep {
  readonly level: Level;
  /** The entry the walk reads at this level. */
  readonly index: number;
  /** Where the table of this level is drawn (after the step), if it is on screen. */
  readonly box: Box | null;
  /** True for the level whose entry stopped the walk. */
  readonly stops: boolean;
}

export interface Walk {
  /** The column the walk runs in. */
  readonly column: MmId;
  readonly va: number;
  readonly steps: readonly WalkStep[];
  /** The level whose entry was empty, or 'hit' / 'deny' at a present leaf. */
  readonly stop: Level | 'hit' | 'deny';
}

/**
 * The walk of `mm` for `va`: `stop` from a walk event, or, for a fault,
 * the first level whose table the step created (the entry above it was empty).
 */
export function walkPath(
  mm: MmId,
  va: number,
  stop: Level | 'hit' | 'deny' | null,
  prev: Snapshot,
  next: Snapshot,
  layout: DiagramLayout,
  colOf: ReadonlyMap<MmId, Column>,
): Walk | null {
  const col = colOf.get(mm);
  if (col === undefined) return null;
  const existed = new Set(prev.tables.map((t) => t.id));
  const byId = new Map(layout.cards.map((c) => [c.table.id, c]));
  const boxes = LEVELS.map((level) => {
    const own = layout.cards.find((c) => c.mm === col.mm.id && c.table.level === level && c.table.va <= va && va < c.table.va + tableSpan(level));
    if (own !== undefined) return own;
    const slot = layout.slots.find((s) => s.mm === col.mm.id && s.level === level && s.va <= va && va < s.va + tableSpan(level));
    return slot?.target == null ? undefined : byId.get(slot.target);
  });
  let at: Level | 'hit' | 'deny' = stop ?? 'pte';
  if (stop === null) {
    const fresh = boxes.findIndex((c) => c !== undefined && !existed.has(c.table.id));
    if (fresh > 0) at = LEVELS[fresh - 1] as Level;
  }
  const last = at === 'hit' || at === 'deny' ? LEVELS.length - 1 : LEVELS.indexOf(at);
  const steps = LEVELS.slice(0, last + 1).map((level, i) => {
    const c = boxes[i];
    return { level, index: indexAt(level, va), box: c === undefined ? null : { x: c.x, y: c.y, w: c.w, h: c.h }, stops: i === last };
  });
  return { column: col.mm.id, va, steps, stop: at };
}
