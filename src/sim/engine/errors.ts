/** A failed syscall: its errno and what was wrong, in words. */
import type { Errno } from '../events';
import { PAGE_SIZE, USER_TOP, alignUp, hex, isAligned, type Bytes, type Vaddr } from '../geometry';

export interface SyscallError {
  readonly errno: Errno;
  readonly message: string;
}

export function fail(errno: Errno, message: string): SyscallError {
  return { errno, message };
}

export function isError(x: unknown): x is SyscallError {
  return typeof x === 'object' && x !== null && 'errno' in x;
}

/**
 * The range of mprotect and madvise as Linux checks it: a page-aligned start
 * (EINVAL), length 0 is a successful no-op (null), the end inside user space (ENOMEM).
 */
export function userRange(va: Vaddr, rawLen: Bytes): { end: Vaddr } | SyscallError | null {
  if (!isAligned(va, PAGE_SIZE)) return fail('EINVAL', `address ${hex(va)} is not page-aligned`);
  if (rawLen === 0) return null;
  const len = alignUp(rawLen, PAGE_SIZE);
  if (va + len > USER_TOP) return fail('ENOMEM', `${hex(va)} + ${hex(len)} is beyond user space`);
  return { end: va + len };
}
