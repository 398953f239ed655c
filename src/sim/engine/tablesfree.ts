/**
 * The free rules of SPEC 1.2 after an unmap: a PTE page whose 2 MiB span, a PMD
 * page whose 1 GiB span, a PUD page whose 512 GiB span holds no VMA any more is
 * freed; a hugetlb PMD page other mms still use is only unshared.
 */
import { ENTRIES, PGDIR_SIZE, PMD_SIZE, PUD_SIZE, USER_TOP, alignDown, alignUp, indexAt, type Vaddr } from '../geometry';
import { materialise, pudRunAt, pudRunKind } from './pudruns';
import { emit, releaseTables } from './machine';
import { piecesIn, replaceRange, runAt } from './runs';
import { DirTable, PmdTable, pmdRunKind } from './tables';
import type { Machine, Mm, Vma } from './state';

/** Frees the tables over [lo, hi) whose whole span now holds no VMA. */
export function freeEmptyTables(m: Machine, mm: Mm, lo: Vaddr, hi: Vaddr): void {
  const before = mm.vmas.lastStartingBelow(lo);
  const after = mm.vmas.firstEndingAbove(hi);
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
    if (!(pud instanceof DirTable) || pud.owner !== mm) continue; // an msharefs link is the host's
    const pudBase = gi * PGDIR_SIZE;
    if (pudBase + PGDIR_SIZE <= c0 || pudBase >= c1) continue;
    if (pud.runs.length > 0) explicitPartRunWindows(m, pud, gi, c0, c1, g0, g1);
    for (const [ui, pmd] of [...pud.children]) {
      const s = pudBase + ui * PUD_SIZE;
      if (!(pmd instanceof PmdTable) || s + PUD_SIZE <= c0 || s >= c1) continue;
      freePteTables(m, mm, pmd, s, Math.max(c0, s), Math.min(c1, s + PUD_SIZE));
      if (s >= g0 && s + PUD_SIZE <= g1 && !pmd.kept) freePmdTable(m, mm, pud, ui, pmd, s);
    }
    if (pud.runs.length > 0) freeRunWindows(m, mm, pud, gi, c0, c1, g0, g1);
    if (pudBase >= p0 && pudBase + PGDIR_SIZE <= p1 && pud.children.size === 0 && pud.runs.length === 0 && !linkedByWindows(m, mm, gi, pud)) {
      mm.pgd.children.delete(gi);
      releaseTables(m, mm, 1);
      emit(m, { k: 'free', mm: mm.id, level: 'pud', va: pudBase, count: 1 });
    }
  }
}

/**
 * The PUD entries of PUD page gi whose windows [c0, c1) reaches, [u0, u1), and
 * of those the windows that lie inside both [c0, c1) and [g0, g1), [w0, w1):
 * they lose every PTE page and the PMD page; the others only some PTE pages.
 */
function runEntries(gi: number, c0: Vaddr, c1: Vaddr, g0: Vaddr, g1: Vaddr): { u0: number; u1: number; w0: number; w1: number } {
  const pudBase = gi * PGDIR_SIZE;
  const clamp = (u: number): number => Math.max(0, Math.min(ENTRIES, u));
  const down = (va: Vaddr): number => clamp(Math.floor((va - pudBase) / PUD_SIZE));
  const up = (va: Vaddr): number => clamp(Math.ceil((va - pudBase) / PUD_SIZE));
  const u0 = down(c0);
  const u1 = up(c1);
  return { u0, u1, w0: Math.max(up(c0), up(g0)), w1: Math.min(down(c1), down(g1)) };
}

/**
 * PUD run windows that lose only some PTE pages, and windows of links (an unmap
 * unlinked them already, one by one), made explicit PMD pages so the loop over
 * those frees them.
 */
function explicitPartRunWindows(m: Machine, pud: DirTable, gi: number, c0: Vaddr, c1: Vaddr, g0: Vaddr, g1: Vaddr): void {
  const { u0, u1, w0, w1 } = runEntries(gi, c0, c1, g0, g1);
  for (let ui = u0; ui < u1; ui++) {
    const run = pudRunAt(pud, ui);
    if (run !== null && (run.host !== null || ui < w0 || ui >= w1)) materialise(m, { pud, gi, ui, run });
  }
}

/** The PMD pages, and their PTE pages, of the PUD run windows that now hold no VMA: freed on the runs. */
function freeRunWindows(m: Machine, mm: Mm, pud: DirTable, gi: number, c0: Vaddr, c1: Vaddr, g0: Vaddr, g1: Vaddr): void {
  const { w0, w1 } = runEntries(gi, c0, c1, g0, g1);
  if (w1 <= w0) return;
  for (const [x, y, r] of piecesIn(pud.runs, w0, w1)) {
    if (r === null || r.host !== null) continue;
    const va = gi * PGDIR_SIZE + x * PUD_SIZE;
    replaceRange(pud.runs, pudRunKind, x, y, []);
    releaseTables(m, mm, (y - x) * (1 + ENTRIES));
    emit(m, { k: 'free', mm: mm.id, level: 'pte', va, count: (y - x) * ENTRIES });
    emit(m, { k: 'free', mm: mm.id, level: 'pmd', va, count: y - x });
  }
}

/** Whether an msharefs window's PGD entry still points at this host PUD page, entry gi of the host (it stays, as in the reference). */
function linkedByWindows(m: Machine, mm: Mm, gi: number, pud: DirTable): boolean {
  const r = mm.isHost ? m.mshares.get(mm.id) : undefined;
  // A window links the host's entry gi at the same place in its own window (as a link fault sets it).
  return r !== undefined && r.windows.some((w) => w.mm.pgd.children.get(Math.floor((w.vma.start + gi * PGDIR_SIZE - r.base) / PGDIR_SIZE)) === pud);
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
export function releaseAnon(m: Machine, gone: readonly Vma[]): void {
  for (const v of gone) {
    const obj = v.obj;
    if (obj.kind !== 'anon' || obj.mappers.total > 0 || !m.anon.has(obj)) continue;
    const pages = obj.cache.size();
    m.usedFrames -= pages;
    m.filePages -= pages;
    m.anon.delete(obj);
    m.cacheChanged.add(obj);
  }
}
