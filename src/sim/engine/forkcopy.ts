/**
 * fork's copy of page tables (SPEC 1.2, Linux's copy_page_range): a private
 * VMA holding anonymous pages has its tables copied into the child, every
 * table the parent has over the VMA's range (empty PTE pages too), and its
 * writable leaves write-protected on both sides, so a later write by either
 * is a copy-on-write fault. Shared VMAs and private ones never written are
 * left for the child to fault in.
 */
import { W, type Bits } from '../bits';
import type { MmId } from '../events';
import { ENTRIES, PAGE_SIZE, PGDIR_SIZE, PMD_SIZE, PUD_SIZE, alignDown, indexAt, type Vaddr } from '../geometry';
import { PMD_PAGE_PAGES, addPudRun, applyOnRun, runWindowAt, type RunWindow } from './pudruns';
import { applyLeafOp, nearOnceJoined, type LeafOp, type Sink, type Source, type Tidy } from './leafops';
import { ensurePmd, ensurePud } from './alloc';
import { emit, takeTables } from './machine';
import { piecesIn, replaceRange } from './runs';
import { pmdRunKind, type PmdRun, type PmdTable } from './tables';
import { pmdOf, pmdToWrite, pudOf } from './walk';
import type { Machine, MemObject, Mm, Vma } from './state';

/** Whether fork copies this VMA's tables (copy_page_range's vma_needs_copy). */
export function needsCopy(v: Vma): boolean {
  return !v.shared && v.anon;
}

/**
 * The 1 GiB spans [a, b) of the copied VMAs where the parent has a PMD page (as
 * `pmdAt` finds it) or at least a PUD page. A window of a PUD run (pudruns.ts)
 * that the span covers whole comes as `run`, with no PMD page looked up.
 */
function* spans(parent: Mm, vmas: readonly Vma[], pmdAt: (s: Vaddr) => PmdTable | null): Generator<{ a: Vaddr; b: Vaddr; s: Vaddr; pmd: PmdTable | null; run: RunWindow | null }> {
  for (const v of vmas) {
    for (let s = alignDown(v.start, PUD_SIZE); s < v.end; s += PUD_SIZE) {
      if (pudOf(parent, s) === null) {
        s = alignDown(s, PGDIR_SIZE) + PGDIR_SIZE - PUD_SIZE; // nothing below this PGD entry
        continue;
      }
      const a = Math.max(v.start, s);
      const b = Math.min(v.end, s + PUD_SIZE);
      const run = a === s && b === s + PUD_SIZE ? runWindowAt(parent, s) : null;
      yield { a, b, s, pmd: run === null ? pmdAt(s) : null, run };
    }
  }
}

/** Table pages the child needs for the copies: one per parent table over the copied ranges. */
export function copyCost(parent: Mm, vmas: readonly Vma[]): number {
  const puds = new Set<number>();
  const pmds = new Set<number>();
  const ptes = new Set<number>();
  // A run window covered whole is in no other copied VMA: its 512 PTE pages are counted once.
  let runPtes = 0;
  for (const { a, b, s, pmd, run } of spans(parent, vmas, (s) => pmdOf(parent, s))) {
    puds.add(Math.floor(s / PGDIR_SIZE));
    if (run !== null) {
      pmds.add(s / PUD_SIZE);
      runPtes += ENTRIES;
      continue;
    }
    if (pmd === null) continue;
    pmds.add(s / PUD_SIZE);
    for (const [x, y, r] of piecesIn(pmd.runs, indexAt('pmd', a), indexAt('pmd', b - 1) + 1)) {
      if (r === null || r.t === 'leaf' || r.t === 'link') continue;
      for (let i = x; i < y; i++) ptes.add(s / PMD_SIZE + i);
    }
  }
  return puds.size + pmds.size + ptes.size + runPtes;
}

