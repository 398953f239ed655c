// The budget (SPEC 4): a run stops after the step whose world or trace crosses it,
// and the message says which grew, at which line, how large it was and the limit.
import { describe, expect, it } from 'vitest';
import { BudgetMeter, DEFAULT_BUDGET, shareOf } from './budget';

describe('the budget meter', () => {
  it('lets a run go on while both the world and the trace fit', () => {
    const meter = new BudgetMeter({ objects: 10, events: 10 });
    expect(meter.after(1, 10, 4)).toBeNull();
    expect(meter.after(2, 3, 6)).toBeNull();
  });

  it('stops at the step whose world holds more objects than the budget', () => {
    const stop = new BudgetMeter({ objects: 10, events: 100 }).after(7, 11, 1);
    expect(stop?.line).toBe(7);
    expect(stop?.message).toMatch(/^the simulated world grew too large at line 7: it holds 11 .* over the limit of 10 this lab can keep\. The run stopped after line 7/);
  });

  it('adds up the trace over every step and stops at the step that crosses it', () => {
    const meter = new BudgetMeter({ objects: 100, events: 2_500_000 });
    expect(meter.after(1, 1, 1_500_000)).toBeNull();
    const stop = meter.after(9, 1, 1_000_001);
    expect(stop).toEqual({
      line: 9,
      message:
        'the trace grew too long at line 9: the steps up to there recorded 2,500,001 events, over the limit of 2,500,000 this lab can keep. ' +
        'The run stopped after line 9; the lines after it did not run. Try fewer steps, or fewer mappings in the processes that fork, exit or unmap.',
    });
  });

  it('gives each of the sides sharing a worker its part of both limits', () => {
    expect(shareOf({ objects: 11, events: 7 }, 2)).toEqual({ objects: 5, events: 3 });
    expect(shareOf(DEFAULT_BUDGET, 1)).toEqual(DEFAULT_BUDGET);
  });
});
