import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isFromWorker, isToWorker, toWorkerProblem } from './guards';
import { PROTOCOL_VERSION as v } from './messages';

// Messages the worker accepts, to mutate: each field replaced by anything at all.
const VALID: readonly Record<string, unknown>[] = [
  { v, type: 'load', text: 'process a', step: 'last', mode: 'single', window: null },
  { v, type: 'load', text: '', step: 3, mode: 'compare', vs: 'hugetlb', window: { lo: 0, hi: 4096 } },
  { v, type: 'goto', step: 0 },
  { v, type: 'window', window: null },
  { v, type: 'scale', scaleId: 1, input: { procs: 3, sizeBytes: 2 ** 21, ramBytes: 2 ** 30 } },
  { v, type: 'scaleCancel', scaleId: 1 },
];

const mutated = fc
  .tuple(fc.constantFrom(...VALID), fc.string({ maxLength: 12 }), fc.anything())
  .map(([msg, key, value]) => {
    const keys = Object.keys(msg);
    const field = keys.includes(key) ? key : (keys[key.length % keys.length] as string);
    return { ...msg, [field]: value };
  });

describe("the worker's guards, fed anything", () => {
  it('never throw, and accept exactly what they find no problem with', () => {
    fc.assert(
      fc.property(fc.oneof(fc.anything(), mutated), (x) => {
        const problem = toWorkerProblem(x);
        expect(problem === null).toBe(isToWorker(x));
        if (problem !== null) expect(typeof problem).toBe('string');
        expect(typeof isFromWorker(x)).toBe('boolean');
      }),
      { numRuns: 2000 },
    );
  });

  it('refuse a message whose version or type was changed', () => {
    fc.assert(
      fc.property(fc.constantFrom(...VALID), fc.oneof(fc.integer(), fc.string(), fc.constant(null)), (msg, other) => {
        fc.pre(other !== v);
        expect(isToWorker({ ...msg, v: other })).toBe(false);
        fc.pre(typeof other !== 'string' || !['load', 'goto', 'window', 'scale', 'scaleCancel', 'lesson'].includes(other));
        expect(isToWorker({ ...msg, type: other })).toBe(false);
      }),
    );
  });
});
