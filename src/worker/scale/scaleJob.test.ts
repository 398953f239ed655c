import { describe, expect, it } from 'vitest';
import { MAX_TABLE_PAGES, overBudget, ScaleJob } from './scaleJob';

const GiB = 2 ** 30;

describe('the scale job in the worker', () => {
  it('takes the seed, far inside the budget', () => {
    expect(overBudget({ procs: 1500, sizeBytes: 300 * GiB, ramBytes: 512 * GiB })).toBeNull();
    expect(1500 * 300).toBeLessThan(MAX_TABLE_PAGES);
  });

  it('refuses sliders that would hold more tables than a tab can keep, saying how many processes fit', () => {
    const job = new ScaleJob(() => 0);
    const out = job.start(3, { procs: 5000, sizeBytes: 1024 * GiB, ramBytes: 16 * 1024 * GiB });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'scaleRejected', scaleId: 3 });
    const problem = out[0]?.type === 'scaleRejected' ? (out[0].problems[0] ?? '') : '';
    expect(problem).toContain('5,000 processes of 1,024 GiB');
    expect(problem).toContain('at most 1,464 processes fit');
    expect(job.running).toBe(false);
  });
});
