/**
 * Tiny guards for messages that cross a thread boundary: anything arriving by
 * postMessage is untrusted until checked (a stale worker, a future embedding
 * host page). They check the shape each side relies on, not every field.
 */
import { MODES, PROTOCOL_VERSION, VS_CHOICES, type AddressWindow, type FromWorker, type ToWorker } from './messages';

type Rec = Record<string, unknown>;

function isRecord(x: unknown): x is Rec {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

function isCount(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
}

/** A window inside user space with lo < hi; null is accepted where the caller allows it. */
export function isAddressWindow(x: unknown): x is AddressWindow {
  return isRecord(x) && isCount(x.lo) && isCount(x.hi) && x.lo < x.hi && x.hi <= 2 ** 47;
}

/** Why a message was refused, or null when it is a well-formed message of this version. */
export function toWorkerProblem(x: unknown): string | null {
  if (!isRecord(x)) return 'not an object';
  if (x.v !== PROTOCOL_VERSION) return `protocol version ${String(x.v)}, expected ${PROTOCOL_VERSION}`;
  switch (x.type) {
    case 'load':
      if (typeof x.text !== 'string') return 'load: text must be a string';
      if (x.step !== 'last' && !isCount(x.step)) return 'load: step must be a count or "last"';
      if (!(MODES as readonly unknown[]).includes(x.mode)) return `load: unknown mode ${String(x.mode)}`;
      if (x.vs !== undefined && !(VS_CHOICES as readonly unknown[]).includes(x.vs)) return `load: unknown vs ${String(x.vs)}`;
      if (x.window !== null && !isAddressWindow(x.window)) return 'load: bad window';
      if (x.limit !== undefined && !isCount(x.limit)) return 'load: limit must be a count';
      return null;
    case 'ping':
      return isCount(x.n) ? null : 'ping: n must be a count';
    case 'goto':
      return isCount(x.step) ? null : 'goto: step must be a count';
    case 'window':
      return x.window === null || isAddressWindow(x.window) ? null : 'window: bad window';
    case 'scale':
      if (!isCount(x.scaleId)) return 'scale: scaleId must be a count';
      if (!isRecord(x.input) || !isCount(x.input.procs) || !isCount(x.input.sizeBytes) || !isCount(x.input.ramBytes)) return 'scale: input needs procs, sizeBytes and ramBytes as counts';
      if (x.input.touchBytes !== undefined && !isCount(x.input.touchBytes)) return 'scale: touchBytes must be a count';
      return null;
    case 'scaleCancel':
      return isCount(x.scaleId) ? null : 'scaleCancel: scaleId must be a count';
    case 'lesson':
      return typeof x.id === 'string' && x.id.length <= 64 ? null : 'lesson: id must be a short string';
    default:
      return `unknown message type ${String(x.type)}`;
  }
}

export function isToWorker(x: unknown): x is ToWorker {
  return toWorkerProblem(x) === null;
}

/** The worker's messages: version and type checked, payload trusted (same build). */
export function isFromWorker(x: unknown): x is FromWorker {
  if (!isRecord(x) || x.v !== PROTOCOL_VERSION) return false;
  switch (x.type) {
    case 'ready':
      return true;
    case 'pong':
      return isCount(x.n);
    case 'loaded':
      return isCount(x.loadId) && isCount(x.steps) && (x.error === null || isRecord(x.error));
    case 'progress':
      return isCount(x.ran) && isCount(x.total) && (x.stopped === null || typeof x.stopped === 'string') && x.kinds instanceof Uint8Array && x.lines instanceof Uint32Array;
    case 'snapshot':
      return isRecord(x.snapshot) && isCount(x.snapshot.step);
    case 'failure':
      return typeof x.message === 'string';
    case 'scalePoints':
      return isCount(x.scaleId) && Array.isArray(x.points);
    case 'scaleDone':
      return isCount(x.scaleId) && Array.isArray(x.curves);
    case 'scaleRejected':
      return isCount(x.scaleId) && Array.isArray(x.problems);
    case 'lessonResolved':
      return typeof x.id === 'string' && (x.lesson === null || isRecord(x.lesson));
    default:
      return false;
  }
}
