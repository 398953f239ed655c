/**
 * How much of the engine's own memory the world holds, in objects (an mm, a
 * VMA, a table page kept explicitly, a run of entries), so a scenario that
 * would outgrow the machine running the lab is stopped in words instead of
 * crashing it (SPEC 4: the same budget in the runner and the worker).
 * Logical page-table pages are not the measure: a uniform run stands for
 * millions of them in one object. Each step recounts only the mms its events
 * name, so the cost follows what changed, not what exists.
 */
import type { MmId } from '../events';
import { DirTable, PmdTable } from './tables';
import type { Machine, Mm } from './state';

/** Objects one mm holds: itself, its VMAs, and the table pages and runs created in its tree. */
export function mmObjects(mm: Mm): number {
  let n = 1 + mm.vmas.length;
  for (const pud of mm.pgd.children.values()) {
    if (!(pud instanceof DirTable) || pud.owner !== mm) continue; // an msharefs window's entry is the host's
    n += 1;
    for (const pmd of pud.children.values()) {
      if (!(pmd instanceof PmdTable) || pmd.users[0] !== mm) continue; // a shared hugetlb page counts once
      n += 1 + pmd.runs.length;
      for (const r of pmd.runs) if (r.t === 'table') n += 1 + r.table.runs.length;
    }
  }
  return n;
}

/** A running count of the world's objects, brought up to date for the mms each step named. */
export class Footprint {
  private readonly perMm = new Map<MmId, number>();
  private total = 0;
  private dirty: Set<MmId> | 'all' = 'all';

  touched(ids: Iterable<MmId>): void {
    if (this.dirty === 'all') return;
    for (const id of ids) this.dirty.add(id);
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
      for (const mm of m.mms.values()) this.set(mm.id, mm.alive ? mmObjects(mm) : 0);
    } else {
      for (const id of dirty) {
        const mm = m.mms.get(id);
        this.set(id, mm !== undefined && mm.alive ? mmObjects(mm) : 0);
      }
    }
    this.dirty = new Set();
    return this.total + m.objects.size + m.anon.size;
  }

  private set(id: MmId, n: number): void {
    this.total += n - (this.perMm.get(id) ?? 0);
    if (n === 0) this.perMm.delete(id);
    else this.perMm.set(id, n);
  }
}
