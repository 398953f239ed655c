/**
 * The scale explorer's state in the store: the sliders, and the three curves
 * as the worker streams them. Pure functions over plain data, so the store
 * stays a thin shell and the rules (drop answers to an old request, keep
 * points in process order) are tested without a worker.
 */
import type { ScaleCurveSummary, ScaleFromWorker, ScaleInput, ScaleModel, ScalePoint } from '../protocol/index';

export interface ScaleState {
  /** The sliders; the request that computes them is `id`. */
  readonly input: ScaleInput;
  readonly id: number;
  readonly points: Readonly<Record<ScaleModel, readonly ScalePoint[]>>;
  /** Processes run over all three models, and in all. */
  readonly ran: number;
  readonly total: number;
  readonly done: boolean;
  readonly curves: readonly ScaleCurveSummary[];
  readonly unsharedOomAt: number | null;
  /** Why the sliders were refused, one sentence each; empty when they were taken. */
  readonly problems: readonly string[];
}

const GiB = 2 ** 30;

/** The seed's own case: 1500 clients of a 300 GiB SGA on a 512 GiB machine. */
export const SEED_SCALE: ScaleInput = { procs: 1500, sizeBytes: 300 * GiB, ramBytes: 512 * GiB };

export function freshScale(input: ScaleInput, id: number): ScaleState {
  return { input, id, points: { none: [], shared_pt: [], hugetlb: [], needed: [] }, ran: 0, total: 3 * input.procs, done: false, curves: [], unsharedOomAt: null, problems: [] };
}

/** The state after one message from the worker; an answer to another request changes nothing. */
export function applyScaleMessage(state: ScaleState, msg: ScaleFromWorker): ScaleState {
  if (msg.scaleId !== state.id) return state;
  switch (msg.type) {
    case 'scalePoints':
      return { ...state, points: { ...state.points, [msg.model]: [...state.points[msg.model], ...msg.points] }, ran: msg.ran, total: msg.total };
    case 'scaleDone':
      return { ...state, done: true, ran: state.total, curves: msg.curves, unsharedOomAt: msg.unsharedOomAt };
    case 'scaleRejected':
      return { ...state, done: true, problems: msg.problems };
  }
}
