/**
 * A guest's touch of whole GiB windows of its MAP_SHARED_PT region that it has
 * not linked yet, where the host's PMD pages are there and full of leaves the
 * touch leaves as they are (another sharer populated them): nothing happens in
 * the host, and each window is a link fault. Done at once, as a PUD run of
 * link PMD pages (pudruns.ts), with the events the span-by-span path records
 * (emit folds those into the same few); anything else goes span by span. So a
 * sharer joining a populated terabyte costs its runs, not its windows.
 */
import type { Access } from '../../commands';
import { ENTRIES, PUD_SIZE, indexAt, type Vaddr } from '../../geometry';
import { ensurePud } from '../alloc';
import { touchedBits } from '../faultbits';
import { emit, freeFrames, takeTables } from '../machine';
import { addPudRun, pudRunAt } from '../pudruns';
import { DirTable, PmdTable } from '../tables';
import type { Machine, Mm, Vma } from '../state';

/** Links the whole windows of [s, hi) from s on, within one PUD page, that need only a link fault; the bytes done (0: none). */
export function linkWindows(m: Machine, guest: Mm, vma: Vma, s: Vaddr, hi: Vaddr, access: Access): number {
  if (!m.pudRuns || s % PUD_SIZE !== 0 || hi - s < PUD_SIZE || vma.host === null) return 0;
  const host = vma.host.mm;
  const gi = indexAt('pgd', s);
  const have = guest.pgd.children.get(gi);
  if (have !== undefined && !(have instanceof DirTable && have.owner === guest)) return 0;
  const hostPud = host.pgd.children.get(gi);
  if (!(hostPud instanceof DirTable)) return 0;
  const u0 = indexAt('pud', s);
  const top = Math.min(ENTRIES, u0 + Math.floor((hi - s) / PUD_SIZE));
  let u1 = u0;
  while (u1 < top && unlinked(have ?? null, u1) && hostFull(hostPud.children.get(u1), vma, access)) u1++;
  const k = u1 - u0;
  if (k === 0 || (have === undefined ? 1 : 0) + k > freeFrames(m)) return 0;
  const pud = ensurePud(m, guest, s);
  takeTables(m, guest, k);
  emit(m, { k: 'alloc', mm: guest.id, level: 'pmd', va: s, count: k, charged: guest.id });
  const len = k * PUD_SIZE;
  emit(m, { k: 'fault', mm: guest.id, va: s, len, access, kind: 'link' });
  emit(m, { k: 'link', mm: guest.id, va: s, len, host: host.id });
  addPudRun(pud, { lo: u0, hi: u1, obj: null, page0: 0, bits: 0, host: hostPud });
  return len;
}

/** Whether the guest's PUD entry ui points at nothing yet. */
function unlinked(pud: DirTable | null, ui: number): boolean {
  return pud === null || (!pud.children.has(ui) && pudRunAt(pud, ui) === null);
}

/** Whether the host's PMD page is all uniform PTE pages full of leaves this touch leaves as they are. */
function hostFull(t: DirTable | PmdTable | undefined, vma: Vma, access: Access): boolean {
  if (!(t instanceof PmdTable) || t.runs.length !== 1) return false;
  const r = t.runs[0]!;
  return r.t === 'uniform' && r.lo === 0 && r.hi === ENTRIES && r.obj !== null && touchedBits(vma, access, r.bits) === r.bits;
}
