/**
 * fork's copy of page tables (SPEC 1.2), one table and one entry at a time: for
 * each private VMA holding anonymous pages, every table the parent has over the
 * VMA's range gets a counterpart in the child, each populated leaf is copied,
 * and writable leaves lose W on both sides (copy-on-write).
 */
import { W } from '../bits';
import { entrySpan, ENTRIES, type Level, type Vaddr } from '../geometry';
import { ensureChild } from './fault';
import { SysError, type Mm, type Out, type RefState, type Table, type Vma } from './state';
import { CHILD, framesFree, seenBy } from './tables';

/** copy_page_range's test: a private VMA with an anon_vma. */
export function needsCopy(v: Vma): boolean {
  return !v.shared && v.anon;
}

/** Each parent table below the PGD over [start, end), with the span start it is placed at. */
function tablesOver(mm: Mm, start: Vaddr, end: Vaddr): { level: Level; va: Vaddr }[] {
  const out: { level: Level; va: Vaddr }[] = [];
  const visit = (t: Table, base: Vaddr): void => {
    const span = entrySpan(t.level);
    for (let i = 0; i < ENTRIES; i++) {
      const lo = base + i * span;
      if (lo + span <= start || lo >= end) continue;
      const e = t.entries[i];
      if (e === undefined || e.kind !== 'table') continue;
      out.push({ level: CHILD[t.level] as Level, va: lo });
      visit(e.table, lo);
    }
  };
  if (mm.pgd !== null) visit(mm.pgd, 0);
  return out;
}

/** ENOMEM unless the child's PGD and every copied table fit. */
export function checkForkFrames(st: RefState, parent: Mm): void {
  const keys = new Set<string>();
  for (const v of parent.vmas.filter(needsCopy)) for (const t of tablesOver(parent, v.start, v.end)) keys.add(`${t.level}:${t.va}`);
  if (framesFree(st) < 1 + keys.size) throw new SysError('ENOMEM', 'no memory for the child page tables');
}

/** Copies the tables of the parent's copied VMAs into child (frames already checked). */
export function copyTables(st: RefState, out: Out, parent: Mm, child: Mm): void {
  const vmas = parent.vmas.filter(needsCopy);
  let changed = false;
  for (const v of vmas) {
    const copy = (src: Table, dst: Table, base: Vaddr): void => {
      const span = entrySpan(src.level);
      for (let i = 0; i < ENTRIES; i++) {
        const lo = base + i * span;
        if (lo + span <= v.start || lo >= v.end) continue;
        const e = src.entries[i];
        if (e === undefined) continue;
        if (e.kind === 'table') {
          copy(e.table, ensureChild(st, out, dst, child, lo), lo);
          continue;
        }
        if ((e.bits & W) !== 0) {
          e.bits &= ~W;
          out.push({ k: 'prot', mm: parent.id, level: src.level, va: lo, len: span, bits: e.bits, seenBy: seenBy(src) });
          changed = true;
        }
        dst.entries[i] = { kind: 'leaf', obj: e.obj, page: e.page, bits: e.bits };
        out.push({ k: 'set', mm: child.id, level: src.level, va: lo, len: span, bits: e.bits });
      }
    };
    if (parent.pgd !== null && child.pgd !== null) copy(parent.pgd, child.pgd, 0);
  }
  const first = vmas[0];
  const last = vmas[vmas.length - 1];
  if (changed && first !== undefined && last !== undefined) out.push({ k: 'tlb', mms: [parent.id], va: first.start, len: last.end - first.start });
}
