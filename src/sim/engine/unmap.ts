/**
 * Tearing down a range of an mm (munmap, exit, MAP_FIXED): each VMA's sharing
 * model takes its entries down (clear leaves, unlink, unshare), the VMAs go,
 * then each table whose whole span no longer holds a VMA is freed (SPEC 1.2).
 */
import type { MmId } from '../events';
import type { Vaddr } from '../geometry';
import { pmdToWrite } from './walk';
import { emit } from './machine';
import { MODELS, eachSpan, modelOf } from './sharing/models';
import { freeEmptyTables, releaseAnon } from './tablesfree';
import { isolate, removeVmas } from './vma';
import type { Machine, Mm, Vma } from './state';

/** Clears the leaves of [lo, hi) (inside vma) the way vma's sharing model does (MADV_DONTNEED). */
export function clearLeaves(m: Machine, mm: Mm, vma: Vma, lo: Vaddr, hi: Vaddr, flushed: Set<MmId>): void {
  eachSpan(lo, hi, (s, a, b) => modelOf(vma).clearSpan(m, mm, vma, s, a, b, flushed, hi));
}

/**
 * Unmaps [lo, hi) of mm (page-aligned; MAP_SHARED_PT regions already checked).
 * `tlb`: emit the flush event (munmap does, exit does not).
 */
export function unmapRange(m: Machine, mm: Mm, lo: Vaddr, hi: Vaddr, tlb: boolean): void {
  const gone = isolate(mm, lo, hi);
  if (gone.length === 0) return;
  const flushed = new Set<MmId>();
  for (const v of gone) modelOf(v).unmapVma(m, mm, v, flushed);
  removeVmas(mm, gone);
  releaseAnon(m, gone);
  if (tlb && flushed.size > 0) emit(m, { k: 'tlb', mms: [...flushed].sort((a, b) => a - b), va: lo, len: hi - lo });
  // As posted, the free path skips a guest's PMD pages over a shared range, for good (SPEC 1.3).
  if (m.asPosted) for (const v of gone) if (v.host !== null) eachSpan(v.start, v.end, (s) => void (pmdToWrite(m, mm, s) !== null && (pmdToWrite(m, mm, s)!.kept = true)));
  freeEmptyTables(m, mm, gone[0]!.start, gone[gone.length - 1]!.end);
  for (const model of MODELS) model.unmapped(m, mm, gone, !tlb);
}
