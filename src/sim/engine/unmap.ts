/**
 * Tearing down a range of an mm (munmap, exit, MAP_FIXED): clear leaves,
 * unlink MAP_SHARED_PT entries, unshare hugetlb PMD pages, drop the VMAs,
 * then free each table whose whole span no longer holds a VMA (SPEC 1.2).
 */
import { PGDIR_SIZE, PMD_SIZE, PUD_SIZE, USER_TOP, alignDown, alignUp, indexAt, type Vaddr } from '../geometry';
import type { MmId } from '../events';
import { applyLeafOp, type Sink } from './leafops';
import { emit, releaseTables } from './machine';
import { piecesIn, replaceRange, runAt } from './runs';
import { DirTable, PmdTable, pmdRunKind } from './tables';
import { seenPieces } from './seen';
import { unsharePmd } from './sharing/hugetlbShare';
import { dropReference } from './sharing/ptshareHost';
import { isolate, removeVmas, vmasIn } from './vma';
import { pmdOf } from './walk';
import type { Machine, Mm, Vma } from './state';

const CLEAR = { populated: () => null, fill: null };

/** A sink for clears: `clear` events with who sees them; collects the mms to flush. */
export function clearSink(m: Machine, flushed: Set<MmId>): Sink {
  return {
    filled() {},
    changed() {},
    allocated() {},
    cleared(pmd, va, len) {
      for (const [v, l, seen] of seenPieces(m, pmd, va, len)) {
        emit(m, { k: 'clear', mm: pmd.owner.id, level: 'pte', va: v, len: l, seenBy: seen });
        seen.forEach((id) => flushed.add(id));
      }
    },
  };
}

/**
 * Clears leaves of [lo, hi) that mm's own tables reach; in a MAP_SHARED_PT
 * region the host's, whether mm has linked its entries or not (SPEC 1.3).
 */
export function clearLeaves(m: Machine, mm: Mm, vma: Vma, lo: Vaddr, hi: Vaddr, flushed: Set<MmId>): void {
  for (let s = alignDown(lo, PUD_SIZE); s < hi; s += PUD_SIZE) {
    const a = Math.max(lo, s);
    const b = Math.min(hi, s + PUD_SIZE);
    const pmd = pmdOf(vma.host !== null ? vma.host.mm : mm, a);
    if (pmd === null) continue;
    if (vma.obj.kind === 'hugetlb') {
      if (unsharePmd(m, mm, a)) flushed.add(mm.id);
      else clearHugeLeaves(m, mm, pmd, s, a, b, flushed);
    } else applyLeafOp(pmd, s, a, b, CLEAR, null, clearSink(m, flushed));
  }
}

function clearHugeLeaves(m: Machine, mm: Mm, pmd: PmdTable, base: Vaddr, a: Vaddr, b: Vaddr, flushed: Set<MmId>): void {
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) {
    if (r?.t !== 'leaf') continue;
    emit(m, { k: 'clear', mm: mm.id, level: 'pmd', va: base + x * PMD_SIZE, len: (y - x) * PMD_SIZE, seenBy: [mm.id] });
    replaceRange(pmd.runs, pmdRunKind, x, y, []);
    flushed.add(mm.id);
  }
}

/** Guest PMD entries of [lo, hi) that link into the host: cleared, nothing freed there. */
function unlink(m: Machine, mm: Mm, lo: Vaddr, hi: Vaddr, flushed: Set<MmId>): void {
  for (let s = alignDown(lo, PUD_SIZE); s < hi; s += PUD_SIZE) {
    const pmd = pmdOf(mm, Math.max(lo, s));
    if (pmd === null) continue;
    const e0 = indexAt('pmd', Math.max(lo, s));
    const e1 = indexAt('pmd', Math.min(hi, s + PUD_SIZE) - 1) + 1;
    for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) {
      if (r?.t !== 'link') continue;
      emit(m, { k: 'unlink', mm: mm.id, va: s + x * PMD_SIZE, len: (y - x) * PMD_SIZE, host: r.host.owner.id });
      replaceRange(pmd.runs, pmdRunKind, x, y, []);
      flushed.add(mm.id);
    }
  }
}

/**
 * Unmaps [lo, hi) of mm (page-aligned; MAP_SHARED_PT regions already checked).
 * `tlb`: emit the flush event (munmap does, exit does not).
 */
