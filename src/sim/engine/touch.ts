/**
 * touch: the MMU and the fault handler (SPEC 1.2). A range is cut into VMA
 * segments and 1 GiB spans; in each, one leaf operation does the work of every
 * page, and the cost in frames is known before anything is allocated, so an
 * out-of-memory kill happens at exactly the page the kernel would fail on.
 */
import type { Access } from '../commands';
import { PAGE_SIZE, PMD_SIZE, PUD_SIZE, USER_TOP, alignDown, alignUp, hex, type Vaddr } from '../geometry';
import { leafAllows, vmaAllows } from './faultbits';
import { emit, hoistFirstFault } from './machine';
import { findVma } from './vma';
import { walkLeaf, walkStop } from './walk';
import { killMm } from './lifecycle';
import { modelOf } from './sharing/models';
import type { TouchKit } from './sharing/model';
import type { OomPoint } from './oom';
import type { Machine, Mm, Task, Vma } from './state';

/** Touches [lo, hi) (any addresses; whole pages are touched) as `task`. */
export function touch(m: Machine, task: Task, lo: Vaddr, hi: Vaddr, access: Access): void {
  const mm = task.mm;
  // Past user space (also where the arithmetic of a huge NAME+OFFSET stops being exact).
  if (lo >= USER_TOP) return kill(m, task, alignDown(lo, PAGE_SIZE), 'SIGSEGV', pastUserSpace(lo));
  const a0 = alignDown(lo, PAGE_SIZE);
  const b0 = alignUp(hi, PAGE_SIZE);
  if (b0 - a0 === PAGE_SIZE) emit(m, { k: 'walk', mm: mm.id, va: a0, stop: walkStop(mm, a0, access) });
  let at = a0;
  while (at < b0) {
    const vma = findVma(mm, at);
    if (vma === null) return kill(m, task, at, 'SIGSEGV', at >= USER_TOP ? pastUserSpace(at) : `no mapping at ${hex(at)}`);
    const end = Math.min(b0, vma.end);
    if (!touchSegment(m, task, vma, at, end, access)) return;
    at = end;
  }
}

/** The OOM killer at the page whose fault could not be served (SPEC 1.7). */
function oomKill(m: Machine, task: Task, oom: OomPoint): void {
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
  const model = modelOf(vma);
  if (model.touchWindow !== undefined && vmaAllows(vma, access)) {
    const kit: TouchKit = {
      kill: (va, signal, reason) => kill(m, task, va, signal, reason),
      oom: (point) => oomKill(m, task, point),
    };
    return model.touchWindow(m, task, vma, lo, hi, access, kit);
  }
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
  const model = modelOf(vma);
  for (let s = alignDown(lo, PUD_SIZE); s < hi; ) {
    const from = m.events.length;
    const whole = s >= lo && model.touchWindows !== undefined ? model.touchWindows(m, task.mm, vma, s, hi, access) : 0;
    if (whole > 0) {
      hoistFirstFault(m, from);
      s += whole;
      continue;
    }
    const a = Math.max(lo, s);
    const b = Math.min(hi, s + PUD_SIZE);
    const oom = model.touchSpan(m, task.mm, vma, a, b, access);
    hoistFirstFault(m, from);
    if (oom !== null) return oomKill(m, task, oom), false;
    s += PUD_SIZE;
  }
  return true;
}
