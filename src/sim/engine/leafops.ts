/**
 * One operation over the leaves of a range, applied run by run: a touch, an
 * mprotect or a MADV_DONTNEED is a rule "what becomes of a populated leaf with
 * these bits" and "what becomes of an empty leaf", so a run of identical leaves
 * is handled once however long it is (SPEC 4: work per table, not per page).
 */
import type { Bits } from '../bits';
import { PAGE_SIZE, PMD_SIZE, type Vaddr } from '../geometry';
import { coalesce, coalesceNear, firstRunAbove, piecesIn, replaceRange, replaceRuns, runAt } from './runs';
import { PmdTable, PteTable, leafContinues, pmdRunKind, pteRunKind, type PmdRun, type PteRun } from './tables';
import type { MemObject } from './state';

export interface LeafOp {
  /** New bits for a populated leaf, or null to clear it (equal bits: unchanged). */
  populated(bits: Bits): Bits | null;
  /** Bits for an empty leaf to be filled with, or null to leave it empty. */
  readonly fill: Bits | null;
}

/** Where filled leaves point: page of obj for an address (linear in the VMA). */
export interface Source {
  readonly obj: MemObject;
  pageAt(va: Vaddr): number;
}

/** What the caller learns, piece by piece, in address order. `pmd` holds the leaves. */
export interface Sink {
  filled(pmd: PmdTable, va: Vaddr, len: number, bits: Bits): void;
  changed(pmd: PmdTable, va: Vaddr, len: number, from: Bits, to: Bits): void;
  cleared(pmd: PmdTable, va: Vaddr, len: number, from: Bits): void;
  /** New PTE pages for the chunks from va on, in `pmd`. */
  allocated(pmd: PmdTable, va: Vaddr, count: number): void;
}

const ENTRY_PAGES = PMD_SIZE / PAGE_SIZE;

/**
 * How runs are joined again once an operation replaced those over entries
 * [lo, hi): `WHOLE` joins the whole list, as every operation does by default;
 * `nearOnceJoined()` joins a list whole the first time and only around [lo, hi)
 * after that (the rest is joined already), for a caller that goes over the same
 * pages range by range (fork, one VMA at a time). Both leave the same runs.
 */
export interface Tidy {
  pmd(pmd: PmdTable, lo: number, hi: number): void;
  pte(table: PteTable, lo: number, hi: number): void;
}

export const WHOLE: Tidy = {
  pmd: (pmd) => coalesce(pmd.runs, pmdRunKind),
  pte: (table) => coalesce(table.runs, pteRunKind),
};

export function nearOnceJoined(): Tidy {
  const pmds = new Set<PmdTable>();
  const ptes = new Set<PteTable>();
  return {
    pmd(pmd, lo, hi) {
      if (pmds.has(pmd)) return coalesceNear(pmd.runs, pmdRunKind, lo, hi);
      pmds.add(pmd);
      coalesce(pmd.runs, pmdRunKind);
    },
    pte(table, lo, hi) {
      if (ptes.has(table)) return coalesceNear(table.runs, pteRunKind, lo, hi);
      ptes.add(table);
      coalesce(table.runs, pteRunKind);
    },
  };
}

/**
 * Applies op to the leaves of [lo, hi) (page-aligned, inside the 1 GiB that
 * `pmd` maps from `base`). Links are followed into the host's PMD page, whose
 * entries at the same indices are the ones the guest sees. hugetlb leaves are
 * not touched here (hugetlb.ts owns them).
 */
export function applyLeafOp(pmd: PmdTable, base: Vaddr, lo: Vaddr, hi: Vaddr, op: LeafOp, src: Source | null, sink: Sink, tidy: Tidy = WHOLE): void {
  const e0 = Math.floor((lo - base) / PMD_SIZE);
  const e1 = Math.ceil((hi - base) / PMD_SIZE);
  // A range inside one entry (a page's touch) is one piece: no list of pieces to build.
  if (e1 - e0 === 1) applyPiece(pmd, base, e0, e1, runAt(pmd.runs, e0), lo, hi, op, src, sink, tidy);
  else for (const [x, y, run] of piecesIn(pmd.runs, e0, e1)) applyPiece(pmd, base, x, y, run, lo, hi, op, src, sink, tidy);
  tidy.pmd(pmd, e0, e1);
}

