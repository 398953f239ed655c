/**
 * Messages between the page and the worker for the scale explorer, in the shape
 * of src/protocol/messages.ts (a version `v` and a `type`); they will move there
 * when the explorer is mounted. A new `scale` request supersedes (cancels) the
 * one before it; `scaleCancel` stops one without starting another.
 */
import type { ScaleCurveSummary, ScaleInput, ScaleModel, ScalePoint } from './types';

/** Page → worker: compute the three curves for these sliders. */
export interface ScaleRequest {
  readonly v: number;
  readonly type: 'scale';
  /** Chosen by the page; every answer carries it, so late answers to an old request are dropped. */
  readonly scaleId: number;
  readonly input: ScaleInput;
}

/** Page → worker: stop computing request scaleId (a slider is moving). */
export interface ScaleCancel {
  readonly v: number;
  readonly type: 'scaleCancel';
  readonly scaleId: number;
}

/** Worker → page: points computed since the last message, for one model, in process order. */
export interface ScalePointsMessage {
  readonly v: number;
  readonly type: 'scalePoints';
  readonly scaleId: number;
  readonly model: ScaleModel;
  readonly points: readonly ScalePoint[];
  /** Processes run so far over all three models, and in total (3 × procs), for a progress bar. */
  readonly ran: number;
  readonly total: number;
}

/** Worker → page: all three curves are complete. */
export interface ScaleDoneMessage {
  readonly v: number;
  readonly type: 'scaleDone';
  readonly scaleId: number;
  readonly curves: readonly ScaleCurveSummary[];
  /** The first process count at which the unshared model OOM-kills; null when it fits. */
  readonly unsharedOomAt: number | null;
}

/** Worker → page: the sliders asked for something out of range; nothing was run. */
export interface ScaleRejectedMessage {
  readonly v: number;
  readonly type: 'scaleRejected';
  readonly scaleId: number;
  /** One sentence per problem, e.g. "size 3 MiB is not a multiple of 2 MiB". */
  readonly problems: readonly string[];
}

export type ScaleToWorker = ScaleRequest | ScaleCancel;
export type ScaleFromWorker = ScalePointsMessage | ScaleDoneMessage | ScaleRejectedMessage;
