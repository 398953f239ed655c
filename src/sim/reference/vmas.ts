/**
 * An mm's VMA list: sorted, non-overlapping, split at the ends of an operation
 * and merged again where Linux would merge (ENGINE.md, "mprotect, madvise, munmap").
 */
import type { Prot } from '../commands';
import { PMD_SIZE, type Vaddr } from '../geometry';
import { SysError, type Mm, type Vma } from './state';

export function findVma(mm: Mm, va: Vaddr): Vma | undefined {
  return mm.vmas.find((v) => v.start <= va && va < v.end);
}

/** VMAs intersecting [start, end), in address order. */
export function overlapping(mm: Mm, start: Vaddr, end: Vaddr): Vma[] {
  return mm.vmas.filter((v) => v.start < end && start < v.end);
}

export function isFree(mm: Mm, start: Vaddr, end: Vaddr): boolean {
  return overlapping(mm, start, end).length === 0;
}

/** Whether any VMA of mm intersects [start, end). */
export function anyVmaIn(mm: Mm, start: Vaddr, end: Vaddr): boolean {
  return !isFree(mm, start, end);
}

export function insertVma(mm: Mm, v: Vma): void {
  mm.vmas.push(v);
  mm.vmas.sort((a, b) => a.start - b.start);
}

/** The part of v in [start, end), with its file offset moved along. */
export function slice(v: Vma, start: Vaddr, end: Vaddr): Vma {
  const s = Math.max(start, v.start);
  const e = Math.min(end, v.end);
  return { ...v, start: s, end: e, offset: v.offset + (s - v.start) };
}

/**
 * Cuts every VMA at `start` and `end` so that [start, end) is made of whole VMAs.
 * Returns the VMAs inside [start, end).
 */
export function splitAt(mm: Mm, start: Vaddr, end: Vaddr): Vma[] {
  const out: Vma[] = [];
  for (const v of mm.vmas) {
    if (v.end <= start || v.start >= end) {
      out.push(v);
      continue;
    }
    if (v.start < start) out.push(slice(v, v.start, start));
    out.push(slice(v, start, end));
    if (v.end > end) out.push(slice(v, end, v.end));
  }
  mm.vmas = out;
  return overlapping(mm, start, end);
}

/** Replaces VMA `old` (found by identity) with `next`. */
export function replaceVma(mm: Mm, old: Vma, next: Vma): void {
  mm.vmas = mm.vmas.map((v) => (v === old ? next : v));
}

export function removeRange(mm: Mm, start: Vaddr, end: Vaddr): void {
  splitAt(mm, start, end);
  mm.vmas = mm.vmas.filter((v) => v.end <= start || v.start >= end);
}

function sameProt(a: Prot, b: Prot): boolean {
  return a.read === b.read && a.write === b.write && a.exec === b.exec;
}

/** Same prot, flags and advice, and (for the partner search) the same flags of sharing. */
export function sameFlags(a: Vma, b: Vma): boolean {
  return sameProt(a.prot, b.prot) && a.shared === b.shared && a.sharedPt === b.sharedPt && a.advice === b.advice;
}

function mergeable(a: Vma, b: Vma): boolean {
  return (
    a.end === b.start &&
    a.obj === b.obj &&
    a.offset + (a.end - a.start) === b.offset &&
    sameFlags(a, b) &&
    a.region === null &&
    b.region === null
  );
}

/** Merges every adjacent compatible pair, as Linux's vma_merge leaves the list. */
export function mergeAll(mm: Mm): void {
  const out: Vma[] = [];
  for (const v of mm.vmas) {
    const last = out[out.length - 1];
    if (last !== undefined && mergeable(last, v)) out[out.length - 1] = { ...last, end: v.end, anon: last.anon || v.anon };
    else out.push(v);
  }
  mm.vmas = out;
}

/**
 * hugetlb VMAs can only be cut at 2 MiB boundaries (Linux's hugetlb_vm_op_split
 * refuses anything else with EINVAL).
 */
export function checkHugetlbSplit(mm: Mm, start: Vaddr, end: Vaddr): void {
  for (const v of overlapping(mm, start, end)) {
    if (!v.obj.hugetlb) continue;
    for (const cut of [start, end]) {
      if (cut > v.start && cut < v.end && cut % PMD_SIZE !== 0) {
        throw new SysError('EINVAL', `hugetlb mapping cannot be split at an address not 2 MiB-aligned`);
      }
    }
  }
}

/** A MAP_SHARED_PT region, and an msharefs window, may only be unmapped whole (SPEC 1.3, 1.5). */
export function checkRegionCut(mm: Mm, start: Vaddr, end: Vaddr): void {
  for (const v of overlapping(mm, start, end)) {
    if (v.mshare !== null && (start > v.start || end < v.end)) throw new SysError('EINVAL', 'an msharefs window can only be unmapped whole');
    const r = v.region;
    if (r !== null && (r.start !== start || r.start + r.len !== end)) {
      throw new SysError('EINVAL', `munmap must cover the whole shared region`);
    }
  }
}
