/**
 * Reading a plan at a moment: how far one beat has got (0 before it, 1 after
 * it), eased for travel, and where something that slides stands. Pure, so
 * every element of the stage computes its state from the same numbers.
 */
import type { Plan } from './choreography';

export type Phase = 'before' | 'during' | 'after';

/** Progress of beat `index` at plan time `t`: 0..1, linear; 1 when there is no such beat. */
export function beatProgress(plan: Plan | null, index: number | null | undefined, t: number): number {
  if (plan === null || index === null || index === undefined) return 1;
  const beat = plan.beats[index];
  if (beat === undefined) return 1;
  if (t <= beat.start) return 0;
  if (t >= beat.start + beat.dur) return 1;
  return (t - beat.start) / beat.dur;
}

export function beatPhase(plan: Plan | null, index: number | null | undefined, t: number): Phase {
  if (plan === null || index === null || index === undefined) return 'after';
  const beat = plan.beats[index];
  if (beat === undefined) return 'after';
  return t < beat.start ? 'before' : t >= beat.start + beat.dur ? 'after' : 'during';
}

/** Ease in and out, for travel. */
export function ease(p: number): number {
  return p < 0.5 ? 2 * p * p : 1 - (-2 * p + 2) ** 2 / 2;
}

/** The offset still to travel of something that moved by (dx, dy): all of it before its beat, none after. */
export function slideOffset(plan: Plan | null, move: { readonly dx: number; readonly dy: number } | undefined, t: number): [number, number] {
  if (plan === null || move === undefined) return [0, 0];
  const left = 1 - ease(beatProgress(plan, plan.slideAt, t));
  return [move.dx * left, move.dy * left];
}

/** Linear interpolation of a counter, rounded to whole pages of 4 KiB. */
export function countUp(from: number, to: number, p: number): number {
  return Math.round((from + (to - from) * p) / 4096) * 4096;
}

/** The drawing's width at plan time t: the old width until the slide, the new one after. */
export function stageWidth(plan: Plan | null, width: number, t: number): number {
  if (plan === null) return width;
  const { from, to } = plan.stage.width;
  if (plan.slideAt === null) return Math.max(from, to);
  return from + (to - from) * ease(beatProgress(plan, plan.slideAt, t));
}
