/**
 * madvise (SPEC 1.2-1.4): MADV_DONTNEED clears leaves (for every sharer of a
 * MAP_SHARED_PT page; a shared hugetlb window is unshared instead) and, with
 * pt_reclaim, frees private PTE pages it emptied whole; MADV_HUGEPAGE and
 * MADV_NOHUGEPAGE only mark the caller's VMA.
 */
import type { Advice } from '../commands';
import type { MmId } from '../events';
import { PMD_SIZE, PUD_SIZE, alignDown, alignUp, hex, isAligned, type Bytes, type Vaddr } from '../geometry';
import { fail, isError, userRange, type SyscallError } from './errors';
import { emit } from './machine';
import { hugetlbCutRefusal, modelRefusal } from './munmap';
import { clearLeaves } from './unmap';
import { freePteTables } from './tablesfree';
import { modelOf } from './sharing/models';
import { holesIn, isolate, mergeVmas, vmasIn } from './vma';
import { pmdToWrite } from './walk';
import type { Machine, Mm, Vma } from './state';

export function madvise(m: Machine, mm: Mm, va: Vaddr, rawLen: Bytes, advice: Advice): SyscallError | null {
  const range = userRange(va, rawLen);
  if (range === null || isError(range)) return range;
  const { end } = range;
  const refused = modelRefusal(mm, 'madvise', va, end);
  if (refused !== null) return refused;
  if (advice === 'dontneed') {
    for (const v of vmasIn(mm, va, end))
      if (v.obj.kind === 'hugetlb' && !isAligned(Math.max(va, v.start), PMD_SIZE)) return fail('EINVAL', `MADV_DONTNEED on hugetlb needs a 2 MiB-aligned start`);
    dontneed(m, mm, va, end);
  } else {
    const cut = hugetlbCutRefusal(mm, va, end);
    if (cut !== null) return cut;
    for (const v of isolate(mm, va, end)) v.advice = advice;
    mergeVmas(mm, va, end);
  }
  const hole = holesIn(mm, va, end)[0];
  return hole === undefined ? null : fail('ENOMEM', `no mapping at ${hex(hole[0])}`);
}

function dontneed(m: Machine, mm: Mm, va: Vaddr, end: Vaddr): void {
  const flushed = new Set<MmId>();
  for (const v of vmasIn(mm, va, end)) {
    const a = Math.max(va, v.start);
    let b = Math.min(end, v.end);
    if (v.obj.kind === 'hugetlb') b = alignDown(b, PMD_SIZE);
    if (b <= a) continue;
    clearLeaves(m, mm, v, a, b, flushed);
    if (m.ptReclaim && modelOf(v).reclaims) reclaim(m, mm, v, a, b);
  }
  if (flushed.size > 0) emit(m, { k: 'tlb', mms: [...flushed].sort((x, y) => x - y), va, len: end - va });
}

/** pt_reclaim: private PTE pages whose whole 2 MiB span lies in [a, b) (one VMA) are freed. */
function reclaim(m: Machine, mm: Mm, _v: Vma, a: Vaddr, b: Vaddr): void {
  const c0 = alignUp(a, PMD_SIZE);
  const c1 = alignDown(b, PMD_SIZE);
  for (let s = alignDown(c0, PUD_SIZE); s < c1; s += PUD_SIZE) {
    const lo = Math.max(c0, s);
    const hi = Math.min(c1, s + PUD_SIZE);
    const pmd = pmdToWrite(m, mm, lo);
    if (pmd === null || hi <= lo) continue;
    freePteTables(m, mm, pmd, s, lo, hi);
  }
}
