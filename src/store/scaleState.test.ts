import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION as v, type ScalePoint } from '../protocol/index';
import { applyScaleMessage, freshScale, SEED_SCALE } from './scaleState';

const point = (procs: number): ScalePoint => ({ model: 'none', procs, pagetablesBytes: procs, ptePageBytes: procs, vmpteBytes: procs, pteEntryBytes: procs, fileBytes: 0, alive: procs, oomKilled: 0 });

describe('the scale explorer in the store', () => {
  it('starts from the seed case and appends streamed points in order', () => {
    let s = freshScale(SEED_SCALE, 3);
    expect(s.total).toBe(4500);
    s = applyScaleMessage(s, { v, type: 'scalePoints', scaleId: 3, model: 'none', points: [point(1), point(2)], ran: 2, total: 4500 });
    s = applyScaleMessage(s, { v, type: 'scalePoints', scaleId: 3, model: 'none', points: [point(3)], ran: 3, total: 4500 });
    expect(s.points.none.map((p) => p.procs)).toEqual([1, 2, 3]);
    expect(s.ran).toBe(3);
  });

  it('drops answers to an older request', () => {
    const s = freshScale(SEED_SCALE, 4);
    expect(applyScaleMessage(s, { v, type: 'scalePoints', scaleId: 3, model: 'none', points: [point(1)], ran: 1, total: 3 })).toBe(s);
  });

  it('ends with the curves, or with the reasons the sliders were refused', () => {
    const s = freshScale(SEED_SCALE, 1);
    const done = applyScaleMessage(s, { v, type: 'scaleDone', scaleId: 1, curves: [], unsharedOomAt: 362 });
    expect(done).toMatchObject({ done: true, unsharedOomAt: 362, ran: 4500 });
    const refused = applyScaleMessage(s, { v, type: 'scaleRejected', scaleId: 1, problems: ['size 3 MiB is not a multiple of 2 MiB'] });
    expect(refused).toMatchObject({ done: true, problems: ['size 3 MiB is not a multiple of 2 MiB'] });
  });
});
