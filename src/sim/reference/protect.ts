/**
 * mprotect and madvise: VMA splits, leaf rewrites one entry at a time (seen by
 * every mm linked to the table), DONTNEED's clearing and pt_reclaim.
 */
import type { Command } from '../commands';
import { alignDown, alignUp, indexAt, PAGE_SIZE, PMD_SIZE, USER_TOP, type Vaddr } from '../geometry';
import { unshareRange } from './hugetlb';
import { SysError, type Out, type RefState, type Task, type Vma } from './state';
import { eventMm, freeTable, seenBy, tableAt, unlinkChild } from './tables';
import { clearLeaves, tlbEvent } from './unmap';
import { checkHugetlbSplit, mergeAll, overlapping, replaceVma, splitAt } from './vmas';
import { leavesIn, protBits } from './walk';

type MprotectCmd = Extract<Command, { op: 'mprotect' }>;
type MadviseCmd = Extract<Command, { op: 'madvise' }>;

/** Checks shared by mprotect and madvise; null when the length is 0 (nothing to do). */
function range(addr: Vaddr, len: number): { start: Vaddr; end: Vaddr } | null {
  if (addr % PAGE_SIZE !== 0) throw new SysError('EINVAL', 'start not page-aligned');
  if (len === 0) return null;
  const end = addr + alignUp(len, PAGE_SIZE);
  if (end > USER_TOP) throw new SysError('ENOMEM', 'range beyond user space');
  return { start: addr, end };
}

/** The VMAs of [start, end) up to the first hole, and whether a hole was met. */
function upToHole(vmas: Vma[], start: Vaddr, end: Vaddr): { vmas: Vma[]; hole: boolean } {
  const out: Vma[] = [];
  let cursor = start;
  for (const v of vmas) {
    if (v.start > cursor) return { vmas: out, hole: true };
    out.push(v);
    cursor = v.end;
  }
  return { vmas: out, hole: cursor < end };
}

/** msharefs windows refuse mprotect and madvise (SPEC 1.5). */
function refuseWindows(vmas: readonly Vma[], what: string): void {
  if (vmas.some((v) => v.mshare !== null)) throw new SysError('EINVAL', `${what} of an msharefs window`);
}

export function mprotectCmd(st: RefState, out: Out, task: Task, c: MprotectCmd, addr: Vaddr): void {
  const r = range(addr, c.len);
  if (r === null) return;
  const mm = task.mm;
  refuseWindows(overlapping(mm, r.start, r.end), 'mprotect');
  const { vmas, hole } = upToHole(overlapping(mm, r.start, r.end), r.start, r.end);
  const last = vmas[vmas.length - 1];
  const reach = last === undefined ? r.start : Math.min(r.end, last.end);
  checkHugetlbSplit(mm, r.start, reach);
  const seen = new Set<number>();
  if (reach > r.start) {
    for (const v of splitAt(mm, r.start, reach)) {
      if (v.obj.hugetlb && unshareRange(out, mm, v.start, v.end)) seen.add(mm.id);
      const next: Vma = { ...v, prot: c.prot };
      replaceVma(mm, v, next);
      // A region's PTEs are the host's: changed whether or not this guest linked (SPEC 1.3).
      // As posted, only what the caller's own links reach.
      for (const l of leavesIn(st.asPosted ? mm : (next.region?.mm ?? mm), next.start, next.end)) {
        const bits = protBits(l.leaf.bits, next);
        if (bits === l.leaf.bits) continue;
        l.leaf.bits = bits;
        const who = seenBy(l.table);
        out.push({ k: 'prot', mm: eventMm(l.table, mm), level: l.table.level, va: l.va, len: l.len, bits, seenBy: who });
        for (const id of who) seen.add(id);
      }
    }
    mergeAll(mm);
  }
  tlbEvent(out, seen, r.start, r.end);
  if (hole) throw new SysError('ENOMEM', 'range not fully mapped');
}

/** pt_reclaim: frees each private PTE page whose 2 MiB span lies inside [start, end). */
function reclaim(st: RefState, out: Out, task: Task, start: Vaddr, end: Vaddr): void {
  const mm = task.mm;
  for (let chunk = alignUp(start, PMD_SIZE); chunk + PMD_SIZE <= end; chunk += PMD_SIZE) {
    const pmd = tableAt(mm, 'pmd', chunk);
    if (pmd === null || pmd.owner !== mm) continue;
    const e = pmd.entries[indexAt('pmd', chunk)];
    // Only a PTE page of this mm's own: never one linked from a host.
    if (e === undefined || e.kind !== 'table' || e.table.owner !== mm || e.table.refs.length !== 1) continue;
    const pte = unlinkChild(pmd, indexAt('pmd', chunk));
    freeTable(st, pte);
    out.push({ k: 'free', mm: mm.id, level: 'pte', va: chunk, count: 1 });
  }
}

export function madviseCmd(st: RefState, out: Out, task: Task, c: MadviseCmd, addr: Vaddr): void {
  const r = range(addr, c.len);
  if (r === null) return;
  const mm = task.mm;
  const vmas = overlapping(mm, r.start, r.end);
  refuseWindows(vmas, 'madvise');
  let covered = 0;
  for (const v of vmas) covered += Math.min(r.end, v.end) - Math.max(r.start, v.start);
  const hole = covered < r.end - r.start;
  if (c.advice === 'dontneed') {
    for (const v of vmas) {
      if (v.obj.hugetlb && r.start > v.start && r.start % PMD_SIZE !== 0) {
        throw new SysError('EINVAL', 'MADV_DONTNEED on hugetlb needs a 2 MiB-aligned start');
      }
    }
    const seen = new Set<number>();
    for (const v of vmas) {
      const a = Math.max(r.start, v.start);
      const b = v.obj.hugetlb ? alignDown(Math.min(r.end, v.end), PMD_SIZE) : Math.min(r.end, v.end);
      if (a >= b) continue;
      if (v.obj.hugetlb && unshareRange(out, mm, a, b)) seen.add(mm.id);
      clearLeaves(out, st.asPosted ? mm : (v.region?.mm ?? mm), a, b, seen);
      if (st.ptReclaim && !v.obj.hugetlb) reclaim(st, out, task, a, b);
    }
    tlbEvent(out, seen, r.start, r.end);
  } else {
    checkHugetlbSplit(mm, r.start, r.end);
    const advice = c.advice;
    for (const v of splitAt(mm, r.start, r.end)) replaceVma(mm, v, { ...v, advice });
    mergeAll(mm);
  }
  if (hole) throw new SysError('ENOMEM', 'range not fully mapped');
}
