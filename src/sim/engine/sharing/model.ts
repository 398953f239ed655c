/**
 * One small interface for the sharing models (plain tables, MAP_SHARED_PT,
 * hugetlb PMD sharing): the syscalls call a VMA's model at named points and
 * never ask which models exist (models.ts picks the one a VMA follows).
 */
import type { Access } from '../../commands';
import type { MmId } from '../../events';
import type { Vaddr } from '../../geometry';
import type { OomPoint } from '../oom';
import type { Machine, Mm, Vma } from '../state';

export interface SharingModel {
  readonly name: 'plain' | 'shared_pt' | 'hugetlb';
  /** On fault: a touch of [a, b), inside one 1 GiB span, by mm; the OOM point if frames ran out. */
  touchSpan(m: Machine, mm: Mm, vma: Vma, a: Vaddr, b: Vaddr, access: Access): OomPoint | null;
  /** On protection change: the leaves of [a, b) in the 1 GiB span at s, under vma's new prot. */
  protectSpan(m: Machine, mm: Mm, vma: Vma, s: Vaddr, a: Vaddr, b: Vaddr, flushed: Set<MmId>): void;
  /** On MADV_DONTNEED: the leaves of [a, b) in the 1 GiB span at s are cleared. */
  clearSpan(m: Machine, mm: Mm, vma: Vma, s: Vaddr, a: Vaddr, b: Vaddr, flushed: Set<MmId>): void;
  /** Whether pt_reclaim may free the PTE pages a DONTNEED emptied (private tables only). */
  readonly reclaims: boolean;
  /** On unmap: the VMA's entries are taken down, before the VMA goes. */
  unmapVma(m: Machine, mm: Mm, vma: Vma, flushed: Set<MmId>): void;
  /** On unmap (teardown: the mm's end), once the VMAs are gone and tables freed: what mm no longer holds is let go. */
  unmapped(m: Machine, mm: Mm, gone: readonly Vma[], teardown: boolean): void;
  /** On fork: the child (whose VMAs are copies of the parent's) takes its share. */
  forked(m: Machine, child: Mm): void;
}

/** Calls f for each 1 GiB span [a, b) of [lo, hi), with the span's start s. */
export function eachSpan(lo: Vaddr, hi: Vaddr, f: (s: Vaddr, a: Vaddr, b: Vaddr) => void): void {
  const GiB = 2 ** 30;
  for (let s = lo - (lo % GiB); s < hi; s += GiB) f(s, Math.max(lo, s), Math.min(hi, s + GiB));
}
