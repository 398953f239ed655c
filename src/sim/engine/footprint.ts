/**
 * How much of the engine's own memory the world holds, in objects (an mm, a
 * VMA, a table page kept explicitly, a run of entries or of PMD pages), so a scenario that
 * would outgrow the machine running the lab is stopped in words instead of
 * crashing it (SPEC 4: the same budget in the runner and the worker).
 * Logical page-table pages are not the measure: a uniform run stands for
 * millions of them in one object. Each step recounts only what its events
 * name (named.ts): the PMD pages over the ranges it changed, so the cost
 * follows what changed, not what exists.
 */
import type { MmId } from '../events';
import { DirTable, PmdTable } from './tables';
import { PROBE_MAX, eachPudRange, mergeNamed, type Named } from './named';
import { ownPud } from './walk';
import type { Machine, Mm } from './state';

/** Objects one PMD page holds: itself, its runs, and the PTE pages it points at with their runs. */
function pmdObjects(pmd: PmdTable): number {
  let n = 1 + pmd.runs.length;
  for (const r of pmd.runs) if (r.t === 'table') n += 1 + r.table.runs.length;
  return n;
}

/** One mm's objects: itself, its VMAs, its PUD pages, and the PMD pages it owns (a shared hugetlb page counts once). */
class MmCount {
  /** PGD entry → PUD entry → the objects of the PMD page there. */
  private readonly pmds = new Map<number, Map<number, number>>();
  private pmdSum = 0;
  total = 0;

  constructor(readonly mm: Mm) {}

  update(named: Named): void {
    const mm = this.mm;
    if (named === 'all') {
      this.pmds.clear();
      this.pmdSum = 0;
    }
    let puds = 0;
    for (const [gi, pud] of mm.pgd.children) {
      if (!(pud instanceof DirTable) || pud.owner !== mm) continue; // an msharefs window's entry is the host's
      puds += 1 + pud.runs.length; // the page and its runs of uniform PMD pages, one object each
      if (named === 'all') for (const ui of pud.children.keys()) this.recount(gi, ui, pud);
    }
    if (named !== 'all') {
      eachPudRange(named, (gi, u0, u1) => {
        const pud = ownPud(this.mm, gi);
        const byUi = this.pmds.get(gi);
        if (u1 - u0 < PROBE_MAX) {
          for (let ui = u0; ui <= u1; ui++) this.recount(gi, ui, pud);
          return;
        }
        const uis = new Set([...(pud?.children.keys() ?? []), ...(byUi?.keys() ?? [])]);
        for (const ui of uis) if (ui >= u0 && ui <= u1) this.recount(gi, ui, pud);
      });
    }
    this.total = 1 + mm.vmas.length + puds + this.pmdSum;
  }

  private recount(gi: number, ui: number, pud: DirTable | null): void {
    const t = pud?.children.get(ui);
    const n = t instanceof PmdTable && t.users[0] === this.mm ? pmdObjects(t) : 0;
    let byUi = this.pmds.get(gi);
    const old = byUi?.get(ui) ?? 0;
    if (n === old) return;
    this.pmdSum += n - old;
    if (n === 0) {
      byUi!.delete(ui);
      if (byUi!.size === 0) this.pmds.delete(gi);
      return;
    }
    if (byUi === undefined) this.pmds.set(gi, (byUi = new Map()));
    byUi.set(ui, n);
  }
}

/** A running count of the world's objects, brought up to date for what each step named. */
export class Footprint {
  private readonly perMm = new Map<MmId, MmCount>();
  private total = 0;
  private dirty: Map<MmId, [number, number][] | 'all'> | 'all' = 'all';

  /** The mms a step named (`ids`: its VMAs may have changed too) and what its events name of their tables (`namedBy`). */
  touched(ids: Iterable<MmId>, named: ReadonlyMap<MmId, Named>): void {
    if (this.dirty === 'all') return;
    for (const id of ids) if (!this.dirty.has(id)) this.dirty.set(id, []);
    mergeNamed(this.dirty, named);
  }

  full(): void {
    this.dirty = 'all';
  }

  /** Objects held now: every live mm's, plus the files and anonymous objects. */
  measure(m: Machine): number {
    const dirty = this.dirty;
    if (dirty === 'all') {
      this.perMm.clear();
      this.total = 0;
      for (const mm of m.mms.values()) this.update(mm.id, mm, 'all');
    } else {
      for (const [id, named] of dirty) this.update(id, m.mms.get(id), named);
    }
    this.dirty = new Map();
    return this.total + m.objects.size + m.anon.size;
  }

  private update(id: MmId, mm: Mm | undefined, named: Named): void {
    let count = this.perMm.get(id);
    const before = count?.total ?? 0;
    if (mm === undefined || !mm.alive) {
      this.perMm.delete(id);
      this.total -= before;
      return;
    }
    if (count === undefined || count.mm !== mm) {
      count = new MmCount(mm);
      this.perMm.set(id, count);
      named = 'all';
    }
    count.update(named);
    this.total += count.total - before;
  }
}
