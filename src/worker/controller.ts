/**
 * The worker's message loop without the worker: checks each message, drives
 * the session, and decides what to post and when. The run advances in short
 * chunks scheduled one after another, so a `goto` or a new window sent in the
 * middle of a long run is answered between two chunks.
 */
import { PROTOCOL_VERSION as v, toWorkerProblem, type FromWorker, type ToWorker } from '../protocol/index';
import { Session, type SessionOptions } from './session';
import { ScaleJob } from './scale/scaleJob';
import { lessonMessage } from './lesson';

export interface ControllerDeps {
  /** Sends a message to the page; `transfer` lists buffers to move, not copy. */
  readonly post: (message: FromWorker, transfer: Transferable[]) => void;
  /** Runs `task` soon (setTimeout 0 in the worker, a queue in tests). */
  readonly schedule: (task: () => void) => void;
  /** Milliseconds. */
  readonly clock: () => number;
  readonly session?: SessionOptions;
}

/** Milliseconds of running per chunk; progress messages are throttled. */
export const CHUNK_MS = 25;
const PROGRESS_MS = 150;

export function createController(deps: ControllerDeps): { handle(data: unknown): void } {
  const session = new Session({ clock: deps.clock, ...deps.session });
  const scale = new ScaleJob(deps.clock);
  let running = false;
  let scaling = false;
  let shown = -1;
  let lastProgress = -Infinity;

  const postSnapshot = (): void => {
    shown = session.shownStep;
    // Compare's other side first: the page draws a step when the main side arrives, and finds both.
    const sides = session.snapshots().sort((a, b) => (a.side === 'other' ? -1 : b.side === 'other' ? 1 : 0));
    for (const snapshot of sides) deps.post({ v, type: 'snapshot', snapshot }, []);
  };

  const pump = (): void => {
    const progress = session.runFor(CHUNK_MS);
    const done = !session.running;
    const now = deps.clock();
    if (done || now - lastProgress >= PROGRESS_MS) {
      lastProgress = now;
      const transfer = progress.type === 'progress' ? [progress.kinds.buffer, progress.lines.buffer] : [];
      deps.post(progress, transfer);
    }
    // While the run goes on, show the step asked for once reached (not every step on the way);
    // at the end, always: the window the worker chooses may only now be known.
    if (done || (session.shownStep !== shown && session.reached)) postSnapshot();
    running = !done;
    if (running) deps.schedule(pump);
  };

  // The scale explorer's slices, scheduled like the run's so every message is answered between them.
  const pumpScale = (): void => {
    for (const out of scale.slice(CHUNK_MS)) deps.post(out, []);
    scaling = scale.running;
    if (scaling) deps.schedule(pumpScale);
  };

  const act = (msg: ToWorker): void => {
    switch (msg.type) {
      case 'load': {
        const outs = session.load(msg);
        for (const out of outs) deps.post(out, []);
        if (outs.some((o) => o.type === 'loaded' && o.error !== null)) return;
        lastProgress = -Infinity;
        postSnapshot(); // step 0 at once: the screen never waits for a long run
        if (!session.running) {
          deps.post(session.progress(), []);
        } else if (!running) {
          running = true;
          deps.schedule(pump);
        }
        return;
      }
      case 'goto':
        session.goto(msg.step);
        postSnapshot();
        return;
      case 'window':
        session.setWindow(msg.window);
        postSnapshot();
        return;
      case 'scale':
        for (const out of scale.start(msg.scaleId, msg.input)) deps.post(out, []);
        if (scale.running && !scaling) {
          scaling = true;
          deps.schedule(pumpScale);
        }
        return;
      case 'scaleCancel':
        scale.cancel(msg.scaleId);
        return;
      case 'lesson':
        deps.post(lessonMessage(msg.id), []);
        return;
      case 'ping':
        deps.post({ v, type: 'pong', n: msg.n }, []);
        return;
      default:
        return msg satisfies never;
    }
  };

  return {
    handle(data: unknown): void {
      const problem = toWorkerProblem(data);
      if (problem !== null) {
        deps.post({ v, type: 'failure', message: `refused a message: ${problem}` }, []);
        return;
      }
      try {
        act(data as ToWorker);
      } catch (e) {
        deps.post({ v, type: 'failure', message: e instanceof Error ? e.message : String(e) }, []);
      }
    },
  };
}
