/**
 * Trace events (SPEC 4): what one step did to the kernel's structures, small
 * enough to animate and to print. Ranges, not pages: a touch of 300 GiB is a
 * handful of events, so the trace of the seed's own scenario stays small.
 *
 * Canonical form. Between two markers (events whose order is the story:
 * an error, a signal, an OOM kill, an exit, a host's release, a new task, an
 * mmap) the effects form a set; `normalizeEvents` sorts that set by phase, mm
 * and address, and merges neighbours that continue each other. A model may
 * emit effects one entry at a time (the reference model) or as ranges (the
 * engine): both normalise to the same list.
 */
import type { Bits } from './bits';
import type { Access } from './commands';
import type { Bytes, Level, Vaddr } from './geometry';
import { LEVELS, tableSpan } from './geometry';

/** Mms are numbered from 1 in the order they are created (hosts included). */
export type MmId = number;

export type Errno = 'EINVAL' | 'ENOMEM' | 'EEXIST' | 'EBADF' | 'ESRCH' | 'EACCES' | 'ENODEV' | 'ENOTSUP';
export type Signal = 'SIGSEGV' | 'SIGBUS';
export type FaultKind = 'normal' | 'host' | 'link' | 'hugetlb';

/** Markers: their order is kept; they separate the effect sets. */
export type MarkerEvent =
  | { readonly k: 'task'; readonly task: string; readonly mm: MmId; readonly how: 'process' | 'thread' | 'fork'; readonly parent: string | null }
  | {
      readonly k: 'mmap';
      readonly mm: MmId;
      readonly va: Vaddr;
      readonly len: Bytes;
      readonly file: string;
      /** How its tables are shared; `notShared` says why a shared_pt request was not. */
      readonly sharing: 'none' | 'shared_pt' | 'hugetlb' | 'msharefs';
      readonly notShared: string | null;
    }
  | { readonly k: 'error'; readonly errno: Errno; readonly message: string }
  | { readonly k: 'signal'; readonly task: string; readonly mm: MmId; readonly signal: Signal; readonly va: Vaddr; readonly reason: string }
  | {
      readonly k: 'oom';
      readonly task: string;
      readonly mm: MmId;
      readonly va: Vaddr;
      /** What could not be allocated: a table of this level, or a file page. */
      readonly need: Level | 'page';
      readonly pagetablesBytes: Bytes;
      readonly fileBytes: Bytes;
    }
  | { readonly k: 'exit'; readonly task: string; readonly mm: MmId; readonly lastTask: boolean }
  | { readonly k: 'host_release'; readonly host: MmId; readonly file: string };

