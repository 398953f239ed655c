/**
 * What every model of the kernel offers: the fast engine and the reference
 * model used by the tests implement the same interface, so one runner and one
 * set of property tests drive both.
 */
import type { Bits } from './bits';
import type { Located } from './commands';
import type { MmId, TraceEvent } from './events';
import type { Bytes, Vaddr } from './geometry';

export interface ProcessReport {
  readonly name: string;
  readonly alive: boolean;
  /** Bytes of PUD, PMD and PTE pages charged to the task's mm (VmPTE); 0 once dead. */
  readonly pgtables_bytes: Bytes;
  /** 4 KiB pages the task's page tables map right now (through links too); 0 once dead. */
  readonly rss_pages: number;
  readonly oom_killed: boolean;
  /** The process whose mm a thread shares; null for a process. */
  readonly thread_of: string | null;
  /** The signal that killed it, if one did. */
  readonly signal: string | null;
}

export interface HostReport {
  /** The file (MAP_SHARED_PT) or the region (msharefs) the host mm holds. */
  readonly file: string;
  /** Present for an msharefs region's host; absent for a MAP_SHARED_PT host. */
  readonly kind?: 'msharefs';
  readonly refcount: number;
  readonly pgtables_bytes: Bytes;
}

/** Where an address leads: the file page it maps and the leaf's bits. */
export interface Translation {
  readonly file: string;
  /** Index of the 4 KiB page within the file. */
  readonly page: number;
  readonly bits: Bits;
}

/** A moment the "as posted" switch makes worth reporting (SPEC 1.3, 1.6): not a failure. */
export interface Finding {
  /** The mm it concerns, by name. */
  readonly mm: string;
  /** Such as check_mm's `BUG: non-zero pgtables_bytes on freeing mm: N`. */
  readonly message: string;
}

export interface MemoryReport {
  readonly ram_bytes: Bytes;
  readonly pagetables_bytes: Bytes;
  /** Page-cache (and hugetlb) pages in use. */
  readonly file_bytes: Bytes;
}

export interface Model {
  /**
   * Applies one command; returns its events. The engine returns them in causal
   * order (the order things happen, the order the UI animates and the text trace
   * prints); the reference model in canonical form. normalizeEvents makes any two
   * comparable, which is how the tests compare models.
   */
  step(cmd: Located): TraceEvent[];
  /** Every task ever created, in creation order. */
  processes(): ProcessReport[];
  /** Live host mms (MAP_SHARED_PT), in creation order. */
  hosts(): HostReport[];
  memory(): MemoryReport;
  /** The task's translation of va, or null when no present leaf maps it. */
  translate(task: string, va: Vaddr): Translation | null;
  /** Names of mms for printing traces: process name, or `host:FILE`. */
  mmName(mm: MmId): string;
  /** Broken invariants of SPEC 1.8; empty when all hold. */
  invariants(): string[];
  /** Objects the model holds for its world (sim/budget.ts); the engine's, not the kernel's. */
  footprint?(): number;
  /** Findings so far, in order (only `machine fidelity=as_posted` has any). */
  findings?(): Finding[];
}
