/**
 * touch: the MMU and the fault handler (SPEC 1.2). A range is cut into VMA
 * segments and 1 GiB spans; in each, one leaf operation does the work of every
 * page, and the cost in frames is known before anything is allocated, so an
 * out-of-memory kill happens at exactly the page the kernel would fail on.
 */
import type { Access } from '../commands';
import { PAGE_SIZE, PMD_SIZE, PUD_SIZE, USER_TOP, alignDown, alignUp, hex, indexAt, type Vaddr } from '../geometry';
import { applyLeafOp } from './leafops';
import { ensurePmd, ensurePud, touchSink, vmaSource, type TouchSink } from './alloc';
import { leafAllows, touchRule, vmaAllows } from './faultbits';
import { findOomPoint, totalCost, type CostItem, type OomPoint } from './oom';
import { freeFrames, emit, hoistFirstFault } from './machine';
import { runAt } from './runs';
import { PmdTable, PteTable } from './tables';
import { findVma, pageOf } from './vma';
import { pmdOf, pudOf, walkLeaf } from './walk';
import { killMm } from './lifecycle';
import { ptshareTouchSpan } from './sharing/ptshareTouch';
import { hugetlbTouchSpan } from './sharing/hugetlbTouch';
import type { Machine, Mm, Task, Vma } from './state';

/** Touches [lo, hi) (any addresses; whole pages are touched) as `task`. */
export function touch(m: Machine, task: Task, lo: Vaddr, hi: Vaddr, access: Access): void {
  const mm = task.mm;
  // Past user space (also where the arithmetic of a huge NAME+OFFSET stops being exact).
  if (lo >= USER_TOP) return kill(m, task, alignDown(lo, PAGE_SIZE), 'SIGSEGV', pastUserSpace(lo));
  const a0 = alignDown(lo, PAGE_SIZE);
  const b0 = alignUp(hi, PAGE_SIZE);
  if (b0 - a0 === PAGE_SIZE) {
    const w = walkLeaf(mm, a0);
    const stop = w.leaf === null ? w.stop : leafAllows(w.leaf.bits, access) ? 'hit' : 'deny';
    emit(m, { k: 'walk', mm: mm.id, va: a0, stop });
  }
  let at = a0;
  while (at < b0) {
    const vma = findVma(mm, at);
    if (vma === null) return kill(m, task, at, 'SIGSEGV', at >= USER_TOP ? pastUserSpace(at) : `no mapping at ${hex(at)}`);
    const end = Math.min(b0, vma.end);
    if (!touchSegment(m, task, vma, at, end, access)) return;
    at = end;
  }
}

function pastUserSpace(va: Vaddr): string {
  return `${hex(va)} is past the end of user space (${hex(USER_TOP)})`;
}

function kill(m: Machine, task: Task, va: Vaddr, signal: 'SIGSEGV' | 'SIGBUS', reason: string): void {
  emit(m, { k: 'signal', task: task.name, mm: task.mm.id, signal, va, reason });
  killMm(m, task, signal);
}

/** One VMA's part of a touch; false when the task died in it. */
function touchSegment(m: Machine, task: Task, vma: Vma, lo: Vaddr, hi: Vaddr, access: Access): boolean {
  if (!vmaAllows(vma, access)) {
    const p = firstFault(task.mm, lo, hi, access);
    if (p > lo) runSpans(m, task, vma, lo, p, access);
    if (p >= hi) return true;
    const what = access === 'write' && (vma.prot.read || vma.prot.exec) ? 'write to a read-only mapping' : 'access to a PROT_NONE mapping';
    kill(m, task, p, 'SIGSEGV', what);
    return false;
  }
  // A private VMA written, or anonymous memory touched, now holds anonymous pages (fork copies it).
  if (!vma.shared && (access === 'write' || vma.obj.kind === 'anon')) vma.anon = true;
  const eof = vma.start + (alignUp(vma.obj.size, PAGE_SIZE) - vma.offset);
  const end = Math.min(hi, Math.max(lo, eof));
  if (end > lo && !runSpans(m, task, vma, lo, end, access)) return false;
  if (end < hi) {
    kill(m, task, end, 'SIGBUS', `${hex(end)} is past the end of ${vma.obj.name}`);
    return false;
  }
  return true;
}

/** The first page in [lo, hi) whose leaf does not let the access through (hi if none). */
function firstFault(mm: Mm, lo: Vaddr, hi: Vaddr, access: Access): Vaddr {
  for (let va = lo; va < hi; ) {
    const w = walkLeaf(mm, va);
    if (w.leaf === null || !leafAllows(w.leaf.bits, access)) return va;
    // A hit: skip to the next page (or the next huge page for a PMD leaf).
    va = w.level === 'pmd' ? alignDown(va, PMD_SIZE) + PMD_SIZE : va + PAGE_SIZE;
  }
  return hi;
}

/** Runs the touch span by span; false when the task was OOM-killed. */
function runSpans(m: Machine, task: Task, vma: Vma, lo: Vaddr, hi: Vaddr, access: Access): boolean {
  const sink = touchSink(m, task.mm, vma, access, vma.host !== null ? 'host' : 'normal');
  for (let s = alignDown(lo, PUD_SIZE); s < hi; s += PUD_SIZE) {
    const a = Math.max(lo, s);
    const b = Math.min(hi, s + PUD_SIZE);
    const from = m.events.length;
    const oom =
      vma.obj.kind === 'hugetlb'
        ? hugetlbTouchSpan(m, task.mm, vma, a, b, access)
        : vma.host !== null
          ? ptshareTouchSpan(m, task.mm, vma, a, b, access, sink)
          : normalTouchSpan(m, task.mm, vma, a, b, access, sink);
    hoistFirstFault(m, from);
    if (oom !== null) {
      emit(m, {
        k: 'oom',
        task: task.name,
        mm: task.mm.id,
        va: oom.va,
        need: oom.need,
        pagetablesBytes: m.tablePages * PAGE_SIZE,
        fileBytes: m.filePages * PAGE_SIZE,
      });
      killMm(m, task, 'OOM');
      return false;
    }
  }
  return true;
}

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
  let emptyEntries = e1 - e0;
  if (pmd !== null) for (const r of pmd.runs) emptyEntries -= Math.max(0, Math.min(r.hi, e1) - Math.max(r.lo, e0));
  const p0 = pageOf(vma, a);
  const pages = (b - a) / PAGE_SIZE;
  return emptyEntries + pages - vma.obj.cache.countIn(p0, p0 + pages);
}

/** A touch of one span of an ordinary mapping; the OOM point if it ran out. */
function normalTouchSpan(m: Machine, mm: Mm, vma: Vma, a: Vaddr, b: Vaddr, access: Access, sink: TouchSink): OomPoint | null {
  const pmd = pmdOf(mm, a);
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
