/**
 * What leaves the picture, drawn where it stood while it goes: freed tables
 * fade in place, then the column of an exited (or OOM-killed) process, or
 * of a host mm at its last reference, closes. An OOM-killed column turns
 * red with its words first. Ghosts take no clicks and no focus.
 */
import type { Metrics } from '../../../viz/layout';
import type { Plan } from '../../../viz/choreography';
import { beatPhase, beatProgress } from '../../../viz/beats';
import { useMotionSetting, usePlanFrame } from '../../motion/MotionProvider';
import { ColumnFrame } from './ColumnFrame';
import { DirCard } from './DirCard';
import { PteCard } from './PteCard';

const noop = (): void => undefined;

/** Opacity of something that fades during beat `at`: 1 before, 0 after; null once gone. */
function useFade(at: number | undefined, full: boolean): number | null {
  return usePlanFrame((plan, t) => {
    if (at === undefined) return null;
    const phase = beatPhase(plan, at, t);
    if (phase === 'after') return null;
    if (phase === 'before' || !full) return 1;
    return Math.round((1 - beatProgress(plan, at, t)) * 30) / 30;
  });
}

export function GhostCards({ plan, m }: { plan: Plan; m: Metrics }) {
  return (
    <g aria-hidden="true" pointerEvents="none" data-testid="ghosts">
      {plan.stage.cards.removed.map((card) => (
        <GhostCard key={card.key} plan={plan} card={card} m={m} />
      ))}
    </g>
  );
}

function GhostCard({ plan, card, m }: { plan: Plan; card: Plan['stage']['cards']['removed'][number]; m: Metrics }) {
  const full = useMotionSetting() === 'full';
  const opacity = useFade(plan.ghostAt.get(card.key), full);
  if (opacity === null) return null;
  const hue = card.table.shared ? 'host' : (card.mm - 1) % 5;
  const props = { card, m, hue, owner: '', change: undefined, selected: false, selectedEntry: null, onSelect: noop } as const;
  return (
    <g opacity={opacity} data-motion="fading">
      {card.table.level === 'pte' ? <PteCard {...props} /> : <DirCard {...props} />}
    </g>
  );
}

export function GhostColumns({ plan }: { plan: Plan }) {
  return (
    <g aria-hidden="true" pointerEvents="none">
      {plan.stage.columns.removed.map((col) => (
        <GhostColumn key={col.mm.id} plan={plan} col={col} />
      ))}
    </g>
  );
}

function GhostColumn({ plan, col }: { plan: Plan; col: Plan['stage']['columns']['removed'][number] }) {
  const full = useMotionSetting() === 'full';
  const opacity = useFade(plan.columnAt.get(col.mm.id), full);
  const oom = plan.oom.get(col.mm.id);
  if (opacity === null) return null;
  const name = col.mm.count > 1 ? `${col.mm.name} … ${col.mm.lastName}` : col.mm.name;
  return (
    <g opacity={opacity} data-motion="closing" data-testid={`ghost-${col.mm.name}`}>
      <ColumnFrame col={col} alarm={oom !== undefined} />
      <text x={col.x + 10} y={col.y + 20} fontSize={14} fontWeight={700} fill={oom !== undefined ? 'var(--error)' : 'var(--muted)'}>
        {name}
      </text>
      <text x={col.x + 10} y={col.y + 36} fontSize={11} fontWeight={oom !== undefined ? 700 : 400} fill={oom !== undefined ? 'var(--error)' : 'var(--muted)'}>
        {oom ?? (col.mm.isHost ? 'host mm released' : 'exited: tables freed')}
      </text>
    </g>
  );
}
