/**
 * A guest's touch of its MAP_SHARED_PT region (SPEC 1.3): its own PUD and PMD
 * pages as usual, then for each 2 MiB chunk either a link fault (copy the host's
 * PMD entry) or host faults (PTEs written in the host's PTE pages), whichever
 * the guest's and the host's PMD entries call for.
 */
import type { Access } from '../../commands';
import { PMD_SIZE, PUD_SIZE, alignDown, indexAt, type Vaddr } from '../../geometry';
import { applyLeafOp } from '../leafops';
import { ensurePmd, ensurePud, vmaSource, type TouchSink } from '../alloc';
import { touchRule } from '../faultbits';
import { emit, freeFrames } from '../machine';
import { findOomPoint, totalCost, type CostItem, type OomPoint } from '../oom';
import { piecesIn, replaceRuns, runAt } from '../runs';
import { PmdTable, pmdRunKind } from '../tables';
import { ensurePteTable, plainCostTotal, plainCosts } from './plainTouch';
import { pmdOf, pudOf } from '../walk';
import type { Machine, Mm, Vma } from '../state';

/** The guest PMD entries of [e0, e1) that are empty (they will link). */
function emptyEntries(pmd: PmdTable | null, e0: number, e1: number): [number, number][] {
  if (pmd === null) return [[e0, e1]];
  const out: [number, number][] = [];
  for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) if (r === null) out.push([x, y]);
  return out;
}

export function ptshareTouchSpan(m: Machine, guest: Mm, vma: Vma, a: Vaddr, b: Vaddr, access: Access, sink: TouchSink): OomPoint | null {
  const host = vma.host!.mm;
  const base = alignDown(a, PUD_SIZE);
  const upper: CostItem[] = [];
  if (pudOf(guest, a) === null) upper.push({ va: a, count: 1, need: 'pud' });
  if (pmdOf(guest, a) === null) upper.push({ va: a, count: 1, need: 'pmd' });
  const hostPmd0 = pmdOf(host, a);
  if (pudOf(host, a) === null) upper.push({ va: a, count: 1, need: 'pud' });
  if (hostPmd0 === null) upper.push({ va: a, count: 1, need: 'pmd' });

  let end = b;
  let oom: OomPoint | null = null;
  if (totalCost(upper) + plainCostTotal(vma, hostPmd0, a, b) > freeFrames(m)) {
    oom = findOomPoint(plainCosts(host, vma, hostPmd0, a, b, upper), freeFrames(m));
    if (oom !== null) end = oom.va;
  }
  // The failing page's chunk links first when the host already had a PTE page there.
  const hostHadEntry = oom !== null && hostPmd0 !== null && runAt(hostPmd0.runs, indexAt('pmd', oom.va)) !== null;
  if (end > a) {
    const gpmd = ensurePmd(m, guest, a);
    const hpmd = ensurePmd(m, host, a);
    applyLeafOp(hpmd, base, a, end, touchRule(vma, access), vmaSource(vma), sink);
    link(m, guest, gpmd, hpmd, base, indexAt('pmd', a), indexAt('pmd', end - 1) + 1, access);
  }
  if (oom !== null) {
    if (oom.need === 'pud' || oom.need === 'pmd') {
      allocateUpper(m, guest, host, oom.va);
    } else {
      const gpmd = ensurePmd(m, guest, oom.va);
      const hpmd = ensurePmd(m, host, oom.va);
      if (oom.need === 'page') {
        ensurePteTable(hpmd, oom.va, sink);
        const i = indexAt('pmd', oom.va);
        if (hostHadEntry && runAt(gpmd.runs, i) === null) link(m, guest, gpmd, hpmd, base, i, i + 1, access);
      }
    }
  }
  return oom;
}

/**
 * The upper levels come first in page order (the guest's PUD and PMD, then the
 * host's): as many as there are frames for were allocated before the failure.
 */
function allocateUpper(m: Machine, guest: Mm, host: Mm, va: Vaddr): void {
  const steps: (() => void)[] = [];
  if (pudOf(guest, va) === null) steps.push(() => void ensurePud(m, guest, va));
  if (pmdOf(guest, va) === null) steps.push(() => void ensurePmd(m, guest, va));
  if (pudOf(host, va) === null) steps.push(() => void ensurePud(m, host, va));
  if (pmdOf(host, va) === null) steps.push(() => void ensurePmd(m, host, va));
  for (const step of steps) {
    if (freeFrames(m) < 1) break;
    step();
  }
}

/** Link faults for the guest's empty entries in [e0, e1): they now mirror the host's. */
function link(m: Machine, guest: Mm, gpmd: PmdTable, hpmd: PmdTable, base: Vaddr, e0: number, e1: number, access: Access): void {
  for (const [x, y] of emptyEntries(gpmd, e0, e1)) {
    const va = base + x * PMD_SIZE;
    const len = (y - x) * PMD_SIZE;
    emit(m, { k: 'fault', mm: guest.id, va, len, access, kind: 'link' });
    emit(m, { k: 'link', mm: guest.id, va, len, host: hpmd.owner.id });
    replaceRuns(gpmd, pmdRunKind, x, y, [{ t: 'link', lo: x, hi: y, host: hpmd }]);
  }
  // neighbouring link runs join
  const runs = gpmd.runs;
  for (let i = runs.length - 1; i > 0; i--) {
    const p = runs[i - 1]!;
    const r = runs[i]!;
    if (p.hi === r.lo && pmdRunKind.joins(p, r)) {
      p.hi = r.hi;
      runs.splice(i, 1);
    }
  }
}
