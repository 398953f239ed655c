/**
 * Creating and freeing mms: a PGD page each (counted in the system figure,
 * never charged, SPEC 1.6), numbered in creation order.
 */
import { emit, releaseTables, takeTables } from './machine';
import { DirTable } from './tables';
import type { Machine, Mm } from './state';

export function newMm(m: Machine, name: string, isHost: boolean): Mm {
  const mm: Mm = { id: m.nextMmId++, name, isHost, pgd: new DirTable('pgd'), vmas: [], charged: 0, tasks: [], alive: true, names: new Map(), mmapBase: 0 };
  takeTables(m, null, 1);
  m.mms.set(mm.id, mm);
  m.mmNames.set(mm.id, name);
  return mm;
}

/** Frees the PGD of an mm whose VMAs and tables are already gone. */
export function freeMm(m: Machine, mm: Mm): void {
  releaseTables(m, null, 1);
  emit(m, { k: 'free', mm: mm.id, level: 'pgd', va: 0, count: 1 });
  mm.alive = false;
  m.mms.delete(mm.id);
}
