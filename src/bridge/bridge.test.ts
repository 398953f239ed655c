import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION as v, type Snapshot } from '../protocol/messages';
import { HANG_MS, PING_MS, createBridge, type BridgeHandlers, type Frames, type Timers, type WorkerLike } from './bridge';

class FakeWorker implements WorkerLike {
  sent: unknown[] = [];
  terminated = false;
  onmessage: ((event: MessageEvent<unknown>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  onmessageerror: ((event: MessageEvent<unknown>) => void) | null = null;
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

/** A clock the test moves; `every` tasks run as it passes their times. */
class FakeTimers implements Timers {
  private t = 0;
  private tasks: { ms: number; next: number; task: () => void }[] = [];
  every(ms: number, task: () => void): () => void {
    const entry = { ms, next: this.t + ms, task };
    this.tasks.push(entry);
    return () => void (this.tasks = this.tasks.filter((x) => x !== entry));
  }
  now(): number {
    return this.t;
  }
  advance(ms: number): void {
    const end = this.t + ms;
    for (;;) {
      const due = this.tasks.filter((x) => x.next <= end).sort((a, b) => a.next - b.next)[0];
      if (due === undefined) break;
      this.t = due.next;
      due.next += due.ms;
      due.task();
    }
    this.t = end;
  }
}

function setup() {
  const workers: FakeWorker[] = [];
  const timers = new FakeTimers();
  const pending: (() => void)[] = [];
  const frames: Frames = {
    request: (cb) => pending.push(cb),
    cancel: () => void pending.splice(0),
  };
  const got = { loaded: 0, progress: [] as number[], snapshots: [] as number[], failures: [] as string[], crashes: [] as string[] };
  const handlers: BridgeHandlers = {
    onLoaded: () => void (got.loaded += 1),
    onProgress: (p) => void got.progress.push(p.ran),
    onSnapshot: (s) => void got.snapshots.push(s.step),
    onFailure: (m) => void got.failures.push(m),
    onCrash: (m) => void got.crashes.push(m),
  };
  const createWorker = (): FakeWorker => {
    const w = new FakeWorker();
    workers.push(w);
    return w;
  };
  const bridge = createBridge(handlers, { createWorker, frames, timers });
  const frame = (): void => {
    for (const cb of pending.splice(0)) cb();
  };
  return { worker: workers[0] as FakeWorker, workers, timers, bridge, got, frame, pending };
}

/** The pings a worker was sent. */
const pings = (w: FakeWorker): number[] => w.sent.flatMap((m) => ((m as { type: string }).type === 'ping' ? [(m as { n: number }).n] : []));

const snap = (step: number): unknown => ({ v, type: 'snapshot', snapshot: { step } as Snapshot });

describe('the worker bridge', () => {
  it('stamps commands with the protocol version', () => {
    const { worker, bridge } = setup();
    worker.sent = [];
    bridge.send({ type: 'goto', step: 3 });
    expect(worker.sent).toEqual([{ type: 'goto', step: 3, v }]);
  });

  it('hands on at most one snapshot per frame: the newest', () => {
    const { worker, got, frame, pending } = setup();
    // After a quiet frame the first is handed on at once; the frame that follows gates the rest.
    worker.emit(snap(1));
    expect(got.snapshots).toEqual([1]);
    worker.emit(snap(2));
    worker.emit(snap(3));
    expect(got.snapshots).toEqual([1]);
    expect(pending).toHaveLength(1);
    frame();
    expect(got.snapshots).toEqual([1, 3]);
    worker.emit(snap(4));
    expect(got.snapshots).toEqual([1, 3]);
    frame();
    expect(got.snapshots).toEqual([1, 3, 4]);
    // A frame with nothing waiting ends the gate: the next one is at once again.
    frame();
    expect(pending).toHaveLength(0);
    worker.emit(snap(5));
    expect(got.snapshots).toEqual([1, 3, 4, 5]);
  });

  it("waits for compare's main side, posted last, and hands on the other side first", () => {
    const { worker, got, frame } = setup();
    const sided = (step: number, side: 'main' | 'other') => ({ v, type: 'snapshot', snapshot: { step, side } as Snapshot });
    worker.emit(sided(2, 'other'));
    expect(got.snapshots).toEqual([]);
    worker.emit(sided(1, 'main'));
    expect(got.snapshots).toEqual([2, 1]);
    frame();
    expect(got.snapshots).toEqual([2, 1]);
  });

  it('delivers progress before the snapshot of the same frame', () => {
    const { worker, got, frame } = setup();
    worker.emit({ v, type: 'progress', loadId: 1, ran: 5, total: 9, stopped: null, kinds: new Uint8Array(5), lines: new Uint32Array(5) });
    expect(got.progress).toEqual([]);
    worker.emit(snap(1));
    expect(got.progress).toEqual([5]);
    expect(got.snapshots).toEqual([1]);
    frame();
    expect(got.progress).toEqual([5]);
  });

  it('drops what was waiting when a new load is answered', () => {
    const { worker, got, frame } = setup();
    worker.emit(snap(6));
    worker.emit(snap(7));
    worker.emit({ v, type: 'loaded', loadId: 2, steps: 4, error: null });
    frame();
    expect(got.loaded).toBe(1);
    expect(got.snapshots).toEqual([6]);
  });

  it('turns unknown messages into a failure in words, keeping the worker', () => {
    const { worker, workers, got } = setup();
    worker.emit({ v: v + 1, type: 'ready' });
    expect(got.failures).toHaveLength(1);
    expect(got.failures[0]).toMatch(/does not understand/);
    expect(workers).toHaveLength(1);
  });

  it('replaces a worker that throws, says why in words, and sends on to the new one', () => {
    const { worker, workers, got, bridge, frame } = setup();
    worker.emit(snap(2));
    worker.emit(snap(3));
    worker.onerror?.({ message: 'Uncaught RangeError: boom', preventDefault: () => undefined } as ErrorEvent);
    expect(worker.terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(got.crashes).toEqual(['an error inside the simulation (RangeError: boom)']);
    frame();
    expect(got.snapshots).toEqual([2]); // nothing more of the dead worker is handed on
    bridge.send({ type: 'goto', step: 1 });
    expect(workers[1]?.sent).toEqual([{ type: 'goto', step: 1, v }]);
    // The dead worker's late messages are not listened to.
    expect(worker.onmessage).toBeNull();
  });

  it('replaces a worker whose message cannot be read', () => {
    const { worker, workers, got } = setup();
    worker.onmessageerror?.({ data: null } as MessageEvent<unknown>);
    expect(workers).toHaveLength(2);
    expect(got.crashes[0]).toMatch(/could not be read/);
  });

  it('pings the worker and keeps it while it answers', () => {
    const { worker, workers, timers, got } = setup();
    for (let i = 0; i < 20; i++) {
      timers.advance(PING_MS);
      const n = pings(worker).at(-1) as number;
      worker.emit({ v, type: 'pong', n });
    }
    expect(pings(worker)).toHaveLength(20);
    expect(workers).toHaveLength(1);
    expect(got.crashes).toEqual([]);
  });

  it('replaces a worker that stops answering for HANG_MS, and not before', () => {
    const { worker, workers, timers, got } = setup();
    // The first ping goes out at PING_MS; the silence is counted from there.
    timers.advance(PING_MS + HANG_MS - 1);
    expect(workers).toHaveLength(1);
    timers.advance(PING_MS);
    expect(workers).toHaveLength(2);
    expect(worker.terminated).toBe(true);
    expect(got.crashes[0]).toMatch(/stopped answering for 15 seconds/);
    // The new worker is watched afresh.
    timers.advance(PING_MS);
    expect(pings(workers[1] as FakeWorker)).toEqual([1]);
  });

  it('terminates the worker, stops watching and sends nothing afterwards', () => {
    const { worker, workers, bridge, timers } = setup();
    bridge.terminate();
    bridge.send({ type: 'goto', step: 1 });
    timers.advance(HANG_MS * 3);
    expect(worker.terminated).toBe(true);
    expect(worker.sent).toEqual([]);
    expect(workers).toHaveLength(1);
  });
});
