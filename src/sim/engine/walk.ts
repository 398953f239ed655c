/**
 * Walking an mm's tables the way the MMU does, and the figures that come from
 * walking them: translations and RSS.
 */
import { ENTRIES, PAGE_SIZE, indexAt, type Level, type Vaddr } from '../geometry';
import { countIn, firstRunAbove, runAt } from './runs';
import { DirTable, PmdTable, type LeafEntry, type PmdRun } from './tables';
import { leafAllows } from './faultbits';
import type { Access } from '../commands';
import type { Bits } from '../bits';
import type { Machine, Mm } from './state';
import { materialise, pmdOfRun, pudRunAt, runLeafPages, runWindowAt } from './pudruns';

const ENTRY_PAGES = 512;

export function pudOf(mm: Mm, va: Vaddr): DirTable | null {
  const t = mm.pgd.children.get(indexAt('pgd', va));
  return t instanceof DirTable ? t : null;
}

/** The PUD page at PGD entry gi when mm's own tree holds it (not an msharefs window's link into a host). */
export function ownPud(mm: Mm, gi: number): DirTable | null {
  const pud = mm.pgd.children.get(gi);
  return pud instanceof DirTable && pud.owner === mm ? pud : null;
}

/**
 * The PMD page for va, to read: a PUD run's page comes as a copy nobody keeps
 * (pudruns.ts), so whoever changes a PMD page asks `pmdToWrite` instead.
 */
export function pmdOf(mm: Mm, va: Vaddr): PmdTable | null {
  const pud = pudOf(mm, va);
  if (pud === null) return null;
  const ui = indexAt('pud', va);
  const t = pud.children.get(ui);
  if (t instanceof PmdTable) return t;
  const r = pudRunAt(pud, ui);
  return r === null ? null : pmdOfRun(pud, indexAt('pgd', va), ui, r);
}

/** The PMD page for va, kept in the tree so it can be changed: a PUD run's page is made explicit. */
export function pmdToWrite(m: Machine, mm: Mm, va: Vaddr): PmdTable | null {
  const pud = pudOf(mm, va);
  const t = pud?.children.get(indexAt('pud', va));
  if (t instanceof PmdTable) return t;
  const w = runWindowAt(mm, va);
  return w === null ? null : materialise(m, w);
}

/** The PMD entry for va as the walk sees it, links followed into the host. */
export function pmdEntry(pmd: PmdTable, va: Vaddr): PmdRun | null {
  const i = indexAt('pmd', va);
  const r = runAt(pmd.runs, i);
  if (r?.t === 'link') return runAt(r.host.runs, i);
  return r;
}

/** The leaf mapping va, and where a walk for it stops when there is none. */
export function walkLeaf(mm: Mm, va: Vaddr): { leaf: LeafEntry | null; stop: Level; level: 'pte' | 'pmd' } {
  const pud = pudOf(mm, va);
  if (pud === null) return { leaf: null, stop: 'pgd', level: 'pte' };
  const pmd = pmdOf(mm, va);
  if (pmd === null) return { leaf: null, stop: 'pud', level: 'pte' };
  const e = pmdEntry(pmd, va);
  if (e === null) return { leaf: null, stop: 'pmd', level: 'pte' };
  const k = indexAt('pmd', va);
  const within = indexAt('pte', va);
  switch (e.t) {
    case 'leaf':
      return { leaf: { obj: e.obj, page: e.page0 + (k - e.lo) * ENTRY_PAGES + within, bits: e.bits }, stop: 'pmd', level: 'pmd' };
    case 'uniform':
      if (e.obj === null) return { leaf: null, stop: 'pte', level: 'pte' };
      return { leaf: { obj: e.obj, page: e.page0 + (k - e.lo) * ENTRY_PAGES + within, bits: e.bits }, stop: 'pte', level: 'pte' };
    case 'table': {
      const r = runAt(e.table.runs, within);
      if (r === null) return { leaf: null, stop: 'pte', level: 'pte' };
      return { leaf: { obj: r.obj, page: r.page0 + (within - r.lo), bits: r.bits }, stop: 'pte', level: 'pte' };
    }
    case 'link':
      throw new Error('a host PMD page holds no links');
  }
}

/**
 * Where the MMU's walk for an access at va stops: the level whose entry is
 * empty, or at the leaf, 'hit' or 'deny' (walkLeaf's answer, with no leaf built).
 */
export function walkStop(mm: Mm, va: Vaddr, access: Access): Level | 'hit' | 'deny' {
  const pmd = pmdOf(mm, va);
  if (pmd === null) return pudOf(mm, va) === null ? 'pgd' : 'pud';
  const e = pmdEntry(pmd, va);
  if (e === null) return 'pmd';
  const bits = leafBitsAt(e, indexAt('pte', va));
  if (bits === null) return 'pte';
  return leafAllows(bits, access) ? 'hit' : 'deny';
}

/** The bits of the leaf for PTE index `within` under PMD entry e, or null if there is none. */
function leafBitsAt(e: PmdRun, within: number): Bits | null {
  switch (e.t) {
    case 'leaf':
      return e.bits;
    case 'uniform':
      return e.obj === null ? null : e.bits;
    case 'table':
      return runAt(e.table.runs, within)?.bits ?? null;
    case 'link':
      throw new Error('a host PMD page holds no links');
  }
}

/**
 * Populated leaves (in 4 KiB pages) of PMD entries [lo, hi). It walks the runs
 * in place, making nothing: RSS reads it for every PMD page of every mm.
 */
export function pmdPages(pmd: PmdTable, lo = 0, hi = ENTRIES): number {
  let n = 0;
  const runs = pmd.runs;
  for (let k = firstRunAbove(runs, lo); k < runs.length; k++) {
    const r = runs[k]!;
    if (r.lo >= hi) break;
    const a = Math.max(lo, r.lo);
    const b = Math.min(hi, r.hi);
    switch (r.t) {
      case 'uniform':
        if (r.obj !== null) n += (b - a) * ENTRY_PAGES;
        break;
      case 'leaf':
        n += (b - a) * ENTRY_PAGES;
        break;
      case 'table':
        n += countIn(r.table.runs, 0, ENTRY_PAGES);
        break;
      case 'link':
        n += pmdPages(r.host, a, b);
        break;
    }
  }
  return n;
}

/** RSS in pages: populated leaves reachable from the mm's PGD. */
export function rssPages(mm: Mm): number {
  let n = 0;
  for (const pud of mm.pgd.children.values()) {
    if (!(pud instanceof DirTable)) continue;
    for (const pmd of pud.children.values()) if (pmd instanceof PmdTable) n += pmdPages(pmd);
    n += runLeafPages(pud, (host) => pmdPages(host));
  }
  return n;
}

export function pageIndex(va: Vaddr): number {
  return Math.floor(va / PAGE_SIZE);
}
