/**
 * Runs of uniform PMD pages (SPEC 4, one level up from PMD runs): a process
 * that touches terabytes holds PMD pages that differ only in where they
 * point, so a PUD page keeps them as runs (tables.ts `PudRun`) instead of an
 * object per GiB. An operation that changes a whole window, or nothing, works
 * on the run; anything else first makes that window's PMD page explicit
 * (`materialise`: the same pages and charges, a different shape), and a read
 * sees it through a copy nobody keeps (`pmdOfRun`).
 */
import { ENTRIES, PGDIR_SIZE, PUD_SIZE, indexAt, type Vaddr } from '../geometry';
import type { LeafOp, Sink, Source } from './leafops';
import { coalesce, replaceRange, runAt, type RunKind } from './runs';
import { DirTable, PmdTable, type PudRun } from './tables';
import type { Machine, Mm } from './state';

/** 4 KiB pages one PMD page maps. */
export const PMD_PAGE_PAGES = ENTRIES * ENTRIES;

export const pudRunKind: RunKind<PudRun> = {
  tail: (r, at) => ({ ...r, lo: at, page0: r.obj === null ? 0 : r.page0 + (at - r.lo) * PMD_PAGE_PAGES }),
  joins: (a, b) => a.host === b.host && a.obj === b.obj && (a.obj === null || (a.bits === b.bits && b.page0 === a.page0 + (a.hi - a.lo) * PMD_PAGE_PAGES)),
};

/** The run holding PUD entry ui, or null. */
export function pudRunAt(pud: DirTable, ui: number): PudRun | null {
  return pud.runs.length === 0 ? null : runAt(pud.runs, ui);
}

/** A PUD run's window: the PUD page of mm's own tree and the entry for va, with the run holding it. */
export interface RunWindow {
  readonly pud: DirTable;
  readonly gi: number;
  readonly ui: number;
  readonly run: PudRun;
}

/** The run window va lies in, in mm's own tree, or null. */
export function runWindowAt(mm: Mm, va: Vaddr): RunWindow | null {
  const gi = indexAt('pgd', va);
  const pud = mm.pgd.children.get(gi);
  if (!(pud instanceof DirTable) || pud.owner !== mm || pud.runs.length === 0) return null;
  const ui = indexAt('pud', va);
  const run = runAt(pud.runs, ui);
  return run === null ? null : { pud, gi, ui, run };
}

/** The PMD page entry ui of run r stands for, as an object nobody keeps (a read's view of it). */
export function pmdOfRun(pud: DirTable, gi: number, ui: number, r: PudRun): PmdTable {
  const owner = pud.owner!;
  const t = new PmdTable(owner, `${owner.id}/${gi}/${ui}`);
  if (r.host !== null) {
    t.runs = [{ t: 'link', lo: 0, hi: ENTRIES, host: r.host.children.get(ui) as PmdTable }];
    return t;
  }
  const page0 = r.obj === null ? 0 : r.page0 + (ui - r.lo) * PMD_PAGE_PAGES;
  t.runs = [{ t: 'uniform', lo: 0, hi: ENTRIES, obj: r.obj, page0, bits: r.obj === null ? 0 : r.bits }];
  return t;
}

/** Makes the window an explicit PMD page of its PUD page, and notes it as reshaped for the step's checks. */
export function materialise(m: Machine, w: RunWindow): PmdTable {
  const t = pmdOfRun(w.pud, w.gi, w.ui, w.run);
  replaceRange(w.pud.runs, pudRunKind, w.ui, w.ui + 1, []);
  w.pud.children.set(w.ui, t);
  const va = w.gi * PGDIR_SIZE + w.ui * PUD_SIZE;
  m.reshaped.push([t.owner.id, va, va + PUD_SIZE]);
  return t;
}

/** Puts `run` over entries that hold nothing, joined with its neighbours. */
export function addPudRun(pud: DirTable, run: PudRun): void {
  replaceRange(pud.runs, pudRunKind, run.lo, run.hi, [run]);
  coalesce(pud.runs, pudRunKind);
}

/**
 * A leaf operation over [a, b) of the window at s (a run window `w`), done on
 * the run where it can be: when it changes nothing, or whole windows alike (as
 * applyLeafOp does to a uniform stretch, with the same calls to the sink).
 * When the operation goes on to `end` and covers the window whole, the run's
 * next windows up to `end` are done in the same stroke. Returns where what it
 * did ends, or null when only part of the window would change: then the
 * window must be made explicit.
 */
export function applyOnRun(w: RunWindow, s: Vaddr, a: Vaddr, b: Vaddr, op: LeafOp, src: Source | null, sink: Sink, end: Vaddr = b): Vaddr | null {
  const r = w.run;
  if (r.host !== null) return null; // the leaves are the host's: a link's page is changed explicitly
  const whole = a === s && b === s + PUD_SIZE;
  // Windows of this run covered whole from s on.
  const n = whole ? Math.min(r.hi - w.ui, Math.floor((end - s) / PUD_SIZE)) : 0;
  const done = whole ? s + n * PUD_SIZE : b;
  let next: PudRun;
  if (r.obj === null) {
    if (op.fill === null || src === null) return done;
    if (!whole) return null;
    next = { lo: w.ui, hi: w.ui + n, obj: src.obj, page0: src.pageAt(s), bits: op.fill, host: null };
  } else {
    const to = op.populated(r.bits);
    if (to === r.bits) return done;
    if (!whole) return null;
    const page0 = r.page0 + (w.ui - r.lo) * PMD_PAGE_PAGES;
    next = to === null ? { lo: w.ui, hi: w.ui + n, obj: null, page0: 0, bits: 0, host: null } : { lo: w.ui, hi: w.ui + n, obj: r.obj, page0, bits: to, host: null };
  }
  // The sink is told of the PMD page the leaves were in (the first one: only its owner matters).
  const pmd = pmdOfRun(w.pud, w.gi, w.ui, r);
  const len = n * PUD_SIZE;
  replaceRange(w.pud.runs, pudRunKind, w.ui, w.ui + n, [next]);
  coalesce(w.pud.runs, pudRunKind);
  if (r.obj === null) sink.filled(pmd, s, len, next.bits);
  else if (next.obj === null) sink.cleared(pmd, s, len, r.bits);
  else sink.changed(pmd, s, len, r.bits, next.bits);
  return done;
}

/** PMD pages a PUD page's runs stand for (each with 512 PTE pages below it). */
export function runPmdPages(pud: DirTable): number {
  let n = 0;
  for (const r of pud.runs) n += r.hi - r.lo;
  return n;
}

/** PTE pages below a PUD page's runs (a link's are the host's). */
export function runPtePages(pud: DirTable): number {
  let n = 0;
  for (const r of pud.runs) if (r.host === null) n += (r.hi - r.lo) * ENTRIES;
  return n;
}

/** Populated leaves, in 4 KiB pages, below a PUD page's runs; a link's, counted in the host's PMD pages by `hostLeaves`. */
export function runLeafPages(pud: DirTable, hostLeaves: (pmd: PmdTable) => number): number {
  let n = 0;
  for (const r of pud.runs) {
    if (r.host !== null) for (let ui = r.lo; ui < r.hi; ui++) n += hostLeaves(r.host.children.get(ui) as PmdTable);
    else if (r.obj !== null) n += (r.hi - r.lo) * PMD_PAGE_PAGES;
  }
  return n;
}
