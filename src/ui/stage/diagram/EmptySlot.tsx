/**
 * A place in a column with no table of this mm's own: dashed and quiet when
 * nothing is there, or a badge naming the table it reaches instead ("→
 * host:sga PTE 0"): on a phone, where curves would not fit, that badge is the link.
 */
import type { Selection } from '../../../protocol/messages';
import type { Slot } from '../../../viz/layout';
import { levelName } from '../../../viz/format';
import { activateProps } from '../../common/activate';
import type { Plan } from '../../../viz/choreography';
import { usePhase } from '../../motion/MotionProvider';

export function EmptySlot({ slot, ownerName, onSelect, plan }: { slot: Slot; ownerName: string | null; onSelect: (s: Selection) => void; plan: Plan | null }) {
  const level = levelName(slot.level);
  // A slot the step links reads "no page" until the link is drawn.
  const linking = usePhase(slot.target === null ? undefined : plan?.linkSlotAt.get(slot.key)) === 'before';
  const index = slot.targetIndex ?? '';
  if (slot.target === null || linking) {
    return (
      <g transform={`translate(${slot.x},${slot.y})`} aria-hidden="true">
        <rect width={slot.w} height={slot.h} rx={6} fill="none" stroke="var(--line)" strokeDasharray="4 4" />
        <text x={slot.w / 2} y={slot.h / 2 + 4} fontSize={11} textAnchor="middle" fill="var(--muted)">
          no {level} page
        </text>
      </g>
    );
  }
  const target = slot.target;
  const text = `→ ${ownerName ?? 'shared'} ${level} page ${index}`;
  return (
    <g transform={`translate(${slot.x},${slot.y})`} {...activateProps(`Uses ${ownerName ?? 'a shared'} ${level} page ${index}: no page of its own`, () => onSelect({ kind: 'table', id: target }))}>
      <rect className="focus-target" width={slot.w} height={slot.h} rx={6} fill="color-mix(in oklab, var(--shared) 8%, transparent)" stroke="var(--shared)" strokeDasharray="4 3" />
      <text x={slot.w / 2} y={slot.h / 2 - 2} fontSize={text.length > 24 ? 10.5 : 12} fontWeight={600} textAnchor="middle" fill="var(--shared)">
        {text}
      </text>
      <text x={slot.w / 2} y={slot.h / 2 + 12} fontSize={10} textAnchor="middle" fill="var(--muted)">
        linked, not copied
      </text>
    </g>
  );
}
