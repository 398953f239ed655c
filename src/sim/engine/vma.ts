/**
 * An mm's VMAs: a sorted array, split at range ends and merged again when
 * neighbours become alike, as the kernel's vma_merge does.
 */
import { PAGE_SIZE, type Vaddr } from '../geometry';
import { firstEndingAbove } from './runs';
import type { Mm, Vma } from './state';

const vmaEnd = (v: Vma): Vaddr => v.end;

/** Index of the first VMA whose end is above va. */
function firstVmaAbove(vmas: readonly Vma[], va: Vaddr): number {
  return firstEndingAbove(vmas, vmaEnd, va);
}

export function findVma(mm: Mm, va: Vaddr): Vma | null {
  const v = mm.vmas[firstVmaAbove(mm.vmas, va)];
  return v !== undefined && v.start <= va ? v : null;
}

/** VMAs overlapping [lo, hi), in order. */
export function vmasIn(mm: Mm, lo: Vaddr, hi: Vaddr): Vma[] {
  const out: Vma[] = [];
  for (let i = firstVmaAbove(mm.vmas, lo); i < mm.vmas.length && mm.vmas[i]!.start < hi; i++) out.push(mm.vmas[i]!);
  return out;
}

export function isFree(mm: Mm, va: Vaddr, len: number): boolean {
  return vmasIn(mm, va, va + len).length === 0;
}

/** The object page that va maps through vma. */
export function pageOf(vma: Vma, va: Vaddr): number {
  return (vma.offset + (va - vma.start)) / PAGE_SIZE;
}

/** Makes `at` a VMA boundary. */
export function splitVmaAt(mm: Mm, at: Vaddr): void {
  const i = firstVmaAbove(mm.vmas, at);
  const v = mm.vmas[i];
  if (v === undefined || v.start >= at) return;
  const tail: Vma = { ...v, start: at, offset: v.offset + (at - v.start) };
  v.end = at;
  mm.vmas.splice(i + 1, 0, tail);
}

/** Splits at lo and hi and returns the VMAs inside [lo, hi). */
export function isolate(mm: Mm, lo: Vaddr, hi: Vaddr): Vma[] {
  splitVmaAt(mm, lo);
  splitVmaAt(mm, hi);
  return vmasIn(mm, lo, hi);
}

export function insertVma(mm: Mm, vma: Vma): void {
  mm.vmas.splice(firstVmaAbove(mm.vmas, vma.start), 0, vma);
}

/** Removes whole VMAs (already isolated). */
export function removeVmas(mm: Mm, gone: readonly Vma[]): void {
  const set = new Set(gone);
  mm.vmas = mm.vmas.filter((v) => !set.has(v));
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

/** Merges neighbours that continue each other (never MAP_SHARED_PT regions). */
export function mergeVmas(mm: Mm): void {
  const out: Vma[] = [];
  for (const v of mm.vmas) {
    const prev = out[out.length - 1];
    if (prev !== undefined && alike(prev, v)) {
      prev.end = v.end;
      prev.anon ||= v.anon; // as Linux merges a VMA without an anon_vma into one with
    }
    else out.push(v);
  }
  mm.vmas = out;
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
