/**
 * A touch of whole empty 1 GiB windows of an ordinary mapping, done as one
 * PUD run (pudruns.ts) instead of a PMD page per window, and of whole windows
 * of a run, done on the run: what a process touching terabytes costs is then
 * the runs, not the windows. It records the events the span-by-span path
 * would (emit folds those into the same few), and it runs only when every
 * frame is there; otherwise that path finds the exact OOM point.
 */
import type { Access } from '../../commands';
import { ENTRIES, PUD_SIZE, indexAt, type Vaddr } from '../../geometry';
import { emitFault, emitSet, ensurePud, fillCache } from '../alloc';
import { touchRule } from '../faultbits';
import { emit, freeFrames, takeTables } from '../machine';
import { PMD_PAGE_PAGES, addPudRun, pudRunAt, runWindowAt } from '../pudruns';
import { touchOnRun } from './plainTouch';
import { DirTable } from '../tables';
import { pageOf } from '../vma';
import type { Machine, Mm, Vma } from '../state';

/** Touches the whole windows of [s, hi) from s on that are empty, or of one PUD run, within one PUD page; the bytes done (0: none). */
export function touchWindows(m: Machine, mm: Mm, vma: Vma, s: Vaddr, hi: Vaddr, access: Access): number {
  if (!m.pudRuns || mm.isHost || s % PUD_SIZE !== 0 || hi - s < PUD_SIZE) return 0;
  if (runWindowAt(mm, s) !== null) {
    const done = touchOnRun(m, mm, vma, s, s + PUD_SIZE, access, hi);
    return done === null ? 0 : done - s;
  }
  const have = mm.pgd.children.get(indexAt('pgd', s));
  if (have !== undefined && !(have instanceof DirTable && have.owner === mm)) return 0;
  const pud = have ?? null;
  const u0 = indexAt('pud', s);
  const top = Math.min(ENTRIES, u0 + Math.floor((hi - s) / PUD_SIZE));
  let u1 = u0;
  while (u1 < top && (pud === null || (!pud.children.has(u1) && pudRunAt(pud, u1) === null))) u1++;
  const k = u1 - u0;
  if (k === 0) return 0;
  const p0 = pageOf(vma, s);
  const pages = k * PMD_PAGE_PAGES;
  const cost = (pud === null ? 1 : 0) + k * (1 + ENTRIES) + pages - vma.obj.cache.countIn(p0, p0 + pages);
  if (cost > freeFrames(m)) return 0;
  const bits = touchRule(vma, access).fill;
  const len = k * PUD_SIZE;
  const target = ensurePud(m, mm, s);
  takeTables(m, mm, k);
  emit(m, { k: 'alloc', mm: mm.id, level: 'pmd', va: s, count: k, charged: mm.id });
  takeTables(m, mm, k * ENTRIES);
  emit(m, { k: 'alloc', mm: mm.id, level: 'pte', va: s, count: k * ENTRIES, charged: mm.id });
  emitFault(m, mm, s, len, access, 'normal');
  fillCache(m, vma.obj, p0, pages);
  emitSet(m, mm, s, len, bits);
  addPudRun(target, { lo: u0, hi: u1, obj: vma.obj, page0: p0, bits, host: null });
  return len;
}
