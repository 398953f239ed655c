/**
 * An mm's VMAs: a sorted list (vmalist.ts), split at range ends and merged again when
 * neighbours become alike, as the kernel's vma_merge does.
 */
import { PAGE_SIZE, type Vaddr } from '../geometry';
import type { Mm, Vma } from './state';

export function findVma(mm: Mm, va: Vaddr): Vma | null {
  const v = mm.vmas.firstEndingAbove(va);
  return v !== undefined && v.start <= va ? v : null;
}

/** VMAs overlapping [lo, hi), in order. */
export function vmasIn(mm: Mm, lo: Vaddr, hi: Vaddr): Vma[] {
  return mm.vmas.overlapping(lo, hi);
}

export function isFree(mm: Mm, va: Vaddr, len: number): boolean {
  const v = mm.vmas.firstEndingAbove(va);
  return v === undefined || v.start >= va + len;
}

/** The object page that va maps through vma. */
export function pageOf(vma: Vma, va: Vaddr): number {
  return (vma.offset + (va - vma.start)) / PAGE_SIZE;
}

/** Makes `at` a VMA boundary. */
export function splitVmaAt(mm: Mm, at: Vaddr): void {
  const v = mm.vmas.firstEndingAbove(at);
  if (v === undefined || v.start >= at) return;
  const tail: Vma = { ...v, start: at, offset: v.offset + (at - v.start) };
  v.end = at;
  mm.vmas.insert(tail);
  tail.obj.mappers.add(mm.id);
}

/** Splits at lo and hi and returns the VMAs inside [lo, hi). */
export function isolate(mm: Mm, lo: Vaddr, hi: Vaddr): Vma[] {
  splitVmaAt(mm, lo);
  splitVmaAt(mm, hi);
  return vmasIn(mm, lo, hi);
}

/** Adds a new VMA (its object counts one more mapping). */
export function insertVma(mm: Mm, vma: Vma): void {
  mm.vmas.insert(vma);
  vma.obj.mappers.add(mm.id);
}

/** Removes whole VMAs (already isolated). */
export function removeVmas(mm: Mm, gone: readonly Vma[]): void {
  for (const v of gone) {
    mm.vmas.remove(v);
    v.obj.mappers.remove(mm.id);
  }
}

function alike(a: Vma, b: Vma): boolean {
  return (
    a.end === b.start &&
    a.obj === b.obj &&
    a.offset + (a.end - a.start) === b.offset &&
    a.shared === b.shared &&
    a.advice === b.advice &&
    a.prot.read === b.prot.read &&
    a.prot.write === b.prot.write &&
    a.prot.exec === b.prot.exec &&
    a.host === null &&
    b.host === null
  );
}

/**
 * Merges neighbours that continue each other (never MAP_SHARED_PT regions)
 * among the VMAs that touch [lo, hi], the range a call changed: elsewhere no
 * two neighbours are alike, since every change merges what it made.
 */
export function mergeVmas(mm: Mm, lo: Vaddr, hi: Vaddr): void {
  let prev: Vma | undefined;
  for (const v of mm.vmas.overlapping(lo - 1, hi + 1)) {
    if (prev !== undefined && alike(prev, v)) {
      mm.vmas.remove(v);
      v.obj.mappers.remove(mm.id);
      prev.end = v.end;
      prev.anon ||= v.anon; // as Linux merges a VMA without an anon_vma into one with
    }
    else prev = v;
  }
}

/** The parts of [lo, hi) that no VMA covers, in order. */
export function holesIn(mm: Mm, lo: Vaddr, hi: Vaddr): [Vaddr, Vaddr][] {
  const out: [Vaddr, Vaddr][] = [];
  let at = lo;
  for (const v of vmasIn(mm, lo, hi)) {
    if (v.start > at) out.push([at, v.start]);
    at = Math.max(at, v.end);
  }
  if (at < hi) out.push([at, hi]);
  return out;
}
