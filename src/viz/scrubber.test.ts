import { describe, expect, it } from 'vitest';
import { STEP_KINDS, type StepKind } from '../protocol/messages';
import { markers, stepAt } from './scrubber';

const codes = (...k: StepKind[]): Uint8Array => new Uint8Array(k.map((x) => STEP_KINDS.indexOf(x)));

describe('scrubber markers', () => {
  it('marks each step of a short scenario, leaving setup and quiet touches unmarked', () => {
    const m = markers(codes('setup', 'mmap', 'fault', 'touch', 'mprotect', 'exit'), 6, 600);
    expect(m.map((x) => [x.step, x.kind])).toEqual([
      [2, 'mmap'],
      [3, 'fault'],
      [5, 'mprotect'],
      [6, 'exit'],
    ]);
  });

  it('keeps an OOM kill visible among thousands of faults', () => {
    const kinds = new Uint8Array(5000).fill(STEP_KINDS.indexOf('fault'));
    kinds[3210] = STEP_KINDS.indexOf('oom');
    const m = markers(kinds, 5000, 400);
    expect(m.length).toBeLessThanOrEqual(200);
    expect(m.filter((x) => x.kind === 'oom')).toHaveLength(1);
  });

  it('maps a click to the nearest step', () => {
    expect(stepAt(0, 100, 10)).toBe(0);
    expect(stepAt(54, 100, 10)).toBe(5);
    expect(stepAt(500, 100, 10)).toBe(10);
  });
});