/** Effects: a set between markers, put in canonical order by normalizeEvents. */
export type EffectEvent =
  | { readonly k: 'host_create'; readonly host: MmId; readonly file: string; readonly va: Vaddr; readonly len: Bytes }
  | { readonly k: 'host_ref'; readonly host: MmId; readonly mm: MmId; readonly refcount: number }
  /** The single-page hardware walk: the level whose entry was empty, or 'hit' / 'deny' at the PTE. */
  | { readonly k: 'walk'; readonly mm: MmId; readonly va: Vaddr; readonly stop: Level | 'hit' | 'deny' }
  /** Faults handled for the pages (or, for link faults, the 2 MiB chunks) in [va, va+len). */
  | { readonly k: 'fault'; readonly mm: MmId; readonly va: Vaddr; readonly len: Bytes; readonly access: Access; readonly kind: FaultKind }
  /** `count` tables of `level` placed in mm's tree from va on, charged to `charged`. */
  | { readonly k: 'alloc'; readonly mm: MmId; readonly level: Level; readonly va: Vaddr; readonly count: number; readonly charged: MmId }
  /** File pages read into the page cache. */
  | { readonly k: 'fill'; readonly file: string; readonly page: number; readonly count: number }
  /**
   * Guest PMD entries in [va, va+len) now point at the host's PTE pages; with
   * level `pgd` (msharefs), guest PGD entries point at the host's PUD pages.
   */
  | { readonly k: 'link'; readonly mm: MmId; readonly va: Vaddr; readonly len: Bytes; readonly host: MmId; readonly level?: 'pgd' }
  /** hugetlb: mm's PUD entries for these 1 GiB windows point at PMD pages found through `from`. */
  | { readonly k: 'share'; readonly mm: MmId; readonly va: Vaddr; readonly len: Bytes; readonly from: MmId }
  /** Leaf entries written (PTEs, or PMD leaves for hugetlb) in mm's tables. */
  | { readonly k: 'set'; readonly mm: MmId; readonly level: Level; readonly va: Vaddr; readonly len: Bytes; readonly bits: Bits }
  /** mprotect rewrote present leaves in mm's tables; `seenBy` are the mms whose walk reaches them. */
  | { readonly k: 'prot'; readonly mm: MmId; readonly level: Level; readonly va: Vaddr; readonly len: Bytes; readonly bits: Bits; readonly seenBy: readonly MmId[] }
  /** Present leaves cleared in mm's tables; `seenBy` as for prot. */
  | { readonly k: 'clear'; readonly mm: MmId; readonly level: Level; readonly va: Vaddr; readonly len: Bytes; readonly seenBy: readonly MmId[] }
  /** Guest PMD (msharefs: PGD) entries pointing into the host cleared (nothing freed in the host). */
  | { readonly k: 'unlink'; readonly mm: MmId; readonly va: Vaddr; readonly len: Bytes; readonly host: MmId; readonly level?: 'pgd' }
  /** hugetlb: mm's PUD entries to shared PMD pages cleared; the page stays for its other users. */
  | { readonly k: 'unshare'; readonly mm: MmId; readonly va: Vaddr; readonly len: Bytes }
  | { readonly k: 'tlb'; readonly mms: readonly MmId[]; readonly va: Vaddr; readonly len: Bytes }
  /** `count` tables of `level` from va on removed from mm's tree and freed. */
  | { readonly k: 'free'; readonly mm: MmId; readonly level: Level; readonly va: Vaddr; readonly count: number }
  | { readonly k: 'host_unref'; readonly host: MmId; readonly mm: MmId; readonly refcount: number };

export type TraceEvent = MarkerEvent | EffectEvent;

export function isMarker(e: TraceEvent): e is MarkerEvent {
  switch (e.k) {
    case 'task':
    case 'mmap':
    case 'error':
    case 'signal':
    case 'oom':
    case 'exit':
    case 'host_release':
      return true;
    default:
      return false;
  }
}

/** Canonical phase of an effect: the order a reader follows within one set. */
function phase(e: EffectEvent): number {
  switch (e.k) {
    case 'host_create':
      return 0;
    case 'host_ref':
      return 1;
    case 'walk':
      return 2;
    case 'fault':
      return 3;
    case 'alloc':
      return 4 + LEVELS.indexOf(e.level); // top-down: 4..7
    case 'fill':
      return 8;
    case 'link':
    case 'share':
      return 9;
    case 'set':
      return 10;
    case 'prot':
      return 11;
    case 'clear':
      return 12;
    case 'unlink':
    case 'unshare':
      return 13;
    case 'tlb':
      return 14;
    case 'free':
      return 18 - LEVELS.indexOf(e.level); // bottom-up: pte 15 .. pgd 18
    case 'host_unref':
      return 19;
  }
}

function mmOf(e: EffectEvent): number {
  switch (e.k) {
    case 'host_create':
      return e.host;
    case 'fill':
      return 0;
    case 'tlb':
      return e.mms[0] ?? 0;
    case 'host_ref':
    case 'host_unref':
      return e.mm;
    default:
      return e.mm;
  }
}

function addrOf(e: EffectEvent): number {
  return e.k === 'fill' ? e.page : e.k === 'host_ref' || e.k === 'host_unref' ? e.host : e.va;
}

/** Where an effect's range ends, so the next one may continue it. */
function endOf(e: EffectEvent): number | null {
  switch (e.k) {
    case 'fill':
      return e.page + e.count;
    case 'alloc':
    case 'free':
      return e.va + e.count * tableSpan(e.level);
    case 'fault':
    case 'link':
    case 'share':
    case 'set':
    case 'prot':
    case 'clear':
    case 'unlink':
    case 'unshare':
      return e.va + e.len;
    default:
      return null;
  }
}

