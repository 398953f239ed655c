import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION as v, type Snapshot } from '../protocol/messages';
import { createBridge, type BridgeHandlers, type Frames, type WorkerLike } from './bridge';

class FakeWorker implements WorkerLike {
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  postMessage(message: unknown): void {
    this.sent.push(message);
  }
  terminate(): void {
    this.terminated = true;
  }
  emit(data: unknown): void {
    this.onmessage?.({ data } as MessageEvent<unknown>);
  }
}

function setup() {
  const worker = new FakeWorker();
  const pending: (() => void)[] = [];
  const frames: Frames = {
    request: (cb) => pending.push(cb),
    cancel: () => void pending.splice(0),
  };
  const got = { loaded: 0, progress: [] as number[], snapshots: [] as number[], failures: [] as string[] };
  const handlers: BridgeHandlers = {
    onLoaded: () => void (got.loaded += 1),
    onProgress: (p) => void got.progress.push(p.ran),
    onSnapshot: (s) => void got.snapshots.push(s.step),
    onFailure: (m) => void got.failures.push(m),
  };
  const bridge = createBridge(handlers, { createWorker: () => worker, frames });
  const frame = (): void => {
    for (const cb of pending.splice(0)) cb();
  };
  return { worker, bridge, got, frame, pending };
}

const snap = (step: number): unknown => ({ v, type: 'snapshot', snapshot: { step } as Snapshot });

describe('the worker bridge', () => {
  it('stamps commands with the protocol version', () => {
    const { worker, bridge } = setup();
    bridge.send({ type: 'goto', step: 3 });
    expect(worker.sent).toEqual([{ type: 'goto', step: 3, v }]);
  });

  it('hands on at most one snapshot per frame: the newest', () => {
    const { worker, got, frame, pending } = setup();
    worker.emit(snap(1));
    worker.emit(snap(2));
    worker.emit(snap(3));
    expect(got.snapshots).toEqual([]);
    expect(pending).toHaveLength(1);
    frame();
    expect(got.snapshots).toEqual([3]);
    worker.emit(snap(4));
    frame();
    expect(got.snapshots).toEqual([3, 4]);
  });

  it('delivers progress before the snapshot of the same frame', () => {
    const { worker, got, frame } = setup();
    worker.emit(snap(1));
    worker.emit({ v, type: 'progress', loadId: 1, ran: 5, total: 9, kinds: new Uint8Array(5), lines: new Uint32Array(5) });
    frame();
    expect(got.progress).toEqual([5]);
    expect(got.snapshots).toEqual([1]);
  });

  it('drops what was waiting when a new load is answered', () => {
    const { worker, got, frame } = setup();
    worker.emit(snap(7));
    worker.emit({ v, type: 'loaded', loadId: 2, steps: 4, error: null });
    frame();
    expect(got.loaded).toBe(1);
    expect(got.snapshots).toEqual([]);
  });

  it('turns unknown messages and worker errors into failures in words', () => {
    const { worker, got } = setup();
    worker.emit({ v: v + 1, type: 'ready' });
    worker.onerror?.({ message: 'boom', preventDefault: () => undefined } as ErrorEvent);
    expect(got.failures).toHaveLength(2);
    expect(got.failures[1]).toMatch(/boom/);
  });

  it('terminates the worker and sends nothing afterwards', () => {
    const { worker, bridge } = setup();
    bridge.terminate();
    bridge.send({ type: 'goto', step: 1 });
    expect(worker.terminated).toBe(true);
    expect(worker.sent).toEqual([]);
  });
});
