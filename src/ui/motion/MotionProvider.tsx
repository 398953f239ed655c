/**
 * The stage's clock and plan, for the components that move: one clock per
 * mounted lab (compare's two sides share it), and the plan of the step on
 * screen. Hooks read them narrowly, so a frame re-renders only what is in
 * motion in that frame.
 */
import { createContext, useContext, useEffect, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { Plan } from '../../viz/choreography';
import { beatPhase, type Phase } from '../../viz/beats';
import { PlaybackClock, type ClockState } from './clock';

const ClockContext = createContext<PlaybackClock | null>(null);

/** Provides a clock; `speed` and `motion` follow the reader's settings. */
export function MotionProvider({ speed, motion, children }: { speed: number; motion: ClockState['motion']; children: ReactNode }) {
  const [clock] = useState(() => new PlaybackClock());
  useEffect(() => {
    clock.speed = speed;
  }, [clock, speed]);
  useEffect(() => clock.setMotion(motion), [clock, motion]);
  return <ClockContext.Provider value={clock}>{children}</ClockContext.Provider>;
}

export function useClock(): PlaybackClock {
  const clock = useContext(ClockContext);
  if (clock === null) throw new Error('useClock needs a <MotionProvider> above it');
  return clock;
}

/** A value derived from the clock; the component re-renders only when it changes. */
export function useClockValue<T>(select: (s: ClockState) => T): T {
  const clock = useClock();
  return useSyncExternalStore(clock.subscribe, () => select(clock.getState()));
}

/**
 * The plan of the step on the stage. `atEnd`: the clock will not play it (a jump, or motion off), so it reads
 * its end from the first render instead of drawing its start once and its end again when the clock settles.
 */
export interface StagedPlan {
  readonly plan: Plan;
  readonly key: string;
  readonly atEnd: boolean;
}

export const PlanContext = createContext<StagedPlan | null>(null);

/** Plan time for this plan: 0 until the clock runs it, its end once the clock moved on (or when it will not run). */
function planTime(s: ClockState, staged: StagedPlan | null): number {
  if (staged === null) return 0;
  if (s.key === staged.key) return s.t;
  return staged.atEnd ? staged.plan.duration : 0;
}

function usePlanTime<T>(read: (plan: Plan | null, t: number) => T): T {
  const ctx = useContext(PlanContext);
  return useClockValue((s) => read(ctx?.plan ?? null, planTime(s, ctx)));
}

/** Where beat `index` stands: before, during or after it (changes at most twice a step). */
export function usePhase(index: number | null | undefined): Phase {
  return usePlanTime((plan, t) => beatPhase(plan, index, t));
}

/** A value computed from the plan and its time each frame (keep it a primitive or a stable string). */
export function usePlanFrame<T>(read: (plan: Plan | null, t: number) => T): T {
  return usePlanTime(read);
}

/** The reader's motion setting, as the clock applies it. */
export function useMotionSetting(): ClockState['motion'] {
  return useClockValue((s) => s.motion);
}
