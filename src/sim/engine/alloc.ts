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
import { pmdOf, pudOf } from './walk';

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
  const have = pmdOf(mm, va);
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
  for (const [a, b] of obj.cache.gapsIn(page, page + count)) {
    emit(m, { k: 'fill', file: obj.name, page: a, count: b - a });
    takeFilePages(m, b - a);
  }
  obj.cache.add(page, page + count);
  m.cacheChanged.add(obj);
}

export function vmaSource(vma: Vma): Source {
  return { obj: vma.obj, pageAt: (va) => pageOf(vma, va) };
}

/**
 * The sink of a touch: `faulter` took the faults (`kind`), tables are charged
 * to the PMD page's owner, file pages come into the cache as leaves are filled.
 */
export type TouchSink = Sink;

/** `shift` moves fault addresses into the faulter's space (msharefs: host and window differ). */
export function touchSink(m: Machine, faulter: Mm, vma: Vma, access: Access, kind: FaultKind, shift = 0): TouchSink {
  const fault = (va: Vaddr, len: number): void => emit(m, { k: 'fault', mm: faulter.id, va: va + shift, len, access, kind });
  const set = (owner: Mm, va: Vaddr, len: number, bits: Bits): void => emit(m, { k: 'set', mm: owner.id, level: 'pte', va, len, bits });
  return {
    allocated(pmd, va, count) {
      takeTables(m, pmd.owner, count);
      emit(m, { k: 'alloc', mm: pmd.owner.id, level: 'pte', va, count, charged: pmd.owner.id });
    },
    filled(pmd, va, len, bits) {
      fault(va, len);
      fillCache(m, vma.obj, pageOf(vma, va), len / PAGE_SIZE);
      set(pmd.owner, va, len, bits);
    },
    changed(pmd, va, len, from, to) {
      if (!leafAllows(from, access)) fault(va, len);
      set(pmd.owner, va, len, to);
    },
    cleared() {
      throw new Error('a touch clears nothing');
    },
  };
}
