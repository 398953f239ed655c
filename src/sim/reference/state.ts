/**
 * The reference model's world, spelled out object by object: every table page
 * is a real 512-slot array, every cached file page a set member, every charge
 * an entry in a list. Slow on purpose: the point is that each structure is easy
 * to check by eye, so the fast engine can be checked against it.
 */
import type { Bits } from '../bits';
import type { Prot } from '../commands';
import { isMarker, tryAbsorb, type MmId, type TraceEvent } from '../events';
import type { Bytes, Level, Vaddr } from '../geometry';

/** A leaf entry: a PTE (or a hugetlb PMD leaf) mapping one file page. */
export interface Leaf {
  readonly kind: 'leaf';
  readonly obj: MemObject;
  /** 4 KiB page index in the object of the first page the leaf maps. */
  readonly page: number;
  bits: Bits;
}

/** A non-leaf entry: points at the next level's table (possibly another mm's). */
export interface Link {
  readonly kind: 'table';
  readonly table: Table;
}

export type Entry = Leaf | Link;

/** Where a table is pointed at from: slot `index` of `table`. */
export interface Ref {
  readonly table: Table;
  readonly index: number;
}

export interface Table {
  readonly id: number;
  readonly level: Level;
  /** Start of the span the allocating mm placed it at. */
  readonly va: Vaddr;
  /** The mm whose tree allocated it; a host for host tables. */
  owner: Mm;
  readonly entries: (Entry | undefined)[];
  /** Every entry that points at this table (none for a PGD). */
  refs: Ref[];
  /** One element per charge: a hugetlb PMD page shared twice is charged twice. */
  charged: Mm[];
  freed: boolean;
}

/** A regular file, memfd, hugetlbfs file or the object behind one anonymous mmap. */
export interface MemObject {
  readonly name: string;
  readonly kind: 'file' | 'memfd' | 'anon';
  readonly hugetlb: boolean;
  /** A writable hugetlb mmap past the end extends it. */
  size: Bytes;
  /** 4 KiB page indexes in the page cache; a hugetlb page is recorded by its first index. */
  readonly cached: Set<number>;
  /** The MAP_SHARED_PT host mm of this file, while one exists. */
  host: Host | null;
}

export type AdviceFlag = 'none' | 'hugepage' | 'nohugepage';

export interface Vma {
  readonly start: Vaddr;
  readonly end: Vaddr;
  readonly obj: MemObject;
  /** File offset in bytes of `start`. */
  readonly offset: Bytes;
  readonly prot: Prot;
  readonly shared: boolean;
  /** MAP_SHARED_PT was asked for (whether or not the mapping got a host). */
  readonly sharedPt: boolean;
  readonly advice: AdviceFlag;
  /** The MAP_SHARED_PT region this VMA belongs to, if it joined one. */
  readonly region: Host | null;
  /** The msharefs region this VMA is a window on, if it is one. */
  readonly mshare: RefRegion | null;
  /** Holds anonymous pages (an anon_vma): a private VMA written, or anonymous memory touched. */
  anon: boolean;
}

export interface Task {
  readonly name: string;
  readonly mm: Mm;
  /** The process whose mm this thread shares; null for a process. */
  readonly threadOf: string | null;
  alive: boolean;
  oomKilled: boolean;
  signal: string | null;
}

export interface Mm {
  readonly id: MmId;
  /** The creating task's name, or `host:FILE`. */
  readonly name: string;
  readonly isHost: boolean;
  pgd: Table | null;
  vmas: Vma[];
  /** Pages charged to this mm (PUD, PMD, PTE; never the PGD). */
  chargedPages: number;
  alive: boolean;
  /** The `as=` names of this mm's tasks. */
  names: Map<string, Vaddr>;
  /** The top of the `auto` area: drawn per process, kept by fork. */
  mmapBase: Vaddr;
}

/** An msharefs region (SPEC 1.5): its file, its host mm, the windows attached to it. */
export interface RefRegion {
  readonly name: string;
  readonly size: Bytes;
  readonly mm: Mm;
  /** Where the region lies in the host mm. */
  readonly base: Vaddr;
  /** What a window's VMA maps (never cached itself). */
  readonly pseudo: MemObject;
  windows: { mm: Mm; vma: Vma }[];
  unlinked: boolean;
}

/** A MAP_SHARED_PT host: an mm of no process, holding one file's shared region. */
export interface Host {
  readonly mm: Mm;
  readonly obj: MemObject;
  readonly start: Vaddr;
  readonly len: Bytes;
  readonly offset: Bytes;
  refcount: number;
  /** As posted: references kept by guests that exited (counted in refcount). */
  leaked: number;
}

export interface RefState {
  ramBytes: number;
  ramFrames: number;
  usedFrames: number;
  /** `machine fidelity=as_posted`: the posted code's gaps (SPEC 1.3). */
  asPosted: boolean;
  /** Tables of freed mms that the posted free path never freed. */
  readonly leaked: Set<Table>;
  /** As posted: guest PMD pages over a shared range when it was unmapped, never freed. */
  readonly kept: Set<Table>;
  /** "As posted" findings so far. */
  readonly findings: { mm: string; message: string }[];
  random: number;
  ptReclaim: boolean;
  /** Whether any command has run yet (`machine` must come first). */
  started: boolean;
  readonly files: Map<string, MemObject>;
  /** Every memory object, anonymous ones included, for frame accounting. */
  readonly objects: MemObject[];
  readonly tasks: Task[];
  readonly mms: Mm[];
  /** Live hosts in creation order. */
  readonly hosts: Host[];
  /** msharefs regions by name while their file exists; every living region host in order. */
  readonly regions: Map<string, RefRegion>;
  readonly mshares: RefRegion[];
  mshareAlign: number;
  /** Every table page that exists right now. */
  readonly tables: Set<Table>;
  nextTableId: number;
}

/**
 * What one step writes to: events one entry at a time. An effect that continues
 * one of the last few of the same set is folded into it right away, as the
 * canonical form would fold it anyway; that only keeps a 1 GiB touch from
 * holding a million small objects until normalizeEvents.
 */
export class Out {
  readonly events: TraceEvent[] = [];
  private setStart = 0;

  push(e: TraceEvent): void {
    if (isMarker(e)) {
      this.events.push(e);
      this.setStart = this.events.length;
      return;
    }
    for (let i = this.events.length - 1; i >= Math.max(this.setStart, this.events.length - 8); i--) {
      const into = this.events[i];
      if (into !== undefined && !isMarker(into) && tryAbsorb(into, e)) return;
    }
    this.events.push({ ...e });
  }
}

/** A syscall failure: becomes an `error` event and the scenario goes on. */
export class SysError extends Error {
  constructor(
    readonly errno: 'EINVAL' | 'ENOMEM' | 'EEXIST' | 'EBADF' | 'ESRCH',
    message: string,
  ) {
    super(message);
  }
}

/** A frame could not be had while faulting: the faulting mm is OOM-killed. */
export class OutOfMemory extends Error {
  constructor(readonly need: Level | 'page') {
    super(`out of memory: ${need}`);
  }
}