export function unmapRange(m: Machine, mm: Mm, lo: Vaddr, hi: Vaddr, tlb: boolean): void {
  const gone = isolate(mm, lo, hi);
  if (gone.length === 0) return;
  const flushed = new Set<MmId>();
  const hosts = new Set(gone.map((v) => v.host).filter((h) => h !== null));
  for (const v of gone) {
    if (v.host !== null) unlink(m, mm, v.start, v.end, flushed);
    else clearLeaves(m, mm, v, v.start, v.end, flushed);
  }
  removeVmas(mm, gone);
  releaseAnon(m, gone);
  if (tlb && flushed.size > 0) emit(m, { k: 'tlb', mms: [...flushed].sort((a, b) => a - b), va: lo, len: hi - lo });
  freeEmptyTables(m, mm, gone[0]!.start, gone[gone.length - 1]!.end);
  for (const h of hosts) if (!mm.vmas.some((v) => v.host === h)) dropReference(m, h, mm);
}

/** Frees the tables over [lo, hi) whose whole span now holds no VMA. */
export function freeEmptyTables(m: Machine, mm: Mm, lo: Vaddr, hi: Vaddr): void {
  const before = vmasIn(mm, 0, lo).pop();
  const after = vmasIn(mm, hi, USER_TOP)[0];
  const floor = before?.end ?? 0;
  const ceiling = after?.start ?? USER_TOP;
  /** [x, y): the spans of `size` over [lo, hi) that lie within [floor, ceiling). */
  const freeable = (size: number): [number, number] => [
    Math.max(alignDown(lo, size), alignUp(floor, size)),
    Math.min(alignUp(hi, size), alignDown(ceiling, size)),
  ];
  const [c0, c1] = freeable(PMD_SIZE);
  const [g0, g1] = freeable(PUD_SIZE);
  const [p0, p1] = freeable(PGDIR_SIZE);
  // Walk the tables that exist, not the address space: exit covers 128 TiB.
  for (const [gi, pud] of [...mm.pgd.children]) {
    if (!(pud instanceof DirTable)) continue;
    const pudBase = gi * PGDIR_SIZE;
    if (pudBase + PGDIR_SIZE <= c0 || pudBase >= c1) continue;
    for (const [ui, pmd] of [...pud.children]) {
      const s = pudBase + ui * PUD_SIZE;
      if (!(pmd instanceof PmdTable) || s + PUD_SIZE <= c0 || s >= c1) continue;
      freePteTables(m, mm, pmd, s, Math.max(c0, s), Math.min(c1, s + PUD_SIZE));
      if (s >= g0 && s + PUD_SIZE <= g1) freePmdTable(m, mm, pud, ui, pmd, s);
    }
    if (pudBase >= p0 && pudBase + PGDIR_SIZE <= p1) {
      mm.pgd.children.delete(gi);
      releaseTables(m, mm, 1);
      emit(m, { k: 'free', mm: mm.id, level: 'pud', va: pudBase, count: 1 });
    }
  }
}

function freePmdTable(m: Machine, mm: Mm, pud: DirTable, i: number, pmd: PmdTable, va: Vaddr): void {
  pud.children.delete(i);
  if (pmd.users.length > 1) {
    // a hugetlb PMD page other mms still use: only this mm's use goes
    pmd.removeUser(mm);
    mm.charged -= 1;
    emit(m, { k: 'unshare', mm: mm.id, va, len: PUD_SIZE });
    return;
  }
  pmd.removeUser(mm);
  releaseTables(m, mm, 1);
  emit(m, { k: 'free', mm: mm.id, level: 'pmd', va, count: 1 });
}

/** Frees the private PTE pages of chunks [a, b) in one PMD page. */
export function freePteTables(m: Machine, mm: Mm, pmd: PmdTable, base: Vaddr, a: Vaddr, b: Vaddr): void {
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) {
    if (r === null || r.t === 'link' || r.t === 'leaf') continue;
    replaceRange(pmd.runs, pmdRunKind, x, y, []);
    releaseTables(m, pmd.owner, y - x);
    emit(m, { k: 'free', mm: mm.id, level: 'pte', va: base + x * PMD_SIZE, count: y - x });
  }
}

/** Whether entry i of mm's PMD page for va is a private PTE page (pt_reclaim may free it). */
export function isPrivatePte(pmd: PmdTable, i: number): boolean {
  const r = runAt(pmd.runs, i);
  return r !== null && (r.t === 'table' || r.t === 'uniform');
}

/**
 * Anonymous memory lives as long as a mapping of it: once no VMA of any mm maps
 * an anonymous object any more, its pages go back (exit, munmap, kills alike).
 */
function releaseAnon(m: Machine, gone: readonly Vma[]): void {
  for (const obj of new Set(gone.filter((v) => v.obj.kind === 'anon').map((v) => v.obj))) {
    if ([...m.mms.values()].some((x) => x.vmas.some((v) => v.obj === obj))) continue;
    const pages = obj.cache.size();
    m.usedFrames -= pages;
    m.filePages -= pages;
    m.anon.splice(m.anon.indexOf(obj), 1);
  }
}