function sameList(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Everything but the range is equal, and b starts where a ends. */
function continues(a: EffectEvent, b: EffectEvent): boolean {
  if (a.k !== b.k) return false;
  const end = endOf(a);
  if (end === null || end !== addrOf(b)) return false;
  switch (a.k) {
    case 'fill':
      return a.file === (b as typeof a).file;
    case 'alloc': {
      const o = b as typeof a;
      return a.mm === o.mm && a.level === o.level && a.charged === o.charged;
    }
    case 'free': {
      const o = b as typeof a;
      return a.mm === o.mm && a.level === o.level;
    }
    case 'fault': {
      const o = b as typeof a;
      return a.mm === o.mm && a.access === o.access && a.kind === o.kind;
    }
    case 'link':
    case 'unlink': {
      const o = b as typeof a;
      return a.mm === o.mm && a.host === o.host;
    }
    case 'share': {
      const o = b as typeof a;
      return a.mm === o.mm && a.from === o.from;
    }
    case 'unshare':
      return a.mm === (b as typeof a).mm;
    case 'set': {
      const o = b as typeof a;
      return a.mm === o.mm && a.level === o.level && a.bits === o.bits;
    }
    case 'prot': {
      const o = b as typeof a;
      return a.mm === o.mm && a.level === o.level && a.bits === o.bits && sameList(a.seenBy, o.seenBy);
    }
    case 'clear': {
      const o = b as typeof a;
      return a.mm === o.mm && a.level === o.level && sameList(a.seenBy, o.seenBy);
    }
    default:
      return false;
  }
}

/** The length or count of b added to a (a is a private copy). */
function absorb(a: { len?: number; count?: number }, b: EffectEvent): void {
  if ('count' in b && a.count !== undefined) a.count += b.count;
  else if ('len' in b && a.len !== undefined) a.len += b.len;
}

/**
 * The attributes two effects must share to merge. Sorting by them before the
 * address makes every mergeable pair adjacent, so the canonical form does not
 * depend on the order a model emitted its effects in.
 */
function attrs(e: EffectEvent): string {
  switch (e.k) {
    case 'fill':
      return e.file;
    case 'fault':
      return `${e.kind}/${e.access}`;
    case 'alloc':
      return `${e.level}/${e.charged}`;
    case 'free':
      return e.level;
    case 'set':
      return `${e.level}/${e.bits}`;
    case 'prot':
      return `${e.level}/${e.bits}/${e.seenBy.join(',')}`;
    case 'clear':
      return `${e.level}/${e.seenBy.join(',')}`;
    case 'link':
    case 'unlink':
      return String(e.host);
    case 'share':
      return String(e.from);
    case 'tlb':
      return e.mms.join(',');
    default:
      return '';
  }
}

/** Extends `into` (a model's own fresh event) by `e` when e continues it. */
export function tryAbsorb(into: EffectEvent, e: EffectEvent): boolean {
  if (!continues(into, e)) return false;
  absorb(into as { len?: number; count?: number }, e);
  return true;
}

interface Keyed {
  readonly e: EffectEvent;
  readonly phase: number;
  readonly mm: number;
  readonly addr: number;
  attrs: string | null; // computed only when phase and mm tie
}

function attrsOf(x: Keyed): string {
  return (x.attrs ??= attrs(x.e));
}

function canonicalSet(set: EffectEvent[]): EffectEvent[] {
  if (set.length < 2) return set;
  const keyed: Keyed[] = set.map((e) => ({ e, phase: phase(e), mm: mmOf(e), addr: addrOf(e), attrs: null }));
  keyed.sort((a, b) => {
    if (a.phase !== b.phase) return a.phase - b.phase;
    if (a.mm !== b.mm) return a.mm - b.mm;
    const x = attrsOf(a);
    const y = attrsOf(b);
    return x < y ? -1 : x > y ? 1 : a.addr - b.addr;
  });
  const out: EffectEvent[] = [];
  let owned = false; // whether out's last element is our own copy
  for (const { e } of keyed) {
    const last = out[out.length - 1];
    if (last !== undefined && continues(last, e)) {
      if (!owned) out[out.length - 1] = { ...last };
      owned = true;
      absorb(out[out.length - 1] as { len?: number; count?: number }, e);
    } else {
      out.push(e);
      owned = false;
    }
  }
  return out;
}

/** Puts a step's events in canonical form (see the file comment). */
export function normalizeEvents(events: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let set: EffectEvent[] = [];
  for (const e of events) {
    if (isMarker(e)) {
      // Pushed one by one: a step may hold more effects than a call's arguments take.
      for (const x of canonicalSet(set)) out.push(x);
      out.push(e);
      set = [];
    } else set.push(e);
  }
  for (const x of canonicalSet(set)) out.push(x);
  return out;
}
