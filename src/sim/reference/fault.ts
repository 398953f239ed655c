/**
 * The page-fault handler, one page at a time: plain faults, MAP_SHARED_PT guest
 * faults (link or host fault), and hugetlb faults with PMD sharing.
 */
import { D } from '../bits';
import type { Access } from '../commands';
import { alignDown, indexAt, PMD_SIZE, PUD_SIZE, type Level, type Vaddr } from '../geometry';
import { findPartner } from './hugetlb';
import { OutOfMemory, type Mm, type Out, type RefState, type Table, type Vma } from './state';
import { charge, CHILD, eventMm, framesFree, framesPerPage, linkChild, newTable, tableAt } from './tables';
import { allows, freshBits } from './walk';

/** The table below `parent` for va, allocated (charged to `owner`) when missing. */
export function ensureChild(st: RefState, out: Out, parent: Table, owner: Mm, va: Vaddr): Table {
  const i = indexAt(parent.level, va);
  const e = parent.entries[i];
  if (e !== undefined) {
    if (e.kind !== 'table') throw new Error(`slot ${i} of a ${parent.level} table holds a leaf`);
    return e.table;
  }
  const level = CHILD[parent.level] as Level;
  const t = newTable(st, owner, level, va);
  linkChild(parent, i, t);
  out.push({ k: 'alloc', mm: owner.id, level, va: t.va, count: 1, charged: owner.id });
  return t;
}

/** PUD and PMD of mm for va, allocating what is missing. */
function ensurePmd(st: RefState, out: Out, mm: Mm, va: Vaddr): Table {
  const pgd = mm.pgd as Table;
  const pud = ensureChild(st, out, pgd, mm, va);
  return ensureChild(st, out, pud, mm, va);
}

/** Reads the object's page into the page cache if absent (one `fill`). */
function fillPage(st: RefState, out: Out, vma: Vma, page: number): void {
  const obj = vma.obj;
  if (obj.cached.has(page)) return;
  const frames = framesPerPage(obj);
  if (framesFree(st) < frames) throw new OutOfMemory('page');
  st.usedFrames += frames;
  obj.cached.add(page);
  out.push({ k: 'fill', file: obj.name, page, count: frames });
}

/**
 * Writes the leaf for va in `table` (a PTE page, or a PMD page for hugetlb):
 * a new leaf gets the fault's bits; an existing one is made present or writable.
 */
export function writeLeaf(st: RefState, out: Out, table: Table, acting: Mm, vma: Vma, va: Vaddr, access: Access): void {
  const span = table.level === 'pmd' ? PMD_SIZE : 4096;
  const leafVa = alignDown(va, span);
  const page = (vma.offset + (leafVa - vma.start)) / 4096;
  const i = indexAt(table.level, va);
  const old = table.entries[i];
  let bits: number;
  if (old === undefined) {
    fillPage(st, out, vma, page);
    bits = freshBits(vma, access);
    table.entries[i] = { kind: 'leaf', obj: vma.obj, page, bits };
  } else {
    if (old.kind !== 'leaf') throw new Error('a leaf slot points at a table');
    if (allows(old.bits, access)) {
      // Reached through a PMD page just shared: the partner's leaf already serves.
      if (access === 'read' || (old.bits & D) !== 0) return;
      old.bits |= D;
      out.push({ k: 'set', mm: eventMm(table, acting), level: table.level, va: leafVa, len: span, bits: old.bits });
      return;
    }
    // A leaf that faulted (protnone after another sharer's mprotect, or read-only
    // under a write) is written again from the faulting VMA, keeping only D.
    bits = freshBits(vma, access) | (old.bits & D);
    old.bits = bits;
  }
  out.push({ k: 'set', mm: eventMm(table, acting), level: table.level, va: leafVa, len: span, bits });
}

/** An ordinary fault: this mm's own tables all the way down. */
export function normalFault(st: RefState, out: Out, mm: Mm, vma: Vma, va: Vaddr, access: Access): void {
  const pmd = ensurePmd(st, out, mm, va);
  const pte = ensureChild(st, out, pmd, mm, va);
  writeLeaf(st, out, pte, mm, vma, va, access);
  out.push({ k: 'fault', mm: mm.id, va, len: 4096, access, kind: 'normal' });
}

/**
 * A fault in a MAP_SHARED_PT guest (SPEC 1.3): the guest's PUD and PMD first;
 * then either a link fault (copy the host's PMD entry) or a host fault (fill the
 * PTE in the host's tables). The caller retries the access afterwards.
 */
export function guestFault(st: RefState, out: Out, mm: Mm, vma: Vma, va: Vaddr, access: Access): void {
  const host = vma.region;
  if (host === null) throw new Error('guest fault outside a region');
  const pmd = ensurePmd(st, out, mm, va);
  const i = indexAt('pmd', va);
  const mine = pmd.entries[i];
  const hostPmd = tableAt(host.mm, 'pmd', va);
  const theirs = hostPmd === null ? undefined : hostPmd.entries[i];
  const same =
    (mine === undefined && theirs === undefined) ||
    (mine !== undefined && theirs !== undefined && mine.kind === 'table' && theirs.kind === 'table' && mine.table === theirs.table);
  const chunk = alignDown(va, PMD_SIZE);
  if (!same) {
    if (theirs === undefined || theirs.kind !== 'table' || mine !== undefined) {
      throw new Error('guest PMD entry differs from a host entry it cannot copy');
    }
    linkChild(pmd, i, theirs.table);
    out.push({ k: 'fault', mm: mm.id, va: chunk, len: PMD_SIZE, access, kind: 'link' });
    out.push({ k: 'link', mm: mm.id, va: chunk, len: PMD_SIZE, host: host.mm.id });
    return;
  }
  const hpmd = ensurePmd(st, out, host.mm, va);
  const hpte = ensureChild(st, out, hpmd, host.mm, va);
  writeLeaf(st, out, hpte, mm, vma, va, access);
  out.push({ k: 'fault', mm: mm.id, va, len: 4096, access, kind: 'host' });
}

/** A hugetlb fault: PMD leaves, and a shared PMD page when a partner has one (SPEC 1.4). */
export function hugetlbFault(st: RefState, out: Out, mm: Mm, vma: Vma, va: Vaddr, access: Access): void {
  const pud = ensureChild(st, out, mm.pgd as Table, mm, va);
  const i = indexAt('pud', va);
  const windowStart = alignDown(va, PUD_SIZE);
  if (!mm.isHost && pud.entries[i] === undefined && vma.shared && windowStart >= vma.start && windowStart + PUD_SIZE <= vma.end) {
    const partner = findPartner(st, vma, va);
    if (partner !== null) {
      linkChild(pud, i, partner.table);
      charge(partner.table, mm);
      out.push({ k: 'share', mm: mm.id, va: windowStart, len: PUD_SIZE, from: partner.mm.id });
    }
  }
  const pmd = ensureChild(st, out, pud, mm, va);
  writeLeaf(st, out, pmd, mm, vma, va, access);
  out.push({ k: 'fault', mm: mm.id, va: alignDown(va, PMD_SIZE), len: PMD_SIZE, access, kind: 'hugetlb' });
}
