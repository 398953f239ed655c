import { describe, expect, it } from 'vitest';
import { isAddressWindow, isFromWorker, isToWorker, toWorkerProblem } from './guards';
import { PROTOCOL_VERSION, STEP_KINDS } from './messages';

const v = PROTOCOL_VERSION;

describe('messages to the worker', () => {
  it('accepts the three commands of this version', () => {
    expect(isToWorker({ v, type: 'load', text: 'process a', step: 'last', mode: 'single', window: null })).toBe(true);
    expect(isToWorker({ v, type: 'load', text: '', step: 3, mode: 'single', window: { lo: 0, hi: 4096 } })).toBe(true);
    expect(isToWorker({ v, type: 'goto', step: 0 })).toBe(true);
    expect(isToWorker({ v, type: 'window', window: null })).toBe(true);
  });

  it('says why a message is refused', () => {
    expect(toWorkerProblem(null)).toBe('not an object');
    expect(toWorkerProblem({ v: 99, type: 'goto', step: 1 })).toMatch(/protocol version 99/);
    expect(toWorkerProblem({ v, type: 'goto', step: -1 })).toMatch(/goto/);
    expect(toWorkerProblem({ v, type: 'goto', step: 1.5 })).toMatch(/goto/);
    expect(toWorkerProblem({ v, type: 'load', text: 1, step: 0, mode: 'single', window: null })).toMatch(/text/);
    expect(toWorkerProblem({ v, type: 'load', text: '', step: 0, mode: 'sideways', window: null })).toMatch(/mode/);
    expect(toWorkerProblem({ v, type: 'load', text: '', step: 0, mode: 'compare', vs: 'mshare', window: null })).toMatch(/vs/);
    expect(toWorkerProblem({ v, type: 'load', text: '', step: 0, mode: 'compare', vs: 'hugetlb', window: null })).toBeNull();
    expect(toWorkerProblem({ v, type: 'scale', scaleId: 1, input: { procs: 3 } })).toMatch(/scale: input/);
    expect(toWorkerProblem({ v, type: 'scale', scaleId: 1, input: { procs: 3, sizeBytes: 2 ** 21, ramBytes: 2 ** 30 } })).toBeNull();
    expect(toWorkerProblem({ v, type: 'scaleCancel', scaleId: -1 })).toMatch(/scaleCancel/);
    expect(toWorkerProblem({ v, type: 'explode' })).toMatch(/unknown message type/);
  });

  it('checks windows: ordered, inside user space', () => {
    expect(isAddressWindow({ lo: 0, hi: 1 })).toBe(true);
    expect(isAddressWindow({ lo: 5, hi: 5 })).toBe(false);
    expect(isAddressWindow({ lo: 0, hi: 2 ** 48 })).toBe(false);
    expect(isAddressWindow([0, 1])).toBe(false);
  });
});

describe('messages from the worker', () => {
  it('checks version and type', () => {
    expect(isFromWorker({ v, type: 'ready' })).toBe(true);
    expect(isFromWorker({ v: v + 1, type: 'ready' })).toBe(false);
    expect(isFromWorker({ v, type: 'failure', message: 'x' })).toBe(true);
    expect(isFromWorker({ v, type: 'progress', loadId: 1, ran: 1, total: 2, stopped: null, kinds: new Uint8Array(1), lines: new Uint32Array(1) })).toBe(true);
    expect(isFromWorker({ v, type: 'progress', loadId: 1, ran: 1, total: 2, stopped: null, kinds: [0], lines: [1] })).toBe(false);
    expect(isFromWorker({ v, type: 'snapshot', snapshot: { step: 2 } })).toBe(true);
    expect(isFromWorker({ v, type: 'nonsense' })).toBe(false);
  });

  it('keeps step kinds in a fixed order (they travel as bytes)', () => {
    expect(STEP_KINDS.indexOf('fault')).toBe(3);
    expect(STEP_KINDS.length).toBeLessThan(256);
  });
});
