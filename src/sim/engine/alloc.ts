/**
 * Allocating the upper levels of a walk (PUD and PMD pages) and the sink that
 * turns leaf operations into events, frames and page-cache fills.
 */
import type { Bits } from '../bits';
import type { Access } from '../commands';
import type { FaultKind } from '../events';
import { PAGE_SIZE, PGDIR_SIZE, PUD_SIZE, alignDown, indexAt, type Vaddr } from '../geometry';
import type { Sink, Source } from './leafops';
import { emit, takeFilePages, takeTables } from './machine';
import { DirTable, PmdTable } from './tables';
import type { Machine, MemObject, Mm, Vma } from './state';
import { leafAllows } from './faultbits';
import { pageOf } from './vma';
import { pmdToWrite, pudOf } from './walk';

/** The PUD page for va in mm's tree, allocated (and charged to mm) if missing. */
export function ensurePud(m: Machine, mm: Mm, va: Vaddr): DirTable {
  const have = pudOf(mm, va);
  if (have !== null) return have;
  const t = new DirTable('pud', mm);
  mm.pgd.children.set(indexAt('pgd', va), t);
  takeTables(m, mm, 1);
  emit(m, { k: 'alloc', mm: mm.id, level: 'pud', va: alignDown(va, PGDIR_SIZE), count: 1, charged: mm.id });
  return t;
}

/** The PMD page for va, allocated as a private page if missing. */
export function ensurePmd(m: Machine, mm: Mm, va: Vaddr): PmdTable {
  const have = pmdToWrite(m, mm, va);
  if (have !== null) return have;
  const pud = ensurePud(m, mm, va);
  const t = new PmdTable(mm, `${mm.id}/${indexAt('pgd', va)}/${indexAt('pud', va)}`);
  pud.children.set(indexAt('pud', va), t);
  takeTables(m, mm, 1);
  emit(m, { k: 'alloc', mm: mm.id, level: 'pmd', va: alignDown(va, PUD_SIZE), count: 1, charged: mm.id });
  return t;
}

/** Pages of obj's cache missing in [page, page+count): read them in, with `fill` events. */
export function fillCache(m: Machine, obj: MemObject, page: number, count: number): void {
  if (count === 1) return fillCachePage(m, obj, page);
  for (const [a, b] of obj.cache.gapsIn(page, page + count)) {
    emit(m, { k: 'fill', file: obj.name, page: a, count: b - a });
    takeFilePages(m, b - a);
  }
  obj.cache.add(page, page + count);
  m.cacheChanged.add(obj);
}

/** Where a VMA's leaves point: the page of its object that each address maps. */
class VmaSource implements Source {
  readonly obj: MemObject;
  private readonly vma: Vma;
  constructor(vma: Vma) {
    this.vma = vma;
    this.obj = vma.obj;
  }
  pageAt(va: Vaddr): number {
    return pageOf(this.vma, va);
  }
}

/** fillCache of one page, with no list of gaps to build. */
function fillCachePage(m: Machine, obj: MemObject, page: number): void {
  if (!obj.cache.has(page)) {
    emit(m, { k: 'fill', file: obj.name, page, count: 1 });
    takeFilePages(m, 1);
    obj.cache.add(page, page + 1);
  }
  m.cacheChanged.add(obj);
}

export function vmaSource(vma: Vma): Source {
  return new VmaSource(vma);
}

/**
 * The sink of a touch: `faulter` took the faults (`kind`), tables are charged
 * to the PMD page's owner, file pages come into the cache as leaves are filled.
 */
export type TouchSink = Sink;

/** A touch's sink as one object (a touch of one page makes one). */
class FaultSink implements TouchSink {
  private readonly m: Machine;
  private readonly faulter: Mm;
  private readonly vma: Vma;
  private readonly access: Access;
  private readonly kind: FaultKind;
  private readonly shift: number;
  constructor(m: Machine, faulter: Mm, vma: Vma, access: Access, kind: FaultKind, shift: number) {
    this.m = m;
    this.faulter = faulter;
    this.vma = vma;
    this.access = access;
    this.kind = kind;
    this.shift = shift;
  }
  allocated(pmd: PmdTable, va: Vaddr, count: number): void {
    takeTables(this.m, pmd.owner, count);
    emit(this.m, { k: 'alloc', mm: pmd.owner.id, level: 'pte', va, count, charged: pmd.owner.id });
  }
  filled(pmd: PmdTable, va: Vaddr, len: number, bits: Bits): void {
    this.fault(va, len);
    fillCache(this.m, this.vma.obj, pageOf(this.vma, va), len / PAGE_SIZE);
    this.set(pmd.owner, va, len, bits);
  }
  changed(pmd: PmdTable, va: Vaddr, len: number, from: Bits, to: Bits): void {
    if (!leafAllows(from, this.access)) this.fault(va, len);
    this.set(pmd.owner, va, len, to);
  }
  cleared(): void {
    throw new Error('a touch clears nothing');
  }
  private fault(va: Vaddr, len: number): void {
    emitFault(this.m, this.faulter, va + this.shift, len, this.access, this.kind);
  }
  private set(owner: Mm, va: Vaddr, len: number, bits: Bits): void {
    emitSet(this.m, owner, va, len, bits);
  }
}

/** Faults `faulter` took for [va, va+len). */
export function emitFault(m: Machine, faulter: Mm, va: Vaddr, len: number, access: Access, kind: FaultKind): void {
  emit(m, { k: 'fault', mm: faulter.id, va, len, access, kind });
}

/** PTEs of [va, va+len) written in owner's tables. */
export function emitSet(m: Machine, owner: Mm, va: Vaddr, len: number, bits: Bits): void {
  emit(m, { k: 'set', mm: owner.id, level: 'pte', va, len, bits });
}

/** `shift` moves fault addresses into the faulter's space (msharefs: host and window differ). */
export function touchSink(m: Machine, faulter: Mm, vma: Vma, access: Access, kind: FaultKind, shift = 0): TouchSink {
  return new FaultSink(m, faulter, vma, access, kind, shift);
}
