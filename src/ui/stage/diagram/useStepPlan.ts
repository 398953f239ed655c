/**
 * The stage's director: for every snapshot drawn, the plan from the picture
 * before it, which the clock then plays (one step forward) or shows at its
 * end at once (a jump: back, scrub, a new load, a resize). Planning happens
 * during render, so the first frame of a step already shows its "before".
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import type { Snapshot } from '../../../protocol/messages';
import { selectLastMove } from '../../../store/selectors';
import { choreograph } from '../../../viz/choreography';
import type { DiagramLayout } from '../../../viz/layout';
import type { LinkCurve } from '../../../viz/links';
import { useSim } from '../../common/SimProvider';
import { useClock, type StagedPlan } from '../../motion/MotionProvider';

interface Picture {
  readonly snap: Snapshot;
  readonly layout: DiagramLayout;
  readonly curves: readonly LinkCurve[];
}

/** The clock's key of a step. */
export function stepKey(snap: Snapshot): string {
  return `${snap.loadId}:${snap.step}`;
}

const EMPTY_LAYOUT = (l: DiagramLayout): DiagramLayout => ({ ...l, columns: [], cards: [], slots: [] });

export function useStepPlan(snap: Snapshot | null, layout: DiagramLayout | null, curves: readonly LinkCurve[]): StagedPlan | null {
  const clock = useClock();
  const lastMove = useSim(selectLastMove);
  const shown = useRef<Picture | null>(null);
  const planned = useMemo(() => {
    if (snap === null || layout === null) return null;
    const before = shown.current;
    const same = before !== null && before.snap.loadId === snap.loadId && before.layout.metrics.narrow === layout.metrics.narrow;
    const prev: Picture = same ? before : { snap: { ...snap, mms: [], tables: [] }, layout: EMPTY_LAYOUT(layout), curves: [] };
    const forward = same && lastMove === 'step' && before.snap.step + 1 === snap.step && before.snap.window.lo === snap.window.lo && before.snap.window.hi === snap.window.hi;
    const plan = choreograph({ prev: prev.snap, next: snap, prevLayout: prev.layout, nextLayout: layout, prevCurves: prev.curves, nextCurves: curves });
    // A step the clock will not play is drawn at its end at once (MotionProvider's StagedPlan).
    return { plan, key: stepKey(snap), forward, atEnd: !(forward && clock.plays(plan.duration)) };
    // The picture before and how the step was reached are read, not depended on: a plan is made once per picture.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snap, layout, curves]);
  useLayoutEffect(() => {
    if (planned === null || snap === null || layout === null) return;
    if (planned.forward) clock.animate(planned.key, planned.plan.duration);
    else clock.settle(planned.key, planned.plan.duration);
    shown.current = { snap, layout, curves };
  }, [planned, snap, layout, curves, clock]);
  return useMemo(() => (planned === null ? null : { plan: planned.plan, key: planned.key, atEnd: planned.atEnd }), [planned]);
}
