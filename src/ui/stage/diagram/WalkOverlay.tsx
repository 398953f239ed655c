/**
 * The hardware walk of the step's fault, level by level: each table it
 * reads is outlined in turn with the entry index it uses ("PGD[254]"), and
 * the level where it stopped says why (an empty entry: the fault; a present
 * leaf: a hit). It fades once the walk is over, leaving the tables it built.
 */
import type { Plan } from '../../../viz/choreography';
import { beatPhase, beatProgress } from '../../../viz/beats';
import { levelName } from '../../../viz/format';
import { usePlanFrame } from '../../motion/MotionProvider';

export function WalkOverlay({ plan }: { plan: Plan }) {
  const walk = plan.walk;
  // How many levels are lit so far (0 = the walk has not started; -1 = it is over).
  const lit = usePlanFrame((p, t) => {
    if (walk === null) return -1;
    const phase = beatPhase(p, walk.at, t);
    if (phase !== 'during') return phase === 'before' ? 0 : -1;
    return Math.min(walk.path.steps.length, 1 + Math.floor(beatProgress(p, walk.at, t) * walk.path.steps.length));
  });
  if (walk === null || lit <= 0) return null;
  const steps = walk.path.steps.slice(0, lit);
  const stopWord = walk.path.stop === 'hit' ? 'present: no fault' : walk.path.stop === 'deny' ? 'no access: fault' : 'empty: fault';
  return (
    <g aria-hidden="true" pointerEvents="none" data-motion="walk" data-testid="walk">
      {steps.map((s, i) => {
        if (s.box === null) return null;
        const stops = s.stops && i === lit - 1;
        const label = `${levelName(s.level)}[${s.index}]${stops ? ` ${stopWord}` : ''}`;
        const w = label.length * 6.4 + 10;
        return (
          <g key={s.level}>
            <rect x={s.box.x - 3} y={s.box.y - 3} width={s.box.w + 6} height={s.box.h + 6} rx={8} fill="none" stroke="var(--changed)" strokeWidth={2.5} strokeDasharray={stops ? '5 3' : undefined} />
            <g transform={`translate(${s.box.x + s.box.w - w - 1},${s.box.y + 1})`}>
              <rect width={w} height={15} rx={4} fill="var(--changed)" />
              <text x={5} y={11} fontSize={10.5} fontWeight={700} fontFamily="var(--font-mono)" fill="var(--on-shared)">
                {label}
              </text>
            </g>
          </g>
        );
      })}
    </g>
  );
}