/** Entries [x, y) of pmd, all in one run (or all empty), for the part of [lo, hi) over them. */
function applyPiece(pmd: PmdTable, base: Vaddr, x: number, y: number, run: PmdRun | null, lo: Vaddr, hi: Vaddr, op: LeafOp, src: Source | null, sink: Sink, tidy: Tidy): void {
  const vx = Math.max(lo, base + x * PMD_SIZE);
  const vy = Math.min(hi, base + y * PMD_SIZE);
  if (run === null) fillGap(pmd, base, x, y, vx, vy, op, src, sink);
  else if (run.t === 'uniform') applyUniform(pmd, base, run, x, y, vx, vy, op, src, sink, tidy);
  else if (run.t === 'table') applyTable(pmd, base, x, run.table, vx, vy, op, src, sink, tidy);
  else if (run.t === 'link') applyLeafOp(run.host, base, vx, vy, op, src, sink, tidy);
}

/** Which entries of [x, y) the range covers whole, and the partial ones at its ends. */
function coverage(base: Vaddr, x: number, y: number, lo: Vaddr, hi: Vaddr): { head: number | null; fx: number; fy: number; tail: number | null } {
  const whole = (i: number): boolean => lo <= base + i * PMD_SIZE && base + (i + 1) * PMD_SIZE <= hi;
  const head = whole(x) ? null : x;
  const tail = y - 1 > x && !whole(y - 1) ? y - 1 : null;
  return { head, fx: head === null ? x : x + 1, fy: tail === null ? y : y - 1, tail };
}

/** Empty PMD entries: new PTE pages only where leaves get filled. */
function fillGap(pmd: PmdTable, base: Vaddr, x: number, y: number, lo: Vaddr, hi: Vaddr, op: LeafOp, src: Source | null, sink: Sink): void {
  if (op.fill === null || src === null) return;
  const { head, fx, fy, tail } = coverage(base, x, y, lo, hi);
  const fresh: PmdRun[] = [];
  if (head !== null) fresh.push({ t: 'table', lo: head, hi: head + 1, table: partialTable(base, head, lo, hi, op.fill, src) });
  if (fy > fx) fresh.push({ t: 'uniform', lo: fx, hi: fy, obj: src.obj, page0: src.pageAt(base + fx * PMD_SIZE), bits: op.fill });
  if (tail !== null) fresh.push({ t: 'table', lo: tail, hi: tail + 1, table: partialTable(base, tail, lo, hi, op.fill, src) });
  replaceRuns(pmd, pmdRunKind, x, y, fresh);
  sink.allocated(pmd, base + x * PMD_SIZE, y - x);
  sink.filled(pmd, lo, hi - lo, op.fill);
}

/** A new PTE page with the leaves of [lo, hi) inside entry i filled. */
function partialTable(base: Vaddr, i: number, lo: Vaddr, hi: Vaddr, bits: Bits, src: Source): PteTable {
  const s = base + i * PMD_SIZE;
  const a = Math.max(lo, s);
  const b = Math.min(hi, s + PMD_SIZE);
  const t = new PteTable();
  t.runs.push({ lo: (a - s) / PAGE_SIZE, hi: (b - s) / PAGE_SIZE, obj: src.obj, page0: src.pageAt(a), bits });
  return t;
}

