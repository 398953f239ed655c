/**
 * The fault path of an ordinary mapping (SPEC 1.2): the cost of a touch of one
 * 1 GiB span counted before anything is allocated, so an out-of-memory kill
 * happens at exactly the page the kernel would fail on, then one leaf operation
 * over the span. MAP_SHARED_PT's host faults reuse it against the host's tables.
 */
import type { Access } from '../../commands';
import { PAGE_SIZE, PMD_SIZE, PUD_SIZE, alignDown, indexAt, type Vaddr } from '../../geometry';
import { applyLeafOp, setLeaf, tidyLeafTable } from '../leafops';
import { emitFault, emitSet, ensurePmd, ensurePud, fillCache, touchSink, vmaSource, type TouchSink } from '../alloc';
import { PMD_PAGE_PAGES, applyOnRun, runWindowAt } from '../pudruns';
import { leafAllows, touchRule, touchedBits } from '../faultbits';
import { findOomPoint, totalCost, type CostItem, type OomPoint } from '../oom';
import { freeFrames } from '../machine';
import { countIn, runAt } from '../runs';
import { PmdTable, PteTable } from '../tables';
import { pageOf } from '../vma';
import { pmdOf, pmdToWrite, pudOf } from '../walk';
import type { Machine, Mm, Vma } from '../state';

/** Cost items of a plain touch of [a, b) within one 1 GiB span, in page order. */
export function* plainCosts(mm: Mm, vma: Vma, pmd: PmdTable | null, a: Vaddr, b: Vaddr, upper: CostItem[]): Generator<CostItem> {
  yield* upper;
  for (let c = alignDown(a, PMD_SIZE); c < b; c += PMD_SIZE) {
    const ca = Math.max(a, c);
    const cb = Math.min(b, c + PMD_SIZE);
    if (pmd === null || runAt(pmd.runs, indexAt('pmd', c)) === null) yield { va: ca, count: 1, need: 'pte' };
    const p0 = pageOf(vma, ca);
    for (const [x, y] of vma.obj.cache.gapsIn(p0, p0 + (cb - ca) / PAGE_SIZE)) yield { va: ca + (x - p0) * PAGE_SIZE, count: y - x, need: 'page' };
  }
}

/** Frames a plain touch of [a, b) needs below the PMD page, counted run by run. */
export function plainCostTotal(vma: Vma, pmd: PmdTable | null, a: Vaddr, b: Vaddr): number {
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  const emptyEntries = e1 - e0 - (pmd === null ? 0 : countIn(pmd.runs, e0, e1));
  const p0 = pageOf(vma, a);
  const pages = (b - a) / PAGE_SIZE;
  return emptyEntries + pages - vma.obj.cache.countIn(p0, p0 + pages);
}

/** A touch of one span of an ordinary mapping; the OOM point if it ran out. */
export function normalTouchSpan(m: Machine, mm: Mm, vma: Vma, a: Vaddr, b: Vaddr, access: Access, sink: TouchSink): OomPoint | null {
  const pmd = pmdToWrite(m, mm, a);
  // The usual fault: the PMD page is there and the frames suffice, so no upper table to count or allocate.
  if (pmd !== null && plainCostTotal(vma, pmd, a, b) <= freeFrames(m)) {
    applyLeafOp(pmd, alignDown(a, PUD_SIZE), a, b, touchRule(vma, access), vmaSource(vma), sink);
    return null;
  }
  const upper: CostItem[] = [];
  if (pudOf(mm, a) === null) upper.push({ va: a, count: 1, need: 'pud' });
  if (pmd === null) upper.push({ va: a, count: 1, need: 'pmd' });
  let end = b;
  let oom: OomPoint | null = null;
  if (totalCost(upper) + plainCostTotal(vma, pmd, a, b) > freeFrames(m)) {
    oom = findOomPoint(plainCosts(mm, vma, pmd, a, b, upper), freeFrames(m));
    if (oom !== null) end = oom.va;
  }
  if (end > a) applyLeafOp(ensurePmd(m, mm, a), alignDown(a, PUD_SIZE), a, end, touchRule(vma, access), vmaSource(vma), sink);
  if (oom !== null) allocateUpTo(m, mm, oom, sink);
  return oom;
}

