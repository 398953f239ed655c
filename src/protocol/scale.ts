/**
 * The scale explorer's vocabulary (SPEC 5 "Scale explorer"): what the sliders
 * ask for, and the points one engine run per model produces. Every figure in a
 * point is read from the engine after a process has mapped and touched the file.
 */
import type { Bytes } from '../sim/geometry';

/**
 * The curves: page cache without sharing, MAP_SHARED_PT, hugetlb PMD sharing, each on
 * the machine's RAM; and `needed`, no sharing on a machine with all the RAM it asks
 * for, run only when the unshared model OOM-kills (what it would have needed).
 */
export type ScaleModel = 'none' | 'shared_pt' | 'hugetlb' | 'needed';

export const SCALE_MODELS: readonly ScaleModel[] = ['none', 'shared_pt', 'hugetlb'];

export const SCALE_MODEL_LABELS: Readonly<Record<ScaleModel, string>> = {
  needed: 'no sharing, with RAM to spare',
  none: 'no sharing',
  shared_pt: 'MAP_SHARED_PT',
  hugetlb: 'hugetlb PMD sharing',
};

/** The sliders: N processes each map one file of sizeBytes and read it. */
export interface ScaleInput {
  /** 1 to 5000. */
  readonly procs: number;
  /** 2 MiB to 1 TiB, a multiple of 2 MiB. */
  readonly sizeBytes: Bytes;
  /** The machine's RAM (file pages and page tables both use it). */
  readonly ramBytes: Bytes;
  /**
   * Bytes each process reads from the start of the mapping; the whole mapping when
   * absent. 4 KiB with 2000 processes of a 2 MiB file gives SPEC 7's 16,000 bytes
   * of PTEs (pteEntryBytes).
   */
  readonly touchBytes?: Bytes;
}

/** The figures after the `procs`-th process has mapped and touched the file. */
export interface ScalePoint {
  readonly model: ScaleModel;
  /** Processes created so far (alive or OOM-killed). */
  readonly procs: number;
  /** The system figure (PageTables): every table page that exists, PGDs and host mms included. */
  readonly pagetablesBytes: Bytes;
  /** PTE-level table pages that exist (allocated minus freed), times 4096. */
  readonly ptePageBytes: Bytes;
  /** Σ VmPTE over live processes (what each is charged; hugetlb sharers each pay for a shared PMD page). */
  readonly vmpteBytes: Bytes;
  /** 8 bytes per 4 KiB page each live process maps, counted per process (as the proposal's cover letter counts). */
  readonly pteEntryBytes: Bytes;
  /** Page-cache (or hugetlb) pages in use. */
  readonly fileBytes: Bytes;
  readonly alive: number;
  readonly oomKilled: number;
}

/** How one model's run ended. */
export interface ScaleCurveSummary {
  readonly model: ScaleModel;
  /** The first process count at which this model OOM-killed a process; null if none. */
  readonly firstOomAt: number | null;
  /** The point after the last process. */
  readonly last: ScalePoint;
  /** Points the schedule kept (the last and the OOM point included). */
  readonly points: number;
  /** SPEC 1.8 checked after the run: empty when every invariant holds. */
  readonly invariants: readonly string[];
}

// Messages between the page and the worker (members of ToWorker and FromWorker). A new
// `scale` request supersedes (cancels) the one before it; `scaleCancel` stops one.

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
