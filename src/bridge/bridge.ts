/**
 * The bridge owns the simulation worker's life (ARCHITECTURE habits 5-6):
 * it starts it, stamps and sends commands, checks what comes back, reports
 * crashes in words, and hands snapshots on at most once per animation frame
 * (a burst of answers collapses to the newest), so React never renders
 * faster than the screen can show.
 */
import { PROTOCOL_VERSION, isFromWorker, type FromWorker, type ScaleFromWorker, type Side, type Snapshot, type ToWorker } from '../protocol/index';

/** What the bridge needs of a Worker; a fake in tests. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
}

/** Animation frames (requestAnimationFrame in the page, a queue in tests). */
export interface Frames {
  request(callback: () => void): number;
  cancel(handle: number): void;
}

export type Progress = Extract<FromWorker, { type: 'progress' }>;
export type Loaded = Extract<FromWorker, { type: 'loaded' }>;

export interface BridgeHandlers {
  onLoaded(message: Loaded): void;
  onProgress(message: Progress): void;
  onSnapshot(snapshot: Snapshot): void;
  onFailure(message: string): void;
  /** The scale explorer's points, end and refusals, as they come. */
  onScale?(message: ScaleFromWorker): void;
  /** A lesson with its numbers filled in. */
  onLesson?(message: Extract<FromWorker, { type: 'lessonResolved' }>): void;
}

/** A command without its version stamp: the bridge adds it. */
export type Command = ToWorker extends infer T ? (T extends { v: number } ? Omit<T, 'v'> : never) : never;

export interface Bridge {
  send(command: Command): void;
  terminate(): void;
}

export interface BridgeOptions {
  readonly createWorker?: () => WorkerLike;
  readonly frames?: Frames;
}

function realWorker(): WorkerLike {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: 'simulation' });
}

const browserFrames: Frames = {
  request: (cb) => requestAnimationFrame(() => cb()),
  cancel: (h) => cancelAnimationFrame(h),
};

export function createBridge(handlers: BridgeHandlers, options: BridgeOptions = {}): Bridge {
  const frames = options.frames ?? browserFrames;
  const worker = (options.createWorker ?? realWorker)();
  // The newest snapshot of each side (compare mode draws two), handed on together.
  let snapshots = new Map<Side, Snapshot>();
  let progress: Progress | null = null;
  let frame: number | null = null;
  let alive = true;

  const flush = (): void => {
    frame = null;
    const p = progress;
    // The other side first, so the main side's arrival (which starts the step's motion) finds both.
    const s = [...snapshots.values()].sort((a, b) => (a.side === 'other' ? -1 : b.side === 'other' ? 1 : 0));
    progress = null;
    snapshots = new Map();
    if (p !== null) handlers.onProgress(p);
    for (const snap of s) handlers.onSnapshot(snap);
  };
  const later = (): void => {
    frame ??= frames.request(flush);
  };

  worker.onmessage = (event) => {
    const data = event.data;
    if (!isFromWorker(data)) {
      handlers.onFailure('The simulation sent a message this page does not understand (is the page out of date? Reload it).');
      return;
    }
    switch (data.type) {
      case 'ready':
        return;
      case 'loaded':
        // A new load supersedes anything still waiting for a frame.
        snapshots = new Map();
        progress = null;
        handlers.onLoaded(data);
        return;
      case 'progress':
        progress = data;
        later();
        return;
      case 'snapshot':
        snapshots.set(data.snapshot.side ?? 'main', data.snapshot);
        later();
        return;
      case 'failure':
        handlers.onFailure(data.message);
        return;
      case 'scalePoints':
      case 'scaleDone':
      case 'scaleRejected':
        handlers.onScale?.(data);
        return;
      case 'lessonResolved':
        handlers.onLesson?.(data);
        return;
      default:
        return data satisfies never;
    }
  };
  worker.onerror = (event) => {
    event.preventDefault?.();
    handlers.onFailure(`The simulation stopped: ${event.message || 'the worker could not start'}.`);
  };

  return {
    send(command) {
      if (alive) worker.postMessage({ ...command, v: PROTOCOL_VERSION });
    },
    terminate() {
      alive = false;
      if (frame !== null) frames.cancel(frame);
      worker.onmessage = null;
      worker.onerror = null;
      worker.terminate();
    },
  };
}
