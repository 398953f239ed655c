/**
 * Holds something that moved between two pictures at its old place until
 * the plan's slide beat, then carries it to its new place (DESIGN: nothing
 * jumps). With reduced motion it waits and then stands in its new place.
 */
import type { ReactNode } from 'react';
import { beatPhase, slideOffset } from '../../../viz/beats';
import type { Move } from '../../../viz/stage';
import { useMotionSetting, usePlanFrame } from '../../motion/MotionProvider';

export function Shift({ move, children }: { move: Pick<Move<unknown>, 'dx' | 'dy'> | undefined; children: ReactNode }) {
  const reduced = useMotionSetting() !== 'full';
  const transform = usePlanFrame((plan, t) => {
    if (move === undefined || plan === null) return '';
    if (reduced) return beatPhase(plan, plan.slideAt, t) === 'before' ? `translate(${move.dx},${move.dy})` : '';
    const [dx, dy] = slideOffset(plan, move, t);
    return dx === 0 && dy === 0 ? '' : `translate(${dx.toFixed(1)},${dy.toFixed(1)})`;
  });
  return transform === '' ? <g>{children}</g> : <g transform={transform}>{children}</g>;
}
