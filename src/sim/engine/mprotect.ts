/**
 * mprotect (SPEC 1.2, 1.3, 1.4): the range's checks, new VMA protections, then
 * each VMA's sharing model rewrites the populated leaves (a MAP_SHARED_PT host's
 * PTEs for every sharer; a shared hugetlb window unshared first).
 */
import type { Prot } from '../commands';
import type { MmId } from '../events';
import { hex, type Bytes, type Vaddr } from '../geometry';
import { fail, isError, userRange, type SyscallError } from './errors';
import { hugetlbCutRefusal, modelRefusal } from './munmap';
import { emit } from './machine';
import { holesIn, isolate, mergeVmas } from './vma';
import { eachSpan, modelOf } from './sharing/models';
import type { Machine, Mm, Vma } from './state';

export { protectBits } from './sharing/leaves';

export function mprotect(m: Machine, mm: Mm, va: Vaddr, rawLen: Bytes, prot: Prot): SyscallError | null {
  const range = userRange(va, rawLen);
  if (range === null || isError(range)) return range;
  const { end } = range;
  const len = end - va;
  const refused = modelRefusal(mm, 'mprotect', va, end);
  if (refused !== null) return refused;
  // As Linux walks the VMAs in order: a hole at the start fails first, then a hugetlb split.
  const hole = holesIn(mm, va, end)[0];
  if (hole !== undefined && hole[0] === va) return fail('ENOMEM', `no mapping at ${hex(va)}`);
  const cut = hugetlbCutRefusal(mm, va, hole === undefined ? end : hole[0]);
  if (cut !== null) return cut;
  const stop = hole === undefined ? end : hole[0];
  const flushed = new Set<MmId>();
  if (stop > va) {
    for (const v of isolate(mm, va, stop)) protectVma(m, mm, v, prot, flushed);
    mergeVmas(mm, va, stop);
  }
  if (flushed.size > 0) emit(m, { k: 'tlb', mms: [...flushed].sort((a, b) => a - b), va, len });
  return hole === undefined ? null : fail('ENOMEM', `no mapping at ${hex(hole[0])}`);
}

function protectVma(m: Machine, mm: Mm, v: Vma, prot: Prot, flushed: Set<MmId>): void {
  v.prot = { ...prot };
  eachSpan(v.start, v.end, (s, a, b) => modelOf(v).protectSpan(m, mm, v, s, a, b, flushed, v.end));
}
