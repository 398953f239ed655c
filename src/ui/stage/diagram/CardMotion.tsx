/**
 * One table card through a step: hidden until its table is allocated, then
 * growing into its slot; showing its old entries until the beat that writes
 * them, then the new ones with a sweep over what changed; held where it
 * stood until the slide. The card itself (DirCard, PteCard) only draws a
 * table; this wrapper decides which table, where, and how visible.
 */
import { memo, useMemo } from 'react';
import type { TableSnap } from '../../../protocol/messages';
import type { CardProps } from './cardProps';
import { beatProgress, ease } from '../../../viz/beats';
import type { Card, Metrics } from '../../../viz/layout';
import type { Plan } from '../../../viz/choreography';
import { GRID_COLS, rangeOutline } from '../../../viz/grid';
import { useMotionSetting, usePhase, usePlanFrame } from '../../motion/MotionProvider';
import { DirCard } from './DirCard';
import { PteCard } from './PteCard';
import { Shift } from './Shift';


/** The table as it stood before the step: its old entries; a new page only its child tables. */
function before(plan: Plan, t: TableSnap): TableSnap {
  const changed = plan.transition.tables.changed.find((c) => c.to.id === t.id);
  if (changed !== undefined) return changed.from;
  return { ...t, entries: t.entries.filter((r) => r.kind === 'table') };
}

function CardMotionInner({ plan, move, ...props }: CardProps & { plan: Plan | null; move: { dx: number; dy: number } | undefined }) {
  const { card } = props;
  const full = useMotionSetting() === 'full';
  const appearAt = plan?.appearAt.get(card.key);
  const turnAt = plan?.turnAt.get(card.key);
  const appear = usePhase(appearAt);
  const turn = usePhase(turnAt);
  const grow = usePlanFrame((p, t) => (full && appearAt !== undefined ? Math.round(ease(beatProgress(p, appearAt, t)) * 30) / 30 : 1));
  const sweep = usePlanFrame((p, t) => (turnAt !== undefined && plan?.sweeps.has(card.key) ? Math.round(beatProgress(p, turnAt, t) * 30) / 30 : 1));
  const oldTable = useMemo(() => (plan === null ? card.table : before(plan, card.table)), [plan, card.table]);
  const shown = turn === 'before' && plan !== null ? { ...card, table: oldTable } : card;
  if (appear === 'before') return null;
  const body = card.table.level === 'pte' ? <PteCard {...props} card={shown} /> : <DirCard {...props} card={shown} />;
  const ranges = plan?.sweeps.get(card.key);
  const scale = 0.6 + 0.4 * grow;
  const cx = card.x + card.w / 2;
  const cy = card.y + card.h / 2;
  return (
    <Shift move={move}>
      <g
        transform={grow < 1 ? `translate(${cx},${cy}) scale(${scale}) translate(${-cx},${-cy})` : undefined}
        opacity={appear === 'during' && !full ? 1 : grow < 1 ? grow : undefined}
        data-motion={appear === 'during' ? 'appearing' : turn === 'during' ? 'writing' : undefined}
      >
        {body}
        {turn === 'during' && ranges !== undefined && card.table.level === 'pte' && <Sweep card={card} m={props.m} ranges={ranges} p={full ? sweep : 1} />}
      </g>
    </Shift>
  );
}

/** The entries a beat writes, outlined as the beat passes over them (row by row when travelling). */
function Sweep({ card, m, ranges, p }: { card: Card; m: Metrics; ranges: readonly (readonly [number, number])[]; p: number }) {
  const gx = card.x + (card.w - GRID_COLS * m.cell) / 2;
  const gy = card.y + m.cardHead;
  return (
    <g transform={`translate(${gx},${gy})`} pointerEvents="none" aria-hidden="true">
      {ranges.map(([lo, hi]) => {
        const upTo = Math.max(lo + 1, Math.round(lo + (hi - lo) * p));
        return <path key={lo} d={rangeOutline(lo, upTo, m.cell)} fill="var(--changed)" fillOpacity={0.35} stroke="var(--changed)" strokeWidth={2} />;
      })}
    </g>
  );
}

export const CardMotion = memo(CardMotionInner);
