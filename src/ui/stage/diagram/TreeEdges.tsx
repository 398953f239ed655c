/** The tree inside each column: a quiet spine from each table to the ones below it. */
import { useMemo } from 'react';
import { parentCard, type Card } from '../../../viz/layout';
import { treeEdge } from '../../../viz/links';

export function TreeEdges({ cards, inset }: { cards: readonly Card[]; inset: number }) {
  const edges = useMemo(
    () =>
      cards.flatMap((c) => {
        const p = parentCard(c, cards);
        return p === null ? [] : [{ key: `${p.key}>${c.key}`, d: treeEdge(p, c, inset) }];
      }),
    [cards, inset],
  );
  return (
    <g aria-hidden="true" fill="none" stroke="var(--muted)" strokeOpacity={0.55} strokeWidth={1.25}>
      {edges.map((e) => (
        <path key={e.key} d={e.d} />
      ))}
    </g>
  );
}