/** Copies the tables of `vmas` from parent into child (frames already checked). */
export function copyTables(m: Machine, parent: Mm, child: Mm, vmas: readonly Vma[]): void {
  const flushed = new Set<MmId>();
  // VMA by VMA, each joining runs only around its own range once a page was joined whole;
  // the sinks and operations are made once per fork, not once per VMA or leaf.
  const c: Copy = { m, parent, child, flushed, tidy: nearOnceJoined(), protSink: null as unknown as Sink, setSink: null as unknown as Sink, fill: { populated: same, fill: 0 }, src: new LeafSource() };
  c.protSink = {
    filled() {},
    allocated() {},
    cleared() {},
    changed(_t, va, len, _from, to) {
      emit(m, { k: 'prot', mm: parent.id, level: 'pte', va, len, bits: to, seenBy: [parent.id] });
      flushed.add(parent.id);
    },
  };
  c.setSink = {
    filled(_t, va, len, bits) {
      emit(m, { k: 'set', mm: child.id, level: 'pte', va, len, bits });
    },
    changed() {},
    cleared() {},
    allocated() {},
  };
  // The parent's leaves may lose W: a PUD run's PMD page is made explicit first.
  for (const { a, b, s, pmd, run } of spans(parent, vmas, (s) => pmdToWrite(m, parent, s))) {
    ensurePud(m, child, a);
    if (run !== null) {
      copyRunWindow(c, run, s);
      continue;
    }
    if (pmd === null) continue;
    const cpmd = ensurePmd(m, child, a);
    wrprotect(c, pmd, s, a, b);
    mirror(c, pmd, cpmd, s, a, b);
  }
  const first = vmas[0];
  const last = vmas[vmas.length - 1];
  if (flushed.size > 0 && first !== undefined && last !== undefined) emit(m, { k: 'tlb', mms: [...flushed], va: first.start, len: last.end - first.start });
}

/** What one fork's copy works with. */
interface Copy {
  readonly m: Machine;
  readonly parent: Mm;
  readonly child: Mm;
  readonly flushed: Set<MmId>;
  readonly tidy: Tidy;
  /** The parent's leaves losing W: `prot` events. */
  protSink: Sink;
  /** The child's leaves filled: `set` events. */
  setSink: Sink;
  /** Fills empty leaves with `fill`, leaves populated ones alone. */
  readonly fill: { populated(bits: Bits): Bits | null; fill: Bits };
  readonly src: LeafSource;
}

const same = (bits: Bits): Bits => bits;
const wrprotectOp: LeafOp = { populated: (bits) => bits & ~W, fill: null };

/** Pages of obj from `page` on at `va` on, set for one leaf after another. */
class LeafSource implements Source {
  obj: MemObject = null as unknown as MemObject;
  page = 0;
  va: Vaddr = 0;
  pageAt(va: Vaddr): number {
    return this.page + (va - this.va) / PAGE_SIZE;
  }
}

/** The parent's writable leaves in [a, b) lose W (`prot` events). */
function wrprotect(c: Copy, pmd: PmdTable, s: Vaddr, a: Vaddr, b: Vaddr): void {
  const { m, parent, flushed, tidy } = c;
  applyLeafOp(pmd, s, a, b, wrprotectOp, null, c.protSink, tidy);
  const fresh: PmdRun[] = [];
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) {
    if (r?.t !== 'leaf') continue;
    const page0 = r.page0 + (x - r.lo) * 512;
    fresh.push({ ...r, lo: x, hi: y, page0, bits: r.bits & ~W });
    if ((r.bits & W) === 0) continue;
    emit(m, { k: 'prot', mm: parent.id, level: 'pmd', va: s + x * PMD_SIZE, len: (y - x) * PMD_SIZE, bits: r.bits & ~W, seenBy: [parent.id] });
    flushed.add(parent.id);
  }
  for (const r of fresh) replaceRange(pmd.runs, pmdRunKind, r.lo, r.hi, [r]);
  tidy.pmd(pmd, e0, e1);
}

/**
 * A window of the parent's PUD run, copied on the runs: the parent's leaves lose
 * W, the child's PUD page gets the same uniform PMD page, with the events the
 * copy of an explicit page records (its PMD page, the prot, its PTE pages, its leaves).
 */
