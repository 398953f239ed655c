/**
 * munmap's checks (SPEC 1.2, 1.3, 1.4), then the teardown of unmap.ts.
 */
import { PAGE_SIZE, PMD_SIZE, USER_TOP, alignUp, hex, isAligned, type Bytes, type Vaddr } from '../geometry';
import { fail, type SyscallError } from './errors';
import { unmapRange } from './unmap';
import { vmasIn } from './vma';
import { modelOf } from './sharing/models';
import type { Machine, Mm } from './state';

/** Why unmapping [va, va+len) is refused, or null. Length already page-rounded. */
export function unmapRefusal(mm: Mm, va: Vaddr, len: Bytes): SyscallError | null {
  const end = va + len;
  const refused = modelRefusal(mm, 'munmap', va, end);
  return refused ?? hugetlbCutRefusal(mm, va, end);
}

/** The first refusal a sharing model makes of an operation over [va, end) (SPEC 1.3, 1.5). */
export function modelRefusal(mm: Mm, op: 'mprotect' | 'madvise' | 'munmap', va: Vaddr, end: Vaddr): SyscallError | null {
  for (const v of vmasIn(mm, va, end)) {
    const refused = modelOf(v).refuse?.(op, v, va, end) ?? null;
    if (refused !== null) return refused;
  }
  return null;
}

/** A hugetlb VMA can only be split on a 2 MiB boundary (EINVAL otherwise). */
export function hugetlbCutRefusal(mm: Mm, va: Vaddr, end: Vaddr): SyscallError | null {
  for (const v of vmasIn(mm, va, end)) {
    if (v.obj.kind !== 'hugetlb') continue;
    for (const cut of [va, end]) {
      if (cut > v.start && cut < v.end && !isAligned(cut, PMD_SIZE)) return fail('EINVAL', `${hex(cut)} would split a hugetlb mapping inside a 2 MiB page`);
    }
  }
  return null;
}

/** munmap with its errors (also MAP_FIXED's unmap of what it replaces). */
export function unmapChecked(m: Machine, mm: Mm, va: Vaddr, rawLen: Bytes): SyscallError | null {
  if (!isAligned(va, PAGE_SIZE)) return fail('EINVAL', `address ${hex(va)} is not page-aligned`);
  if (rawLen === 0) return fail('EINVAL', 'munmap of length 0');
  const len = alignUp(rawLen, PAGE_SIZE);
  if (va + len > USER_TOP) return fail('EINVAL', `${hex(va)} + ${hex(len)} is beyond user space`);
  const refusal = unmapRefusal(mm, va, len);
  if (refusal !== null) return refusal;
  unmapRange(m, mm, va, va + len, true);
  return null;
}
