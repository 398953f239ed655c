/**
 * What a screen can show of the simulated world: every mm with its VMAs and
 * the tables that cover an address range, the host mms, the page cache and
 * the counters. Bounded by the range and by caps, never the whole world, so a
 * 1500-process scenario still yields a small view (SPEC 5, ARCHITECTURE habit 6).
 */
import type { Bits } from './bits';
import type { Prot } from './commands';
import type { MmId } from './events';
import type { Bytes, Level, Vaddr } from './geometry';

/** A stable id for a table page: the mm whose tree first held it, its level, its span. */
export type TableId = string;

/**
 * A run of non-empty entries. Table ids are paths: an mm's PGD is `"3"`, its
 * PUD page for PGD index 255 is `"3/255"`, below it `"3/255/0"`, and so on;
 * a table keeps the id of the tree it was created in.
 */
export type EntryRun =
  /** Entries lo..hi-1: entry i points at the table `${parent}/${i}` (its own child). */
  | { readonly kind: 'table'; readonly lo: number; readonly hi: number; readonly parent: TableId }
  /** MAP_SHARED_PT link: entry i points at the host's PTE page `${parent}/${i}`. */
  | { readonly kind: 'link'; readonly lo: number; readonly hi: number; readonly parent: TableId; readonly host: MmId }
  /**
   * The entry points at a table of another tree: a shared hugetlb PMD page, or (with
   * `host`, in a PGD) an msharefs host's PUD page that a window's PGD entry links to.
   */
  | { readonly kind: 'shared'; readonly lo: number; readonly hi: number; readonly target: TableId; readonly host?: MmId }
  /** Leaves lo..hi-1 map pages page0.. of file with these bits (pagesPerEntry: 1, or 512 for hugetlb). */
  | { readonly kind: 'leaf'; readonly lo: number; readonly hi: number; readonly file: string; readonly page0: number; readonly bits: Bits; readonly pagesPerEntry: number };

export interface TableView {
  readonly id: TableId;
  readonly level: Level;
  /** First address this table maps. */
  readonly va: Vaddr;
  /** The mm charged for it (hugetlb shared PMD pages: every user is charged; this is the first). */
  readonly owner: MmId;
  /** Mms whose upper-level entry points here: one for a private table, several when shared. */
  readonly referrers: readonly MmId[];
  /** Non-empty entries as runs, ascending. */
  readonly entries: readonly EntryRun[];
  /** True when this table belongs to a MAP_SHARED_PT host mm or is a shared hugetlb PMD page. */
  readonly shared: boolean;
}

export interface VmaView {
  readonly start: Vaddr;
  readonly end: Vaddr;
  readonly prot: Prot;
  readonly shared: boolean;
  readonly file: string;
  readonly offset: Bytes;
  readonly advice: 'hugepage' | 'nohugepage' | null;
  /** The host mm of its MAP_SHARED_PT region, or of the msharefs region it is a window on. */
  readonly host: MmId | null;
  /** The msharefs region this VMA is a window on (its `file` is the region's name too). */
  readonly mshare?: string;
}

export interface MmView {
  readonly id: MmId;
  readonly name: string;
  readonly isHost: boolean;
  /** Names of the live tasks using it (empty for a host). */
  readonly tasks: readonly string[];
  readonly pgtablesBytes: Bytes;
  readonly rssPages: number;
  readonly vmas: readonly VmaView[];
  /** Its PGD, then the tables below it that cover the range in view, top-down (capped). */
  readonly tables: readonly TableView[];
  /** A digest of everything above but the name: equal digests fold together on screen. */
  readonly shape: string;
}

export interface FileView {
  readonly name: string;
  readonly kind: 'file' | 'memfd' | 'anon' | 'hugetlb';
  readonly size: Bytes;
  /** Cached page ranges [lo, hi) in 4 KiB pages. */
  readonly cached: readonly (readonly [number, number])[];
  readonly host: MmId | null;
}

export interface WorldView {
  /** The address range in view. */
  readonly range: { readonly lo: Vaddr; readonly hi: Vaddr };
  readonly mms: readonly MmView[];
  readonly files: readonly FileView[];
  readonly memory: { readonly ramBytes: Bytes; readonly pagetablesBytes: Bytes; readonly fileBytes: Bytes };
  /** True when caps cut something off (the view says so rather than lying). */
  readonly truncated: boolean;
}

export interface ViewOptions {
  /** Only tables overlapping [lo, hi) are listed. */
  readonly lo: Vaddr;
  readonly hi: Vaddr;
  /** At most this many PTE pages per mm (default 64). */
  readonly maxPtePerMm?: number;
}
