/**
 * hugetlb PMD sharing (SPEC 1.4, mm/hugetlb.c huge_pmd_share): when a fault
 * finds its PUD entry empty and its 1 GiB window wholly inside a shared VMA,
 * another VMA of the same file with the same window offset and flags may
 * already have a PMD page for it; then this mm points at that page too.
 */
import { PAGE_SIZE, PUD_SIZE, alignDown, indexAt, type Vaddr } from '../../geometry';
import { emit } from '../machine';
import { PmdTable } from '../tables';
import type { Machine, Mm, Vma } from '../state';
import { pageOf } from '../vma';
import { pmdOf, pudOf } from '../walk';

function sameFlags(a: Vma, b: Vma): boolean {
  return a.shared === b.shared && a.advice === b.advice && a.prot.read === b.prot.read && a.prot.write === b.prot.write && a.prot.exec === b.prot.exec;
}

/** Whether the 1 GiB window around va may be shared at all (vma_shareable). */
export function windowShareable(vma: Vma, va: Vaddr): boolean {
  const w = alignDown(va, PUD_SIZE);
  return vma.shared && vma.start <= w && w + PUD_SIZE <= vma.end;
}

/** The PMD page another VMA offers for va's window, and that VMA's mm. */
export function findPartner(m: Machine, mm: Mm, vma: Vma, va: Vaddr): { pmd: PmdTable; from: Mm } | null {
  const idx = pageOf(vma, alignDown(va, PAGE_SIZE));
  for (const id of vma.obj.mappers.ids) {
    const other = m.mms.get(id);
    if (other === undefined || !other.alive || other.isHost) continue;
    for (const s of other.vmas) {
      if (s === vma || s.obj !== vma.obj || !sameFlags(s, vma)) continue;
      const first = s.offset / PAGE_SIZE;
      const pages = (s.end - s.start) / PAGE_SIZE;
      if (idx < first || idx >= first + pages) continue;
      const saddr = s.start + (idx - first) * PAGE_SIZE;
      if (indexAt('pmd', saddr) !== indexAt('pmd', va)) continue;
      const sbase = alignDown(saddr, PUD_SIZE);
      if (s.start > sbase || sbase + PUD_SIZE > s.end) continue;
      if (pudOf(other, sbase) === null) continue;
      const pmd = pmdOf(other, sbase);
      if (pmd === null || pmd === pmdOf(mm, va)) continue;
      return { pmd, from: other };
    }
  }
  return null;
}

/** Points mm's PUD entry for va's window at a partner's PMD page; charged, not allocated. */
export function sharePmd(m: Machine, mm: Mm, va: Vaddr, pmd: PmdTable, from: Mm): void {
  const pud = pudOf(mm, va)!;
  pud.children.set(indexAt('pud', va), pmd);
  pmd.addUser(mm);
  mm.charged += 1;
  emit(m, { k: 'share', mm: mm.id, va: alignDown(va, PUD_SIZE), len: PUD_SIZE, from: from.id });
}

/** Drops mm's use of a shared PMD page (huge_pmd_unshare); true if it was shared. */
export function unsharePmd(m: Machine, mm: Mm, va: Vaddr): boolean {
  const pud = pudOf(mm, va);
  const pmd = pmdOf(mm, va);
  if (pud === null || pmd === null || pmd.users.length < 2) return false;
  pud.children.delete(indexAt('pud', va));
  pmd.removeUser(mm);
  mm.charged -= 1;
  emit(m, { k: 'unshare', mm: mm.id, va: alignDown(va, PUD_SIZE), len: PUD_SIZE });
  return true;
}