function copyRunWindow(c: Copy, w: RunWindow, s: Vaddr): void {
  const { m, child } = c;
  const r = w.run;
  const page0 = r.obj === null ? 0 : r.page0 + (w.ui - r.lo) * PMD_PAGE_PAGES;
  takeTables(m, child, 1);
  emit(m, { k: 'alloc', mm: child.id, level: 'pmd', va: s, count: 1, charged: child.id });
  applyOnRun(w, s, s, s + PUD_SIZE, wrprotectOp, null, c.protSink);
  takeTables(m, child, ENTRIES);
  emit(m, { k: 'alloc', mm: child.id, level: 'pte', va: s, count: ENTRIES, charged: child.id });
  const bits = r.obj === null ? 0 : r.bits & ~W;
  if (r.obj !== null) emit(m, { k: 'set', mm: child.id, level: 'pte', va: s, len: PUD_SIZE, bits });
  addPudRun(pudOf(child, s)!, { lo: w.ui, hi: w.ui + 1, obj: r.obj, page0, bits, host: null });
}

/** The child's PMD page gets a PTE page for each of the parent's, and copies of its leaves. */
function mirror(c: Copy, pmd: PmdTable, cpmd: PmdTable, s: Vaddr, a: Vaddr, b: Vaddr): void {
  const { m, child, tidy } = c;
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  const leaves: { va: Vaddr; len: number; obj: MemObject; page: number; bits: Bits }[] = [];
  for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) {
    if (r === null || r.t === 'link') continue;
    if (r.t === 'leaf') {
      const page0 = r.page0 + (x - r.lo) * 512;
      replaceRange(cpmd.runs, pmdRunKind, x, y, [{ ...r, lo: x, hi: y, page0 }]);
      emit(m, { k: 'set', mm: child.id, level: 'pmd', va: s + x * PMD_SIZE, len: (y - x) * PMD_SIZE, bits: r.bits });
      continue;
    }
    emptyPteTables(m, child, cpmd, s, x, y);
    const lo = Math.max(a, s + x * PMD_SIZE);
    const hi = Math.min(b, s + y * PMD_SIZE);
    if (r.t === 'uniform') {
      if (r.obj !== null) leaves.push({ va: lo, len: hi - lo, obj: r.obj, page: r.page0 + (lo - (s + r.lo * PMD_SIZE)) / PAGE_SIZE, bits: r.bits });
      continue;
    }
    const base = s + x * PMD_SIZE;
    for (const [p, q, pr] of piecesIn(r.table.runs, (lo - base) / PAGE_SIZE, (hi - base) / PAGE_SIZE)) {
      if (pr !== null) leaves.push({ va: base + p * PAGE_SIZE, len: (q - p) * PAGE_SIZE, obj: pr.obj, page: pr.page0 + (p - pr.lo), bits: pr.bits });
    }
  }
  tidy.pmd(cpmd, e0, e1);
  const { src, fill } = c;
  for (const l of leaves) {
    src.obj = l.obj;
    src.page = l.page;
    src.va = l.va;
    fill.fill = l.bits;
    applyLeafOp(cpmd, s, l.va, l.va + l.len, fill, src, c.setSink, tidy);
  }
}

/** Empty PTE pages in the child for entries [x, y) it has none for yet. */
function emptyPteTables(m: Machine, child: Mm, cpmd: PmdTable, s: Vaddr, x: number, y: number): void {
  for (const [p, q, r] of piecesIn(cpmd.runs, x, y)) {
    if (r !== null) continue;
    replaceRange(cpmd.runs, pmdRunKind, p, q, [{ t: 'uniform', lo: p, hi: q, obj: null, page0: 0, bits: 0 }]);
    takeTables(m, child, q - p);
    emit(m, { k: 'alloc', mm: child.id, level: 'pte', va: s + p * PMD_SIZE, count: q - p, charged: child.id });
  }
}
