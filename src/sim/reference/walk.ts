/**
 * Reading an mm's tree the way the MMU does: one address at a time for a
 * touch, and one populated leaf at a time for the range operations.
 */
import { A, D, NX, P, U, W, type Bits } from '../bits';
import type { Access } from '../commands';
import { entrySpan, indexAt, type Level, type Vaddr, USER_TOP, ENTRIES } from '../geometry';
import type { Entry, Leaf, Mm, Table, Vma } from './state';

export interface WalkResult {
  /** The level whose entry was empty, or null when a leaf was found. */
  readonly stop: Level | null;
  readonly leaf: Leaf | null;
  /** The table holding the leaf. */
  readonly table: Table | null;
}

/** The hardware walk of mm's tree for va, following links into other trees. */
export function walk(mm: Mm, va: Vaddr): WalkResult {
  if (mm.pgd === null || va >= USER_TOP) return { stop: 'pgd', leaf: null, table: null };
  let t: Table = mm.pgd;
  for (;;) {
    const e: Entry | undefined = t.entries[indexAt(t.level, va)];
    if (e === undefined) return { stop: t.level, leaf: null, table: t };
    if (e.kind === 'leaf') return { stop: null, leaf: e, table: t };
    t = e.table;
  }
}

/** What the MMU allows without a fault: read needs P, write needs P and W. */
export function allows(bits: Bits, access: Access): boolean {
  if ((bits & P) === 0) return false;
  return access === 'read' || (bits & W) !== 0;
}

/** The bits a fault writes into an empty leaf (ENGINE.md, "Entries and bits"). */
export function freshBits(vma: Vma, access: Access): Bits {
  let b = P | U | A;
  if (!vma.prot.exec) b |= NX;
  if (access === 'write') b |= W | D;
  // tmpfs has no write-notify: a shared writable mapping is mapped writable at once.
  else if (vma.shared && vma.prot.write) b |= W;
  return b;
}

/** The bits mprotect gives an existing leaf under the VMA's new protection. */
export function protBits(old: Bits, vma: Vma): Bits {
  const p = vma.prot;
  const none = !p.read && !p.write && !p.exec;
  let b = old & (U | A | D);
  if (!none) b |= P;
  if (p.write && (vma.shared || (old & D) !== 0)) b |= W;
  if (!p.exec) b |= NX;
  return b;
}

export interface LeafVisit {
  readonly table: Table;
  readonly index: number;
  readonly leaf: Leaf;
  /** First address the leaf maps in the walking mm's address space. */
  readonly va: Vaddr;
  readonly len: number;
}

/** Every populated leaf mm's tree reaches in [start, end), in address order. */
export function leavesIn(mm: Mm, start: Vaddr, end: Vaddr): LeafVisit[] {
  const out: LeafVisit[] = [];
  const visit = (t: Table, base: Vaddr): void => {
    const span = entrySpan(t.level);
    for (let i = 0; i < ENTRIES; i++) {
      const lo = base + i * span;
      if (lo + span <= start || lo >= end) continue;
      const e = t.entries[i];
      if (e === undefined) continue;
      if (e.kind === 'table') visit(e.table, lo);
      else out.push({ table: t, index: i, leaf: e, va: lo, len: span });
    }
  };
  if (mm.pgd !== null) visit(mm.pgd, 0);
  return out;
}

/** Every (table, slot, address) of mm's tree at `level` pointing at a table, in [start, end). */
export function linksAt(mm: Mm, level: Level, start: Vaddr, end: Vaddr): { table: Table; index: number; va: Vaddr; child: Table }[] {
  const out: { table: Table; index: number; va: Vaddr; child: Table }[] = [];
  const visit = (t: Table, base: Vaddr): void => {
    const span = entrySpan(t.level);
    for (let i = 0; i < ENTRIES; i++) {
      const lo = base + i * span;
      if (lo + span <= start || lo >= end) continue;
      const e = t.entries[i];
      if (e === undefined || e.kind !== 'table') continue;
      if (t.level === level) out.push({ table: t, index: i, va: lo, child: e.table });
      else visit(e.table, lo);
    }
  };
  if (mm.pgd !== null && level !== 'pte') visit(mm.pgd, 0);
  return out;
}

/** Number of 4 KiB pages mm's tables map: populated leaves, links included. */
export function rssPages(mm: Mm): number {
  let n = 0;
  for (const v of leavesIn(mm, 0, USER_TOP)) n += v.len / 4096;
  return n;
}
