/**
 * The scale explorer's vocabulary (SPEC 5 "Scale explorer"): what the sliders
 * ask for, and the points one engine run per model produces. Every figure in a
 * point is read from the engine after a process has mapped and touched the file.
 */
import type { Bytes } from '../../sim/geometry';

/** The three curves: page cache without sharing, MAP_SHARED_PT, hugetlb PMD sharing. */
export type ScaleModel = 'none' | 'shared_pt' | 'hugetlb';

export const SCALE_MODELS: readonly ScaleModel[] = ['none', 'shared_pt', 'hugetlb'];

export const SCALE_MODEL_LABELS: Readonly<Record<ScaleModel, string>> = {
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
