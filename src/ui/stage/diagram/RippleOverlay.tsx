/**
 * A change to a shared page reaching its sharers: once the pulse arrives,
 * every sharer's column says it sees the change ("sees this"; a folded card
 * "1,498 sharers see this"), and the TLB flush the change needs lists the
 * mms it reaches. It stays for the rest of the step, in words, not colour alone.
 */
import type { Plan } from '../../../viz/choreography';
import type { Column } from '../../../viz/layout';
import { beatPhase } from '../../../viz/beats';
import { grouped, plural } from '../../../viz/format';
import { usePlanFrame } from '../../motion/MotionProvider';

export function RippleOverlay({ plan, columns }: { plan: Plan; columns: readonly Column[] }) {
  const ripple = plan.ripple;
  const arrived = usePlanFrame((p, t) => ripple !== null && beatPhase(p, ripple.at, t) !== 'before');
  if (ripple === null || !arrived) return null;
  const { sharers, tlb, tlbCount } = ripple.what;
  const host = columns.find((c) => c.mm.isHost);
  const tlbText = `TLB flush: ${tlb.join(', ')}${tlbCount > tlb.length ? ` and ${grouped(tlbCount - tlb.length)} more` : ''}`;
  return (
    <g aria-hidden="true" pointerEvents="none" data-testid="ripple">
      {columns.map((c) => {
        const n = sharers.get(c.mm.id);
        if (n === undefined) return null;
        const text = c.mm.count > 1 ? `${plural(n, 'sharer')} see this` : 'sees this';
        const w = text.length * 6.2 + 14;
        return (
          <g key={c.mm.id} transform={`translate(${c.x + c.w - w - 6},${c.y + 8})`} data-motion="sees">
            <rect width={w} height={17} rx={8.5} fill="var(--changed)" />
            <text x={w / 2} y={12} fontSize={10.5} fontWeight={700} textAnchor="middle" fill="var(--on-shared)">
              {text}
            </text>
          </g>
        );
      })}
      {tlbCount > 0 && host !== undefined && (
        <text x={host.x + 4} y={host.y + host.h + 11} fontSize={10.5} fontWeight={600} fill="var(--changed)" data-testid="tlb">
          {tlbText}
        </text>
      )}
    </g>
  );
}
