/**
 * A touch of a hugetlb mapping: PMD leaves of 2 MiB, the PMD page shared with
 * a partner when one qualifies (hugetlbShare.ts), hugetlb pages of 512 frames.
 */
import type { Bits } from '../../bits';
import type { Access } from '../../commands';
import { PAGE_SIZE, PMD_SIZE, PUD_SIZE, alignDown, indexAt, type Vaddr } from '../../geometry';
import { ensurePmd, ensurePud } from '../alloc';
import { leafAllows, touchRule } from '../faultbits';
import { emit, freeFrames, takeFilePages } from '../machine';
import { findOomPoint, type CostItem, type OomPoint } from '../oom';
import { coalesce, piecesIn, replaceRuns, runAt } from '../runs';
import { pmdRunKind, type PmdRun, type PmdTable } from '../tables';
import { pageOf } from '../vma';
import { pmdOf, pmdToWrite, pudOf } from '../walk';
import type { Machine, Mm, Vma } from '../state';
import { findPartner, sharePmd, windowShareable } from './hugetlbShare';

const HUGE_PAGES = PMD_SIZE / PAGE_SIZE;

export function hugetlbTouchSpan(m: Machine, mm: Mm, vma: Vma, a: Vaddr, b: Vaddr, access: Access): OomPoint | null {
  // Upper levels: the PUD page, then the PMD page unless a partner lends one.
  if (pudOf(mm, a) === null) {
    if (freeFrames(m) < 1) return { va: a, need: 'pud' };
    ensurePud(m, mm, a);
  }
  if (pmdOf(mm, a) === null) {
    const partner = windowShareable(vma, a) && !mm.isHost ? findPartner(m, mm, vma, a) : null;
    if (partner !== null) {
      sharePmd(m, mm, a, partner.pmd, partner.from);
      // The CPU faulted on the empty PUD entry; if the shared page already maps the
      // address well enough, sharing was the whole of that fault's work.
      const r = runAt(partner.pmd.runs, indexAt('pmd', a));
      if (r?.t === 'leaf' && leafAllows(r.bits, access)) emit(m, { k: 'fault', mm: mm.id, va: alignDown(a, PMD_SIZE), len: PMD_SIZE, access, kind: 'hugetlb' });
    } else {
      if (freeFrames(m) < 1) return { va: a, need: 'pmd' };
      ensurePmd(m, mm, a);
    }
  }
  const pmd = pmdToWrite(m, mm, a)!;
  const base = alignDown(a, PUD_SIZE);
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  const oom = findOomPoint(hugeCosts(vma, pmd, base, a, e0, e1), freeFrames(m));
  const stop = oom === null ? e1 : indexAt('pmd', oom.va);
  if (stop > e0) applyHuge(m, mm, vma, pmd, base, e0, stop, access);
  return oom;
}

/** One item per huge page to read in, for empty leaves (populated ones are cached). */
function* hugeCosts(vma: Vma, pmd: PmdTable, base: Vaddr, a: Vaddr, e0: number, e1: number): Generator<CostItem> {
  for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) {
    if (r !== null) continue;
    for (let i = x; i < y; i++) {
      const va = base + i * PMD_SIZE;
      if (!vma.obj.cache.has(pageOf(vma, va))) yield { va: Math.max(a, va), count: HUGE_PAGES, need: 'page', unit: HUGE_PAGES };
    }
  }
}

/** Faults and hits on leaves [e0, e1), run by run. */
function applyHuge(m: Machine, mm: Mm, vma: Vma, pmd: PmdTable, base: Vaddr, e0: number, e1: number, access: Access): void {
  const rule = touchRule(vma, access);
  const fresh: PmdRun[] = [];
  const fault = (va: Vaddr, len: number): void => emit(m, { k: 'fault', mm: mm.id, va, len, access, kind: 'hugetlb' });
  const set = (va: Vaddr, len: number, bits: Bits): void => emit(m, { k: 'set', mm: mm.id, level: 'pmd', va, len, bits });
  for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) {
    const va = base + x * PMD_SIZE;
    const len = (y - x) * PMD_SIZE;
    if (r === null) {
      const page0 = pageOf(vma, va);
      for (const [p, q] of vma.obj.cache.gapsIn(page0, page0 + (y - x) * HUGE_PAGES)) {
        emit(m, { k: 'fill', file: vma.obj.name, page: p, count: q - p });
        takeFilePages(m, q - p);
      }
      vma.obj.cache.add(page0, page0 + (y - x) * HUGE_PAGES);
      m.cacheChanged.add(vma.obj);
      fault(va, len);
      set(va, len, rule.fill);
      fresh.push({ t: 'leaf', lo: x, hi: y, obj: vma.obj, page0, bits: rule.fill });
    } else if (r.t === 'leaf') {
      const to = rule.populated(r.bits);
      const page0 = r.page0 + (x - r.lo) * HUGE_PAGES;
      fresh.push({ t: 'leaf', lo: x, hi: y, obj: r.obj, page0, bits: to });
      if (to !== r.bits) {
        if (!leafAllows(r.bits, access)) fault(va, len);
        set(va, len, to);
      }
    } else {
      fresh.push({ ...r, lo: x, hi: y } as PmdRun);
    }
  }
  replaceRuns(pmd, pmdRunKind, e0, e1, fresh);
  coalesce(pmd.runs, pmdRunKind);
}