/** A stretch of uniform PTE pages: whole entries change as one; partial ones become explicit. */
function applyUniform(
  pmd: PmdTable,
  base: Vaddr,
  run: Extract<PmdRun, { t: 'uniform' }>,
  x: number,
  y: number,
  lo: Vaddr,
  hi: Vaddr,
  op: LeafOp,
  src: Source | null,
  sink: Sink,
  tidy: Tidy,
): void {
  const snapshot = { ...run };
  const { head, fx, fy, tail } = coverage(base, x, y, lo, hi);
  if (head !== null) materialise(pmd, head, snapshot);
  if (tail !== null) materialise(pmd, tail, snapshot);
  if (fy > fx) {
    const va = base + fx * PMD_SIZE;
    const len = (fy - fx) * PMD_SIZE;
    if (snapshot.obj === null) {
      if (op.fill !== null && src !== null) {
        replaceRuns(pmd, pmdRunKind, fx, fy, [{ t: 'uniform', lo: fx, hi: fy, obj: src.obj, page0: src.pageAt(va), bits: op.fill }]);
        sink.filled(pmd, va, len, op.fill);
      }
    } else {
      const to = op.populated(snapshot.bits);
      const page0 = snapshot.page0 + (fx - snapshot.lo) * ENTRY_PAGES;
      if (to === null) {
        replaceRange(pmd.runs, pmdRunKind, fx, fy, [{ t: 'uniform', lo: fx, hi: fy, obj: null, page0: 0, bits: 0 }]);
        sink.cleared(pmd, va, len, snapshot.bits);
      } else if (to !== snapshot.bits) {
        replaceRange(pmd.runs, pmdRunKind, fx, fy, [{ t: 'uniform', lo: fx, hi: fy, obj: snapshot.obj, page0, bits: to }]);
        sink.changed(pmd, va, len, snapshot.bits, to);
      }
    }
  }
  // The partial ends, now explicit tables. Sinks see pieces out of address
  // order here; events are put in canonical order afterwards anyway.
  for (const i of [head, tail]) {
    if (i === null) continue;
    const r = runAt(pmd.runs, i);
    if (r?.t === 'table') applyTable(pmd, base, i, r.table, Math.max(lo, base + i * PMD_SIZE), Math.min(hi, base + (i + 1) * PMD_SIZE), op, src, sink, tidy);
  }
}

/** Turns entry i of a uniform run into an explicit PTE page with the same leaves. */
function materialise(pmd: PmdTable, i: number, run: Extract<PmdRun, { t: 'uniform' }>): void {
  const t = new PteTable();
  if (run.obj !== null) t.runs.push({ lo: 0, hi: ENTRY_PAGES, obj: run.obj, page0: run.page0 + (i - run.lo) * ENTRY_PAGES, bits: run.bits });
  replaceRange(pmd.runs, pmdRunKind, i, i + 1, [{ t: 'table', lo: i, hi: i + 1, table: t }]);
}

/** An explicit PTE page: run by run. */
function applyTable(pmd: PmdTable, base: Vaddr, i: number, table: PteTable, lo: Vaddr, hi: Vaddr, op: LeafOp, src: Source | null, sink: Sink, tidy: Tidy): void {
  const s = base + i * PMD_SIZE;
  const p0 = (lo - s) / PAGE_SIZE;
  const p1 = (hi - s) / PAGE_SIZE;
  if (p1 - p0 === 1) applyOneLeaf(pmd, s, table, p0, op, src, sink);
  else applyLeaves(pmd, s, table, p0, p1, op, src, sink, tidy);
  compact(pmd, i, table);
}

/** Leaves [p0, p1) of an explicit PTE page (at s), run by run. */
function applyLeaves(pmd: PmdTable, s: Vaddr, table: PteTable, p0: number, p1: number, op: LeafOp, src: Source | null, sink: Sink, tidy: Tidy): void {
  const fresh: PteRun[] = [];
  for (const [a, b, r] of piecesIn(table.runs, p0, p1)) {
    const va = s + a * PAGE_SIZE;
    const len = (b - a) * PAGE_SIZE;
    if (r === null) {
      if (op.fill !== null && src !== null) {
        fresh.push({ lo: a, hi: b, obj: src.obj, page0: src.pageAt(va), bits: op.fill });
        sink.filled(pmd, va, len, op.fill);
      }
      continue;
    }
    const page0 = r.page0 + (a - r.lo);
    const to = op.populated(r.bits);
    if (to === null) {
      sink.cleared(pmd, va, len, r.bits);
    } else {
      fresh.push({ lo: a, hi: b, obj: r.obj, page0, bits: to });
      if (to !== r.bits) sink.changed(pmd, va, len, r.bits, to);
    }
  }
  replaceRange(table.runs, pteRunKind, p0, p1, fresh);
  tidy.pte(table, p0, p1);
}

