import { describe, expect, it } from 'vitest';
import { PlaybackClock, type ClockDeps } from './clock';

/** A clock over a hand-driven frame queue. */
function manual() {
  let now = 0;
  let queue: ((t: number) => void)[] = [];
  const deps: ClockDeps = {
    requestFrame: (cb) => queue.push(cb),
    cancelFrame: () => {
      queue = [];
    },
    now: () => now,
  };
  const frame = (ms: number) => {
    now += ms;
    const q = queue;
    queue = [];
    for (const cb of q) cb(now);
  };
  return { clock: new PlaybackClock(deps), frame };
}

describe('the playback clock', () => {
  it('runs a step in frames, scaled by the speed, and comes to rest at its end', () => {
    const { clock, frame } = manual();
    clock.speed = 2;
    clock.animate('1:5', 1000);
    expect(clock.getState()).toMatchObject({ key: '1:5', t: 0, busy: true });
    frame(100);
    expect(clock.getState().t).toBe(200);
    frame(400);
    expect(clock.getState()).toMatchObject({ t: 1000, busy: false });
  });

  it('tells subscribers every frame, and stops telling them once unsubscribed', () => {
    const { clock, frame } = manual();
    let calls = 0;
    const off = clock.subscribe(() => (calls += 1));
    clock.animate('1:1', 100);
    frame(16);
    expect(calls).toBe(2);
    off();
    frame(16);
    expect(calls).toBe(2);
  });

  it('jumps without animating, and with motion off shows end states only', () => {
    const { clock } = manual();
    clock.settle('1:9');
    expect(clock.getState()).toMatchObject({ key: '1:9', busy: false });
    clock.setMotion('off');
    clock.animate('1:10', 800);
    expect(clock.getState()).toMatchObject({ key: '1:10', busy: false });
  });

  it('finishes a step at once when asked (a new step cuts the old one short)', () => {
    const { clock, frame } = manual();
    clock.animate('1:2', 1000);
    frame(10);
    clock.finish();
    expect(clock.getState()).toMatchObject({ t: 1000, busy: false });
    clock.animate('1:3', 500);
    expect(clock.getState()).toMatchObject({ key: '1:3', t: 0, busy: true });
  });
});
