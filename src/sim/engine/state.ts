/**
 * The engine's world: memory objects, mms, tasks, host mms and the machine.
 * The engine mutates these in place for speed at the seed's scale; the
 * outside sees only the Model interface (reports, translations, events).
 */
import type { Bytes, Vaddr } from '../geometry';
import type { Advice, Prot } from '../commands';
import type { MmId, TraceEvent } from '../events';
import { Mappers } from './mappers';
import { RangeSet } from './rangeset';
import type { DirTable } from './tables';
import type { VmaList } from './vmalist';

export type ObjectKind = 'file' | 'memfd' | 'anon' | 'hugetlb';

/** A file, memfd, anonymous object or hugetlbfs file, with its cached pages. */
export interface MemObject {
  readonly name: string;
  readonly kind: ObjectKind;
  /** Size in bytes (rounded up to 2 MiB for hugetlb); a writable hugetlb mmap may extend it. */
  size: Bytes;
  /** Cached 4 KiB page indices (hugetlb: whole 512-page groups). */
  readonly cache: RangeSet;
  /** The MAP_SHARED_PT host mm of this file, if one lives. */
  host: Host | null;
  /** The mms whose VMAs map it, and how many VMAs (an anonymous object's pages go when none is left). */
  readonly mappers: Mappers;
}

/** A virtual memory area of one mm. Offsets are in bytes into the object. */
export interface Vma {
  start: Vaddr;
  end: Vaddr;
  prot: Prot;
  shared: boolean;
  advice: Exclude<Advice, 'dontneed'> | null;
  readonly obj: MemObject;
  offset: Bytes;
  /** The MAP_SHARED_PT region this VMA belongs to (a guest's view of a host). */
  host: Host | null;
  /** Holds anonymous pages (Linux: has an anon_vma): a private VMA written, or anonymous memory touched. */
  anon: boolean;
  /** The msharefs region this VMA is a window on (SPEC 1.5), if it is one. */
  mshare: MshareRegion | null;
}

/** An msharefs region (SPEC 1.5): a file, a host mm holding its objects as VMAs, the windows on it. */
export interface MshareRegion {
  readonly name: string;
  readonly size: Bytes;
  /** The host mm, "mshare: NAME". */
  readonly mm: Mm;
  /** Where the region lies in the host mm (aligned to mshare_align). */
  readonly base: Vaddr;
  /** What a window's VMA maps: the region itself (no pages of its own). */
  readonly pseudo: MemObject;
  /** Attached windows, one reference each, in the order they attached. */
  windows: { mm: Mm; vma: Vma }[];
  /** The region file was removed: the host goes once no window is attached. */
  unlinked: boolean;
}

export interface Mm {
  readonly id: MmId;
  readonly name: string;
  readonly isHost: boolean;
  pgd: DirTable;
  vmas: VmaList;
  /** Table pages charged to this mm (PUD, PMD, PTE; not the PGD). */
  charged: number;
  /** Live tasks using this mm. */
  tasks: Task[];
  alive: boolean;
  /** `as=` names of this mm's tasks (SPEC 2: a thread shares them, fork copies them). */
  names: Map<string, Vaddr>;
  /** Where `auto` mappings start, top-down (random.ts); drawn per process, kept by fork. */
  mmapBase: Vaddr;
  /** As posted: table pages still charged when the mm was freed (leaked, SPEC 1.3). */
  leaked: number;
}

export interface Task {
  readonly name: string;
  mm: Mm;
  readonly threadOf: string | null;
  alive: boolean;
  oomKilled: boolean;
  signal: string | null;
}

/** A MAP_SHARED_PT host mm: one per file, one region, a reference per guest mm. */
export interface Host {
  readonly mm: Mm;
  readonly obj: MemObject;
  readonly start: Vaddr;
  readonly len: Bytes;
  readonly offset: Bytes;
  /** Guest mms holding a reference, in the order they took it. */
  guests: Set<Mm>;
  /** As posted: references of guests that exited without dropping them (the host leaks). */
  leaked: number;
}

export interface Machine {
  ram: Bytes;
  frames: number;
  usedFrames: number;
  tablePages: number;
  filePages: number;
  ptReclaim: boolean;
  /** `machine fidelity=as_posted`: the posted code's known gaps (SPEC 1.3). */
  asPosted: boolean;
  mshareAlign: Bytes;
  /** Table pages of freed mms nobody freed (as posted). */
  leakedTables: number;
  /** "As posted" moments worth reporting (SPEC 3 `findings`), in order. */
  findings: { mm: string; message: string }[];
  rng: number;
  nextMmId: number;
  objects: Map<string, MemObject>;
  /** Anonymous objects, one per anonymous mmap (their names may repeat), in creation order. */
  anon: Set<MemObject>;
  tasks: Map<string, Task>;
  taskOrder: Task[];
  mms: Map<MmId, Mm>;
  /** Living MAP_SHARED_PT hosts by their mm's id, in creation order. */
  hosts: Map<MmId, Host>;
  /** msharefs regions by name, while their file exists. */
  regions: Map<string, MshareRegion>;
  /** Every living msharefs region by its host mm's id, in creation order (unlinked ones too, while attached). */
  mshares: Map<MmId, MshareRegion>;
  /** Objects whose page cache grew, or that were released, since the last invariant check. */
  cacheChanged: Set<MemObject>;
  /** Events of the step under way. */
  events: TraceEvent[];
  /** Index just past the last marker in events (see emit). */
  markerAt: number;
  /** Every mm's name, kept after it is freed, for traces. */
  mmNames: Map<MmId, string>;
  /** Set once a command other than machine ran: machine must come first. */
  started: boolean;
  /** Whether a touch may keep whole uniform PMD pages as PUD runs (pudruns.ts); off only to test that they change nothing. */
  pudRuns: boolean;
  /** The 1 GiB windows (mm, start, end) whose PMD page was made explicit this step: no event names them, yet their tables changed shape. */
  reshaped: [MmId, Vaddr, Vaddr][];
}

export function newObject(name: string, kind: ObjectKind, size: Bytes): MemObject {
  return { name, kind, size, cache: new RangeSet(), host: null, mappers: new Mappers() };
}
