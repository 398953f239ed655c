/**
 * The tree inside a column: a quiet spine from each table to the ones below
 * it. An edge to a table the step allocates appears with that table.
 */
import { useMemo } from 'react';
import type { Plan } from '../../../viz/choreography';
import { parentCard, type Card } from '../../../viz/layout';
import { treeEdge } from '../../../viz/links';
import { usePhase } from '../../motion/MotionProvider';

export function TreeEdges({ cards, inset, plan }: { cards: readonly Card[]; inset: number; plan: Plan | null }) {
  const edges = useMemo(
    () =>
      cards.flatMap((c) => {
        const p = parentCard(c, cards);
        return p === null ? [] : [{ key: `${p.key}>${c.key}`, child: c.key, d: treeEdge(p, c, inset) }];
      }),
    [cards, inset],
  );
  return (
    <g aria-hidden="true" fill="none" stroke="var(--muted)" strokeOpacity={0.55} strokeWidth={1.25}>
      {edges.map((e) => (
        <Edge key={e.key} d={e.d} at={plan?.appearAt.get(e.child)} />
      ))}
    </g>
  );
}

function Edge({ d, at }: { d: string; at: number | undefined }) {
  return usePhase(at) === 'before' ? null : <path d={d} />;
}
