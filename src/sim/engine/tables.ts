/**
 * Table pages. PGD and PUD pages keep their entries in a map; PMD and PTE
 * pages keep runs (runs.ts), so that "512 present entries mapping consecutive
 * pages with the same bits" is one record (SPEC 4). A PMD entry may point at
 * an explicit PTE page, stand in a run of uniform private PTE pages (all full
 * of consecutive pages with one set of bits, or all empty), be a hugetlb leaf,
 * or be a MAP_SHARED_PT link mirroring the host's PMD entry at the same index.
 */
import type { Bits } from '../bits';
import type { Level } from '../geometry';
import type { RunKind } from './runs';
import type { MemObject, Mm } from './state';

/** Leaves lo..hi-1 map pages page0, page0+1, ... of obj with the same bits. */
export interface PteRun {
  lo: number;
  hi: number;
  obj: MemObject;
  page0: number;
  bits: Bits;
}

export class PteTable {
  runs: PteRun[] = [];
}

export type PmdRun =
  | { t: 'table'; lo: number; hi: number; table: PteTable }
  /** Each entry: a private PTE page; obj null: all empty, else full from page0 + 512 k. */
  | { t: 'uniform'; lo: number; hi: number; obj: MemObject | null; page0: number; bits: Bits }
  /** hugetlb: each entry maps the 2 MiB at page0 + 512 k. */
  | { t: 'leaf'; lo: number; hi: number; obj: MemObject; page0: number; bits: Bits }
  /** MAP_SHARED_PT: each entry equals the host PMD page's entry at the same index. */
  | { t: 'link'; lo: number; hi: number; host: PmdTable };

export class PmdTable {
  runs: PmdRun[] = [];
  /** Mms whose PUD entry points here, each charged 4096 bytes (hugetlb shares); the first owns it. */
  // Made in the constructor at its exact size: an array grown by push reserves 17 slots, and a world holds millions of these.
  readonly users: Mm[];
  /** Built once a page has many users (hugetlb sharing), for quick membership; counts, as an mm may use it twice. */
  private userCount: Map<Mm, number> | null = null;
  /** Scratch for the invariant check: the check that last saw this page, and how often. */
  seenBy = 0;
  seenCount = 0;
  /** Path id of the tree it was created in (see view.ts). */
  readonly id: string;
  /** As posted: over a shared range when it was unmapped, so never freed (SPEC 1.3). */
  kept = false;
  constructor(owner: Mm | null, id: string) {
    this.users = owner !== null ? [owner] : [];
    this.id = id;
  }
  addUser(mm: Mm): void {
    this.users.push(mm);
    if (this.userCount !== null) this.userCount.set(mm, (this.userCount.get(mm) ?? 0) + 1);
    else if (this.users.length > 8) {
      this.userCount = new Map();
      for (const u of this.users) this.userCount.set(u, (this.userCount.get(u) ?? 0) + 1);
    }
  }
  removeUser(mm: Mm): void {
    this.users.splice(this.users.indexOf(mm), 1);
    const n = this.userCount?.get(mm) ?? 0;
    if (n > 1) this.userCount!.set(mm, n - 1);
    else this.userCount?.delete(mm);
  }
  hasUser(mm: Mm): boolean {
    return this.userCount !== null ? this.userCount.has(mm) : this.users.includes(mm);
  }
  /** The mm charged for PTE pages below this table. */
  get owner(): Mm {
    return this.users[0]!;
  }
}

/**
 * PUD entries lo..hi-1 each point at a private PMD page (of the PUD page's
 * owner) that is not kept as an object: all 512 of its entries are private
 * PTE pages, full of pages page0 + 512 * 512 * k, ... of obj with one set of
 * bits, or all empty (obj null); or, with `host`, all 512 entries link to the
 * MAP_SHARED_PT host's PMD page at the same PUD entry of `host` (the host's
 * PUD page at this address). pudruns.ts makes one explicit when needed.
 */
export interface PudRun {
  lo: number;
  hi: number;
  obj: MemObject | null;
  page0: number;
  bits: Bits;
  host: DirTable | null;
}

export class DirTable {
  readonly level: 'pgd' | 'pud';
  /** Entries pointing at tables kept as objects. */
  readonly children = new Map<number, DirTable | PmdTable>();
  /** A PUD page's runs of uniform PMD pages (pudruns.ts), disjoint from `children`'s keys. */
  runs: PudRun[] = [];
  /** The mm whose tree it was created in; another mm's PGD entry may point here (msharefs). */
  owner: Mm | null;
  constructor(level: 'pgd' | 'pud', owner: Mm | null = null) {
    this.level = level;
    this.owner = owner;
  }
}

/** Whether a leaf mapping `page` of obj with `bits` right after r would continue it. */
export function leafContinues(r: PteRun, obj: MemObject, page: number, bits: Bits): boolean {
  return r.obj === obj && r.bits === bits && page === r.page0 + (r.hi - r.lo);
}

export const pteRunKind: RunKind<PteRun> = {
  tail: (r, at) => ({ ...r, lo: at, page0: r.page0 + (at - r.lo) }),
  joins: (a, b) => leafContinues(a, b.obj, b.page0, b.bits),
};

export const pmdRunKind: RunKind<PmdRun> = {
  tail: (r, at) => {
    switch (r.t) {
      case 'table':
        throw new Error('a single-entry run never splits');
      case 'uniform':
      case 'leaf':
        return { ...r, lo: at, page0: r.obj === null ? 0 : r.page0 + (at - r.lo) * 512 };
      case 'link':
        return { ...r, lo: at };
    }
  },
  joins: (a, b) => {
    if (a.t === 'link' && b.t === 'link') return a.host === b.host;
    if ((a.t === 'uniform' && b.t === 'uniform') || (a.t === 'leaf' && b.t === 'leaf')) {
      if (a.obj !== b.obj) return false;
      if (a.obj === null) return true;
      return a.bits === b.bits && b.page0 === a.page0 + (a.hi - a.lo) * 512;
    }
    return false;
  },
};

/** A leaf entry as a model speaks of it: the page it maps and its bits. */
export interface LeafEntry {
  obj: MemObject;
  page: number;
  bits: Bits;
}

export const LEVEL_BELOW: Record<'pgd' | 'pud' | 'pmd', Level> = { pgd: 'pud', pud: 'pmd', pmd: 'pte' };
