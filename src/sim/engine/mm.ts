/**
 * Creating and freeing mms: a PGD page each (counted in the system figure,
 * never charged, SPEC 1.6), numbered in creation order.
 */
import { emit, releaseTables, takeTables } from './machine';
import { DirTable, PmdTable } from './tables';
import { runPmdPages } from './pudruns';
import type { Machine, Mm } from './state';
import { VmaList } from './vmalist';

export function newMm(m: Machine, name: string, isHost: boolean): Mm {
  const mm: Mm = { id: m.nextMmId++, name, isHost, pgd: new DirTable('pgd'), vmas: new VmaList(), charged: 0, tasks: [], alive: true, names: new Map(), mmapBase: 0, leaked: 0 };
  takeTables(m, null, 1);
  m.mms.set(mm.id, mm);
  m.mmNames.set(mm.id, name);
  return mm;
}

/**
 * Frees the PGD of an mm whose VMAs are gone. Its other tables are gone too,
 * except as posted, where a guest's PMD pages in a shared range were skipped:
 * they leak, still charged, and the kernel's check_mm complains (SPEC 1.6).
 */
export function freeMm(m: Machine, mm: Mm): void {
  if (mm.charged !== 0 || mm.pgd.children.size > 0) leak(m, mm);
  releaseTables(m, null, 1);
  emit(m, { k: 'free', mm: mm.id, level: 'pgd', va: 0, count: 1 });
  mm.alive = false;
  m.mms.delete(mm.id);
}

function leak(m: Machine, mm: Mm): void {
  let pages = 0;
  for (const pud of mm.pgd.children.values()) {
    if (pud instanceof DirTable && pud.owner !== mm) continue;
    pages++;
    if (!(pud instanceof DirTable)) continue;
    pages += runPmdPages(pud);
    for (const pmd of pud.children.values()) {
      if (!(pmd instanceof PmdTable)) continue;
      pmd.removeUser(mm);
      pages++;
    }
  }
  mm.pgd = new DirTable('pgd');
  mm.leaked = pages;
  m.leakedTables += pages;
  m.findings.push({ mm: mm.name, message: `BUG: non-zero pgtables_bytes on freeing mm: ${mm.charged * 4096}` });
}
