/** A failed syscall: its errno and what was wrong, in words. */
import type { Errno } from '../events';

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
