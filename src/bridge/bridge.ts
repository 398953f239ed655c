/**
 * The bridge owns the simulation worker's life (ARCHITECTURE habits 5-6):
 * it starts it, stamps and sends commands, checks what comes back, and hands
 * snapshots on at most once per animation frame (a burst of answers
 * collapses to the newest), so React never renders faster than the screen
 * can show. The first main-side snapshot after a quiet frame is handed on at
 * once rather than at the next frame: a step back then costs one frame less,
 * and the frame that follows gates the rest of a burst. A worker that throws, sends what cannot be read, or stops
 * answering its watchdog's pings is replaced by a fresh one at once, and the
 * page is told in words; what to load into the new one is the page's choice.
 */
import { PROTOCOL_VERSION, isFromWorker, type FromWorker, type ScaleFromWorker, type Side, type Snapshot, type ToWorker } from '../protocol/index';

/** What the bridge needs of a Worker; a fake in tests. */
export interface WorkerLike {
  postMessage(message: unknown): void;
  terminate(): void;
  onmessage: ((event: MessageEvent<unknown>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  onmessageerror?: ((event: MessageEvent<unknown>) => void) | null;
}

/** Timers for the watchdog (the page's, or a fake in tests). */
export interface Timers {
  every(ms: number, task: () => void): () => void;
  now(): number;
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
  /** The worker died or hung and was replaced by an empty one; `reason` says what happened, in words. */
  onCrash?(reason: string): void;
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
  readonly timers?: Timers;
  /** Test-only: start workers whose fault switch is on (sim.worker.ts). */
  readonly faults?: boolean;
}

/** The watchdog pings this often, and gives up after this long without a pong. */
export const PING_MS = 2000;
export const HANG_MS = 15000;

function realWorker(faults: boolean): WorkerLike {
  return new Worker(new URL('../worker/sim.worker.ts', import.meta.url), { type: 'module', name: faults ? 'simulation faults' : 'simulation' });
}

const browserFrames: Frames = {
  request: (cb) => requestAnimationFrame(() => cb()),
  cancel: (h) => cancelAnimationFrame(h),
};

const browserTimers: Timers = {
  every: (ms, task) => {
    const id = setInterval(task, ms);
    return () => clearInterval(id);
  },
  now: () => performance.now(),
};

export function createBridge(handlers: BridgeHandlers, options: BridgeOptions = {}): Bridge {
  const frames = options.frames ?? browserFrames;
  const timers = options.timers ?? browserTimers;
  const spawn = options.createWorker ?? (() => realWorker(options.faults === true));
  let worker = spawn();
  // The newest snapshot of each side (compare mode draws two), handed on together.
  let snapshots = new Map<Side, Snapshot>();
  let progress: Progress | null = null;
  let frame: number | null = null;
  let alive = true;
  // The watchdog: pings numbered from 1; the newest answered, and when the oldest unanswered went out.
  let pinged = 0;
  let answered = 0;
  let waitingSince: number | null = null;

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
  // Whether a flush happened since the last frame began: then what arrives waits for the next frame.
  let gated = false;
  const onFrame = (): void => {
    frame = null;
    gated = false;
    if (snapshots.size === 0 && progress === null) return;
    flush();
    gated = true;
    frame = frames.request(onFrame);
  };
  const later = (): void => {
    frame ??= frames.request(onFrame);
  };
  /** A main-side snapshot: the worker posts compare's other side first, so this one completes the set. */
  const soon = (): void => {
    if (gated) return later();
    flush();
    gated = true;
    later();
  };

  const onMessage = (event: MessageEvent<unknown>): void => {
    const data = event.data;
    if (!isFromWorker(data)) {
      handlers.onFailure('The simulation sent a message this page does not understand (is the page out of date? Reload it).');
      return;
    }
    switch (data.type) {
      case 'ready':
        return;
      case 'pong':
        answered = Math.max(answered, data.n);
        if (answered >= pinged) waitingSince = null;
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
        if ((data.snapshot.side ?? 'main') === 'main') soon();
        else later();
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

  const detach = (w: WorkerLike): void => {
    w.onmessage = null;
    w.onerror = null;
    w.onmessageerror = null;
    w.terminate();
  };
  /** The worker is gone or lost: a fresh one takes its place; nothing it was showing is kept. */
  const replace = (reason: string): void => {
    if (!alive) return;
    detach(worker);
    if (frame !== null) frames.cancel(frame);
    frame = null;
    gated = false;
    snapshots = new Map();
    progress = null;
    pinged = answered = 0;
    waitingSince = null;
    worker = spawn();
    attach(worker);
    handlers.onCrash?.(reason);
  };
  const attach = (w: WorkerLike): void => {
    w.onmessage = onMessage;
    w.onerror = (event) => {
      event.preventDefault?.();
      replace(event.message ? `an error inside the simulation (${event.message.replace(/^Uncaught\s+/, '')})` : 'the simulation could not start');
    };
    w.onmessageerror = () => replace('a message from the simulation could not be read');
  };
  attach(worker);

  const stopWatching = timers.every(PING_MS, () => {
    if (!alive) return;
    const now = timers.now();
    if (waitingSince !== null && now - waitingSince >= HANG_MS) {
      replace(`the simulation stopped answering for ${Math.round(HANG_MS / 1000)} seconds`);
      return;
    }
    pinged += 1;
    waitingSince ??= now;
    worker.postMessage({ type: 'ping', n: pinged, v: PROTOCOL_VERSION });
  });

  return {
    send(command) {
      if (alive) worker.postMessage({ ...command, v: PROTOCOL_VERSION });
    },
    terminate() {
      alive = false;
      stopWatching();
      if (frame !== null) frames.cancel(frame);
      detach(worker);
    },
  };
}
