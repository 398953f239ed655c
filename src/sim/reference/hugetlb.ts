/**
 * hugetlb PMD sharing (SPEC 1.4): the partner search at fault time and the
 * unsharing of a caller's 1 GiB windows before it changes or drops them.
 */
import { alignDown, indexAt, PUD_SIZE, type Vaddr } from '../geometry';
import type { Mm, Out, RefState, Table, Vma } from './state';
import { tableAt, uncharge, unlinkChild } from './tables';
import { linksAt } from './walk';

function mod(a: number, m: number): number {
  return ((a % m) + m) % m;
}

function sameProt(a: Vma, b: Vma): boolean {
  return a.prot.read === b.prot.read && a.prot.write === b.prot.write && a.prot.exec === b.prot.exec;
}

/**
 * The first VMA (mm id order, then address order; the faulting VMA excepted) that
 * maps the same file page at the same offset inside its own 1 GiB window, covers
 * that whole window, has the same file, sharing, prot and advice, and whose mm
 * already has the PMD page for it.
 */
export function findPartner(st: RefState, vma: Vma, va: Vaddr): { mm: Mm; table: Table } | null {
  const filePos = vma.offset + (va - vma.start);
  for (const mm of st.mms) {
    if (!mm.alive || mm.isHost) continue;
    for (const s of mm.vmas) {
      if (s === vma || s.obj !== vma.obj || !s.shared || !sameProt(s, vma) || s.advice !== vma.advice) continue;
      const sAddr = s.start + (filePos - s.offset);
      if (mod(sAddr, PUD_SIZE) !== mod(va, PUD_SIZE)) continue;
      const win = alignDown(sAddr, PUD_SIZE);
      if (win < s.start || win + PUD_SIZE > s.end) continue;
      const pud = tableAt(mm, 'pud', win);
      const e = pud === null ? undefined : pud.entries[indexAt('pud', win)];
      if (e !== undefined && e.kind === 'table') return { mm, table: e.table };
    }
  }
  return null;
}

/**
 * Unshares every window of mm in [start, end) whose PMD page has more than one
 * user: the PUD entry is cleared, the count drops and mm is uncharged 4096 bytes.
 * Returns whether anything was unshared.
 */
export function unshareRange(out: Out, mm: Mm, start: Vaddr, end: Vaddr): boolean {
  let any = false;
  for (const l of linksAt(mm, 'pud', start, end)) {
    if (l.child.refs.length <= 1) continue;
    const pmd = unlinkChild(l.table, l.index);
    uncharge(pmd, mm);
    // The page now belongs to whoever still points at it.
    const first = pmd.refs[0];
    if (first !== undefined) pmd.owner = first.table.owner;
    out.push({ k: 'unshare', mm: mm.id, va: l.va, len: PUD_SIZE });
    any = true;
  }
  return any;
}
