/**
 * The two pictures of a step, side by side: where every column, card and
 * curve stood before and stands after, keyed as the layout keys them. What
 * left the picture keeps its old box so it can fade where it stood; what
 * moved knows how far, so it slides instead of jumping (DESIGN: nothing
 * jumps between steps).
 */
import type { Card, Column, DiagramLayout } from './layout';
import type { LinkCurve } from './links';

export interface Move<T> {
  readonly from: T;
  readonly to: T;
  readonly dx: number;
  readonly dy: number;
}

export interface StageDiff {
  readonly columns: { readonly added: readonly Column[]; readonly removed: readonly Column[]; readonly moved: ReadonlyMap<number, Move<Column>> };
  readonly cards: { readonly added: readonly Card[]; readonly removed: readonly Card[]; readonly moved: ReadonlyMap<string, Move<Card>> };
  readonly curves: { readonly added: readonly LinkCurve[]; readonly removed: readonly LinkCurve[] };
  /** The drawing's width before and after: it widens or narrows with the slide. */
  readonly width: { readonly from: number; readonly to: number };
}

function diffBy<T extends { x: number; y: number }, K>(prev: readonly T[], next: readonly T[], key: (t: T) => K) {
  const before = new Map(prev.map((t) => [key(t), t]));
  const after = new Map(next.map((t) => [key(t), t]));
  const moved = new Map<K, Move<T>>();
  for (const to of next) {
    const from = before.get(key(to));
    if (from !== undefined && (from.x !== to.x || from.y !== to.y)) moved.set(key(to), { from, to, dx: from.x - to.x, dy: from.y - to.y });
  }
  return { added: next.filter((t) => !before.has(key(t))), removed: prev.filter((t) => !after.has(key(t))), moved };
}

/** How the picture changes from `prev` to `next` (everything is new when there is no `prev`). */
export function stageDiff(prev: DiagramLayout | null, next: DiagramLayout, prevCurves: readonly LinkCurve[], nextCurves: readonly LinkCurve[]): StageDiff {
  const curvesBefore = new Set(prevCurves.map((c) => c.key));
  const curvesAfter = new Set(nextCurves.map((c) => c.key));
  return {
    columns: diffBy(prev?.columns ?? [], next.columns, (c) => c.mm.id),
    cards: diffBy(prev?.cards ?? [], next.cards, (c) => c.key),
    curves: {
      added: nextCurves.filter((c) => !curvesBefore.has(c.key)),
      removed: prevCurves.filter((c) => !curvesAfter.has(c.key)),
    },
    width: { from: prev === null || prev.columns.length === 0 ? next.width : prev.width, to: next.width },
  };
}