/**
 * Leaf p of an explicit PTE page (at s), changed in place. A PTE page's runs
 * are always joined (every change ends with a join), so only the runs beside
 * p can join: the same runs as replaceRange and a join would leave.
 */
function applyOneLeaf(pmd: PmdTable, s: Vaddr, table: PteTable, p: number, op: LeafOp, src: Source | null, sink: Sink): void {
  const runs = table.runs;
  const k = firstRunAbove(runs, p);
  const r = runs[k];
  const va = s + p * PAGE_SIZE;
  if (r === undefined || r.lo > p) {
    if (op.fill === null || src === null) return;
    const page = src.pageAt(va);
    sink.filled(pmd, va, PAGE_SIZE, op.fill);
    putLeaf(runs, p, src.obj, page, op.fill);
    return;
  }
  const from = r.bits;
  const to = op.populated(from);
  if (to === from) return;
  const obj = r.obj;
  const page = r.page0 + (p - r.lo);
  if (to === null) sink.cleared(pmd, va, PAGE_SIZE, from);
  else sink.changed(pmd, va, PAGE_SIZE, from, to);
  takeLeaf(runs, k, p);
  if (to !== null) putLeaf(runs, p, obj, page, to);
}

/** Leaf p of an explicit PTE page now maps `page` of obj with `bits` (whether it was empty or not), in place. */
export function setLeaf(table: PteTable, p: number, obj: MemObject, page: number, bits: Bits): void {
  const runs = table.runs;
  const k = firstRunAbove(runs, p);
  if (runs[k] !== undefined && runs[k].lo <= p) takeLeaf(runs, k, p);
  putLeaf(runs, p, obj, page, bits);
}

/** What every leaf operation ends with for the PTE page at entry i: compacted if it can be, the PMD page joined. */
export function tidyLeafTable(pmd: PmdTable, i: number, table: PteTable): void {
  compact(pmd, i, table);
  WHOLE.pmd(pmd, i, i + 1);
}

/** Takes entry p out of runs[k], the run holding it. */
function takeLeaf(runs: PteRun[], k: number, p: number): void {
  const r = runs[k]!;
  if (r.hi - r.lo === 1) runs.splice(k, 1);
  else if (p === r.lo) {
    r.lo += 1;
    r.page0 += 1;
  } else if (p === r.hi - 1) r.hi -= 1;
  else {
    runs.splice(k + 1, 0, pteRunKind.tail(r, p + 1));
    r.hi = p;
  }
}

/** Puts a leaf for page `page` of obj at the empty entry p, joined with the runs beside it when it continues them. */
function putLeaf(runs: PteRun[], p: number, obj: MemObject, page: number, bits: Bits): void {
  const k = firstRunAbove(runs, p);
  const prev = runs[k - 1];
  const next = runs[k];
  const afterPrev = prev !== undefined && prev.hi === p && leafContinues(prev, obj, page, bits);
  const beforeNext = next !== undefined && next.lo === p + 1 && next.obj === obj && next.bits === bits && next.page0 === page + 1;
  if (afterPrev && beforeNext) {
    prev.hi = next.hi;
    runs.splice(k, 1);
  } else if (afterPrev) prev.hi = p + 1;
  else if (beforeNext) {
    next.lo = p;
    next.page0 = page;
  } else runs.splice(k, 0, { lo: p, hi: p + 1, obj, page0: page, bits });
}

/** A PTE page that is all full (consecutive) or all empty goes back into the uniform form. */
function compact(pmd: PmdTable, i: number, table: PteTable): void {
  const only = table.runs[0];
  if (table.runs.length === 0) {
    replaceRange(pmd.runs, pmdRunKind, i, i + 1, [{ t: 'uniform', lo: i, hi: i + 1, obj: null, page0: 0, bits: 0 }]);
  } else if (table.runs.length === 1 && only !== undefined && only.lo === 0 && only.hi === ENTRY_PAGES) {
    replaceRange(pmd.runs, pmdRunKind, i, i + 1, [{ t: 'uniform', lo: i, hi: i + 1, obj: only.obj, page0: only.page0, bits: only.bits }]);
  }
}
