/**
 * The link curves: guest PMD entries into host PTE pages (hugetlb PUD
 * entries into shared PMD pages), in the shared accent. Through a step a new
 * curve draws itself from the guest's entry to the host's page, a curve that
 * goes retracts, both ends follow their cards when columns slide, and a
 * shared change sends a pulse from the host's page back along every link to
 * each sharer. A folded card's curve is wider; its "×N" badge is drawn
 * above the columns (LinkBadges) so the next column never hides it.
 */
import { beatPhase, beatProgress, ease, slideOffset } from '../../../viz/beats';
import type { Plan } from '../../../viz/choreography';
import { curvePath, curvePoint, type LinkCurve } from '../../../viz/links';
import { useMotionSetting, usePlanFrame } from '../../motion/MotionProvider';
import { grouped } from '../../../viz/format';

interface Props {
  readonly curves: readonly LinkCurve[];
  readonly plan: Plan | null;
  readonly fresh: ReadonlySet<string>;
  readonly focus: string | null;
}

/** A curve's ends where their cards stand at plan time t. */
function endsAt(c: LinkCurve, plan: Plan | null, t: number): [number, number, number, number] {
  const [ax, ay] = slideOffset(plan, plan?.stage.cards.moved.get(c.fromCard), t);
  const [bx, by] = slideOffset(plan, plan?.stage.cards.moved.get(c.toCard), t);
  return [c.x1 + ax, c.y1 + ay, c.x2 + bx, c.y2 + by];
}

export function LinkLayer({ curves, plan, fresh, focus }: Props) {
  const full = useMotionSetting() === 'full';
  // Plan time, frame by frame while the step plays (constant at rest).
  const t = usePlanFrame((p, time) => (p === null ? 0 : Math.round(time)));
  const ripple = plan?.ripple ?? null;
  const rippleP = ripple === null ? 1 : beatProgress(plan, ripple.at, t);
  return (
    <g aria-hidden="true" pointerEvents="none" data-testid="links">
      {curves.map((c) => {
        const at = plan?.curveAt.get(c.key);
        const phase = beatPhase(plan, at, t);
        if (phase === 'before') return null;
        const drawn = phase === 'during' && full ? ease(beatProgress(plan, at, t)) : 1;
        const [x1, y1, x2, y2] = full ? endsAt(c, plan, t) : [c.x1, c.y1, c.x2, c.y2];
        const isNew = fresh.has(c.key);
        const lit = focus !== null && (c.to === focus || String(c.from) === focus);
        const width = 1.6 + Math.log10(c.count) * 1.6 + (lit ? 1.5 : 0);
        const pulsing = ripple !== null && ripple.what.curves.has(c.key) && rippleP > 0 && rippleP < 1;
        const [px, py] = curvePoint(x1, y1, x2, y2, 1 - ease(rippleP));
        return (
          <g key={c.key} data-link={c.key} data-drawn={drawn.toFixed(2)}>
            <path
              d={curvePath(x1, y1, x2, y2)}
              fill="none"
              stroke={isNew || (pulsing && !full) ? 'var(--changed)' : 'var(--shared)'}
              strokeWidth={width}
              strokeOpacity={lit || isNew ? 1 : 0.75}
              pathLength={1}
              strokeDasharray={drawn < 1 ? `${drawn} 1` : undefined}
            />
            <circle cx={x1} cy={y1} r={2.5} fill="var(--shared)" />
            {drawn >= 1 && <path d={`M${x2 - 6},${y2 - 4}L${x2},${y2}L${x2 - 6},${y2 + 4}`} fill="none" stroke="var(--shared)" strokeWidth={1.5} />}
            {pulsing && full && <circle cx={px} cy={py} r={5} fill="var(--changed)" stroke="var(--panel)" strokeWidth={1.5} data-motion="ripple" />}
          </g>
        );
      })}
      {plan?.stage.curves.removed.map((c) => {
        const at = plan.curveAt.get(c.key);
        const phase = beatPhase(plan, at, t);
        if (phase === 'after') return null;
        const left = phase === 'during' && full ? 1 - ease(beatProgress(plan, at, t)) : 1;
        return (
          <path
            key={`gone-${c.key}`}
            d={curvePath(c.x1, c.y1, c.x2, c.y2)}
            fill="none"
            stroke="var(--shared)"
            strokeWidth={1.6}
            strokeOpacity={0.75 * (phase === 'during' && !full ? 0.4 : 1)}
            pathLength={1}
            strokeDasharray={`${left} 1`}
            data-motion="unlinking"
          />
        );
      })}
    </g>
  );
}

/** The "×N" badges of folded cards' curves, drawn over the columns so they stay readable. */
export function LinkBadges({ curves, plan }: { curves: readonly LinkCurve[]; plan: Plan | null }) {
  const t = usePlanFrame((p, time) => (p === null ? 0 : Math.round(time)));
  return (
    <g aria-hidden="true" pointerEvents="none">
      {curves
        .filter((c) => c.count > 1 && beatPhase(plan, plan?.curveAt.get(c.key), t) === 'after')
        .map((c) => {
          const label = `×${grouped(c.count)}`;
          const w = label.length * 6.5 + 8;
          return (
            <g key={c.key} transform={`translate(${c.x1 + 3},${c.y1 - 7})`}>
              <rect width={w} height={14} rx={7} fill="var(--shared)" />
              <text x={w / 2} y={10.5} fontSize={10} fontWeight={700} textAnchor="middle" fill="var(--on-shared)">
                {label}
              </text>
            </g>
          );
        })}
    </g>
  );
}
