/**
 * The playback clock: time outside React state. It runs one step's
 * animation at a time on requestAnimationFrame, scaled by the speed, and
 * tells its subscribers each frame; the stage reads "how far into the step"
 * from it, and playback waits for it to come to rest before the next step.
 * A step is known by a key (the load and the step), so a picture drawn for
 * another step never reads this step's time.
 */
import type { MotionSetting } from '../../store/simStore';

export interface ClockState {
  /** The step on the stage (animating or at rest), as `${loadId}:${step}`; '' before the first. */
  readonly key: string;
  /** Milliseconds of the step's plan played so far (already scaled by the speed). */
  readonly t: number;
  readonly duration: number;
  readonly busy: boolean;
  readonly motion: MotionSetting;
}

export interface ClockDeps {
  readonly requestFrame: (cb: (now: number) => void) => number;
  readonly cancelFrame: (id: number) => void;
  readonly now: () => number;
}

const browserDeps = (): ClockDeps => ({
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (id) => cancelAnimationFrame(id),
  now: () => performance.now(),
});

export class PlaybackClock {
  private state: ClockState = { key: '', t: 0, duration: 0, busy: false, motion: 'full' };
  private readonly listeners = new Set<() => void>();
  private frame: number | null = null;
  private last = 0;
  /** Plan milliseconds per real millisecond. */
  speed = 1;
  private readonly deps: ClockDeps;

  constructor(deps?: ClockDeps) {
    this.deps = deps ?? browserDeps();
  }

  getState = (): ClockState => this.state;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  setMotion(motion: MotionSetting): void {
    if (motion === this.state.motion) return;
    this.set({ ...this.state, motion });
    if (motion === 'off') this.finish();
  }

  /** Plays a step's animation of `duration` plan-milliseconds (at once to its end when motion is off). */
  animate(key: string, duration: number): void {
    // Two views of one step (compare's sides) share its time: the longer plan sets the end.
    if (this.state.key === key && this.state.busy) {
      this.set({ ...this.state, duration: Math.max(this.state.duration, duration) });
      return;
    }
    this.stop();
    if (!this.plays(duration)) {
      this.settle(key, duration);
      return;
    }
    this.set({ ...this.state, key, t: 0, duration, busy: true });
    this.last = this.deps.now();
    this.frame = this.deps.requestFrame(this.tick);
  }

  /** Whether `animate` would play a plan of `duration`, rather than show its end at once. */
  plays(duration: number): boolean {
    return this.state.motion !== 'off' && duration > 0;
  }

  /** Shows a step at rest, at the end of its plan: a jump (back, scrub, a new load) never animates. */
  settle(key: string, duration = 0): void {
    this.stop();
    this.set({ ...this.state, key, t: duration, duration, busy: false });
  }

  /** Ends the step's animation now, at its end state. */
  finish(): void {
    if (!this.state.busy) return;
    this.stop();
    this.set({ ...this.state, t: this.state.duration, busy: false });
  }

  private readonly tick = (now: number): void => {
    this.frame = null;
    const dt = Math.max(0, now - this.last);
    this.last = now;
    const t = Math.min(this.state.duration, this.state.t + dt * this.speed);
    const busy = t < this.state.duration;
    this.set({ ...this.state, t, busy });
    if (busy) this.frame = this.deps.requestFrame(this.tick);
  };

  private stop(): void {
    if (this.frame !== null) this.deps.cancelFrame(this.frame);
    this.frame = null;
  }

  private set(next: ClockState): void {
    this.state = next;
    for (const l of this.listeners) l();
  }
}
