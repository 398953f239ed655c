import { describe, expect, it } from 'vitest';
import { Checkpoints, type CheckpointOptions } from './checkpoints';

type Box = { n: number };

function make(options: Partial<CheckpointOptions> & { copyMs?: number } = {}): Checkpoints<Box> {
  let now = 0;
  const copyMs = options.copyMs ?? 0;
  const copy = (b: Box): Box => {
    now += copyMs;
    return { n: b.n };
  };
  return new Checkpoints<Box>(copy, { every: 4, maxCount: 100, maxCost: Infinity, clock: () => now, ...options });
}

describe('checkpoints', () => {
  it('keeps a copy every few steps and restores the nearest one at or before a step', () => {
    const cps = make();
    for (let s = 0; s <= 10; s++) cps.offer(s, { n: s });
    expect(cps.count).toBe(3); // 0, 4, 8
    expect(cps.restore(7)).toEqual({ step: 4, state: { n: 4 } });
    expect(cps.restore(8)?.step).toBe(8);
    expect(cps.restore(100)?.step).toBe(8);
    expect(cps.baseOf(3)).toBe(0);
  });

  it('hands out copies, so running a restored state forward leaves the checkpoint intact', () => {
    const cps = make();
    const live = { n: 0 };
    cps.offer(0, live);
    live.n = 99;
    const first = cps.restore(1);
    expect(first?.state.n).toBe(0);
    if (first) first.state.n = 5;
    expect(cps.restore(1)?.state.n).toBe(0);
  });

  it('waits, when copies are slow, until the steps since took as long to run as a copy', () => {
    const cps = make({ copyMs: 100 });
    for (let s = 0; s <= 40; s++) cps.offer(s, { n: s }, 10); // each step 10 ms, a copy 100 ms
    // 0, then every 10 steps (100 ms of running), not every 4
    expect([0, 10, 20, 30, 40].map((s) => cps.baseOf(s))).toEqual([0, 10, 20, 30, 40]);
    expect(cps.baseOf(15)).toBe(10);
  });

  it('drops the copy whose loss leaves the smallest gap past the budgets, keeping step 0 and the latest', () => {
    const cps = make({ every: 1, maxCount: 4 });
    for (let s = 0; s <= 20; s++) cps.offer(s, { n: s });
    expect(cps.count).toBe(4);
    expect(cps.baseOf(0)).toBe(0);
    expect(cps.baseOf(20)).toBe(20);
    const costly = make({ every: 1, copyMs: 10, maxCost: 35 });
    for (let s = 0; s <= 20; s++) costly.offer(s, { n: s }, 10);
    expect(costly.count).toBe(3);
  });

  it('has nothing before the first checkpoint', () => {
    expect(make().restore(3)).toBeNull();
  });
});
