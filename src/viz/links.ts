/**
 * The curves that carry the lesson: every guest PMD entry that links into a
 * host PTE page (and every hugetlb PUD entry that shares a PMD page) drawn
 * from its line on the guest's card to the table it reaches, so the fan-in
 * on the host's pages is visible at a glance. A folded card's curve is wider
 * and says how many processes it stands for.
 */
import { linkHorizontal } from 'd3-shape';
import { CARD_LINES, type Card, type DiagramLayout } from './layout';
import { dirLines } from './entries';

export interface LinkCurve {
  readonly key: string;
  /** The mm whose entry points, and the table it reaches. */
  readonly from: number;
  readonly to: string;
  readonly path: string;
  /** How many processes the curve stands for (a folded card's count). */
  readonly count: number;
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  /** Entry range of the pointing card's line. */
  readonly lo: number;
  readonly hi: number;
  /** Layout keys of the cards at either end (they may slide during a step). */
  readonly fromCard: string;
  readonly toCard: string;
}

const curve = linkHorizontal<{ source: [number, number]; target: [number, number] }, [number, number]>()
  .source((d) => d.source)
  .target((d) => d.target);

/** The y of line `i` of a directory card (its middle). */
export function lineY(card: Card, i: number, lineH: number, cardHead: number): number {
  return card.y + cardHead + i * lineH + lineH / 2 + 1;
}

export function linkCurves(layout: DiagramLayout): LinkCurve[] {
  if (layout.metrics.narrow) return [];
  const { lineH, cardHead } = layout.metrics;
  const cardOf = new Map<string, Card>();
  for (const c of layout.cards) if (!cardOf.has(c.table.id)) cardOf.set(c.table.id, c);
  const countOf = new Map(layout.columns.map((c) => [c.mm.id, c.mm.count]));
  const out: LinkCurve[] = [];
  for (const card of layout.cards) {
    if (card.table.level === 'pte') continue;
    dirLines(card.table, CARD_LINES[card.table.level]).forEach((line, i) => {
      if (line.kind !== 'link' && line.kind !== 'shared') return;
      for (const id of line.targets) {
        const target = cardOf.get(id);
        if (target === undefined || target.mm === card.mm) continue;
        const rightward = target.x > card.x;
        const x1 = rightward ? card.x + card.w : card.x;
        const y1 = lineY(card, i, lineH, cardHead);
        const x2 = rightward ? target.x : target.x + target.w;
        const y2 = target.y + cardHead / 2;
        out.push({
          key: `${card.mm}>${id}`,
          from: card.mm,
          to: id,
          path: curve({ source: [x1, y1], target: [x2, y2] }) ?? '',
          count: countOf.get(card.mm) ?? 1,
          x1,
          y1,
          x2,
          y2,
          lo: line.lo,
          hi: line.hi,
          fromCard: card.key,
          toCard: target.key,
        });
      }
    });
  }
  return out;
}

/** The curve between two points, as linkCurves draws it. */
export function curvePath(x1: number, y1: number, x2: number, y2: number): string {
  return curve({ source: [x1, y1], target: [x2, y2] }) ?? '';
}

/** The point at `u` (0..1) along that curve: a cubic with both handles at the middle x. */
export function curvePoint(x1: number, y1: number, x2: number, y2: number, u: number): [number, number] {
  const mx = (x1 + x2) / 2;
  const a = (1 - u) ** 3;
  const b = 3 * (1 - u) ** 2 * u;
  const c = 3 * (1 - u) * u * u;
  const d = u ** 3;
  return [a * x1 + b * mx + c * mx + d * x2, a * y1 + b * y1 + c * y2 + d * y2];
}

/** The inward tree edges of a column: parent card's spine down to each child. */
export function treeEdge(parent: Card, child: Card, inset: number): string {
  const x = parent.x - inset / 2;
  return `M${parent.x},${parent.y + 9}H${x}V${child.y + 9}H${child.x}`;
}
