/**
 * One small interface for the sharing models (plain tables, MAP_SHARED_PT,
 * hugetlb PMD sharing): the syscalls call a VMA's model at named points and
 * never ask which models exist (models.ts picks the one a VMA follows).
 */
import type { Access } from '../../commands';
import type { MmId } from '../../events';
import type { Vaddr } from '../../geometry';
import type { SyscallError } from '../errors';
import type { OomPoint } from '../oom';
import type { Machine, Mm, Task, Vma } from '../state';

/** What a touch offers a model that runs a whole segment itself: the fatal ends. */
export interface TouchKit {
  kill(va: Vaddr, signal: 'SIGSEGV' | 'SIGBUS', reason: string): void;
  oom(point: OomPoint): void;
}

export interface SharingModel {
  readonly name: 'plain' | 'shared_pt' | 'hugetlb' | 'msharefs';
  /** On a syscall over part of the VMA: a refusal (EINVAL) before anything is done, or null. */
  refuse?(op: 'mprotect' | 'madvise' | 'munmap', vma: Vma, lo: Vaddr, hi: Vaddr): SyscallError | null;
  /** On fault, when the model runs the whole segment [lo, hi) of vma; false when the task died. */
  touchWindow?(m: Machine, task: Task, vma: Vma, lo: Vaddr, hi: Vaddr, access: Access, kit: TouchKit): boolean;
  /** On fault, before the span at s: whole empty 1 GiB windows of [s, hi) touched at once; the bytes done (0: none, go span by span). */
  touchWindows?(m: Machine, mm: Mm, vma: Vma, s: Vaddr, hi: Vaddr, access: Access): number;
  /** On fault: a touch of [a, b), inside one 1 GiB span, by mm; the OOM point if frames ran out. */
  touchSpan(m: Machine, mm: Mm, vma: Vma, a: Vaddr, b: Vaddr, access: Access): OomPoint | null;
  /**
   * On protection change: the leaves of [a, b) in the 1 GiB span at s, under vma's new prot.
   * The change goes on to `end`; a model that did the spans up to some address past b at once says where.
   */
  protectSpan(m: Machine, mm: Mm, vma: Vma, s: Vaddr, a: Vaddr, b: Vaddr, flushed: Set<MmId>, end: Vaddr): Vaddr | void;
  /** On MADV_DONTNEED: the leaves of [a, b) in the 1 GiB span at s are cleared (`end` as for protectSpan). */
  clearSpan(m: Machine, mm: Mm, vma: Vma, s: Vaddr, a: Vaddr, b: Vaddr, flushed: Set<MmId>, end: Vaddr): Vaddr | void;
  /** Whether pt_reclaim may free the PTE pages a DONTNEED emptied (private tables only). */
  readonly reclaims: boolean;
  /** On unmap: the VMA's entries are taken down, before the VMA goes. */
  unmapVma(m: Machine, mm: Mm, vma: Vma, flushed: Set<MmId>): void;
  /** On unmap (teardown: the mm's end), once the VMAs are gone and tables freed: what mm no longer holds is let go. */
  unmapped(m: Machine, mm: Mm, gone: readonly Vma[], teardown: boolean): void;
  /** On fork: the child (whose VMAs are copies of the parent's) takes its share. */
  forked(m: Machine, child: Mm): void;
}

/**
 * Calls f for each 1 GiB span [a, b) of [lo, hi), with the span's start s. f may
 * return where it got to when it did several spans at once (a PUD run's
 * windows, pudruns.ts): the next call starts at the span there.
 */
export function eachSpan(lo: Vaddr, hi: Vaddr, f: (s: Vaddr, a: Vaddr, b: Vaddr) => Vaddr | void): void {
  const GiB = 2 ** 30;
  for (let s = lo - (lo % GiB); s < hi; ) {
    const to = f(s, Math.max(lo, s), Math.min(hi, s + GiB));
    s = typeof to === 'number' && to > s + GiB ? to - (to % GiB) : s + GiB;
  }
}