/**
 * A touch of [a, b) inside a PUD run's window (pudruns.ts), done on the run
 * when nothing or the whole window changes, and on to the run's windows up to
 * `end` that it covers whole. Where it got to; null, having done nothing, when
 * the window must be made explicit first or its file pages may not fit.
 */
export function touchOnRun(m: Machine, mm: Mm, vma: Vma, a: Vaddr, b: Vaddr, access: Access, end: Vaddr = b): Vaddr | null {
  const w = runWindowAt(mm, a);
  if (w === null) return null;
  const s = alignDown(a, PUD_SIZE);
  if (w.run.obj === null) {
    // An empty window is filled: its pages must fit (the range path finds the exact OOM point).
    const n = a === s && b === s + PUD_SIZE ? Math.min(w.run.hi - w.ui, Math.floor((end - s) / PUD_SIZE)) : 0;
    const p0 = pageOf(vma, a);
    const pages = n > 0 ? n * PMD_PAGE_PAGES : (b - a) / PAGE_SIZE;
    if (pages - vma.obj.cache.countIn(p0, p0 + pages) > freeFrames(m)) return null;
  }
  return applyOnRun(w, s, a, b, touchRule(vma, access), vmaSource(vma), touchSink(m, mm, vma, access, 'normal'), end);
}

/**
 * A touch of the one page at va on a short path, when its PTE page is there
 * and memory covers its file page: the bits decided and the leaf written in
 * place, with the events the range path records. False, having done nothing,
 * when that does not hold.
 */
export function touchOnePage(m: Machine, mm: Mm, vma: Vma, va: Vaddr, access: Access): boolean {
  const pmd = pmdOf(mm, va);
  const i = indexAt('pmd', va);
  const entry = pmd === null ? null : runAt(pmd.runs, i);
  if (pmd === null || entry === null || entry.t !== 'table') return false;
  const page = pageOf(vma, va);
  if (freeFrames(m) < 1 && !vma.obj.cache.has(page)) return false; // the range path finds the OOM point
  const p = indexAt('pte', va);
  const leaf = runAt(entry.table.runs, p);
  const from = leaf === null ? null : leaf.bits;
  const to = touchedBits(vma, access, from);
  if (to !== from) {
    if (from === null || !leafAllows(from, access)) emitFault(m, mm, va, PAGE_SIZE, access, 'normal');
    if (leaf === null) fillCache(m, vma.obj, page, 1);
    emitSet(m, pmd.owner, va, PAGE_SIZE, to);
    if (leaf === null) setLeaf(entry.table, p, vma.obj, page, to);
    else setLeaf(entry.table, p, leaf.obj, leaf.page0 + (p - leaf.lo), to);
  }
  tidyLeafTable(pmd, i, entry.table);
  return true;
}

/** The allocations of the failing page's fault that came before the one that failed. */
export function allocateUpTo(m: Machine, mm: Mm, oom: OomPoint, sink: TouchSink): void {
  if (oom.need === 'pud') return;
  if (oom.need === 'pmd') return void ensurePud(m, mm, oom.va);
  const pmd = ensurePmd(m, mm, oom.va);
  if (oom.need === 'page') ensurePteTable(pmd, oom.va, sink);
}

/** An empty PTE page at va's entry if the entry is empty. */
export function ensurePteTable(pmd: PmdTable, va: Vaddr, sink: TouchSink): void {
  const i = indexAt('pmd', va);
  if (runAt(pmd.runs, i) !== null) return;
  const runs = pmd.runs;
  let k = 0;
  while (k < runs.length && runs[k]!.lo < i) k++;
  runs.splice(k, 0, { t: 'table', lo: i, hi: i + 1, table: new PteTable() });
  sink.allocated(pmd, alignDown(va, PMD_SIZE), 1);
}
