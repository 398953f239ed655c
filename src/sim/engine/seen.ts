/**
 * Who sees a leaf: the mm whose PMD page holds it and, for a MAP_SHARED_PT
 * host's PTE pages, every guest whose PMD entry links there (SPEC 1.3's
 * "visible to every linked sharer"; the mms whose TLBs must be flushed).
 */
import { PGDIR_SIZE, PMD_SIZE, PUD_SIZE, alignDown, indexAt, type Vaddr } from '../geometry';
import type { MmId } from '../events';
import { piecesIn } from './runs';
import type { PmdTable } from './tables';
import type { Machine, Mm, MshareRegion } from './state';
import { pmdOf, pudOf } from './walk';

/** msharefs: the host and every window whose PGD entry links the host's PUD page for va. */
function windowsSeeing(r: MshareRegion, va: Vaddr, host: MmId): MmId[] {
  const pud = pudOf(r.mm, va);
  const ids = new Set<MmId>([host]);
  for (const w of r.windows) {
    const gva = w.vma.start + (va - r.base);
    if (pud !== null && w.mm.pgd.children.get(Math.floor(gva / PGDIR_SIZE)) === pud) ids.add(w.mm.id);
  }
  return [...ids].sort((a, b) => a - b);
}

/** Splits [va, va+len) into pieces with the list of mms that see each. */
export function seenPieces(m: Machine, pmd: PmdTable, va: Vaddr, len: number): [Vaddr, number, MmId[]][] {
  const owner = pmd.owner;
  if (!owner.isHost) return [[va, len, [owner.id]]];
  const region = m.mshares.get(owner.id);
  if (region !== undefined) return [[va, len, windowsSeeing(region, va, owner.id)]];
  const host = m.hosts.get(owner.id);
  if (host === undefined) return [[va, len, [owner.id]]];
  const base = alignDown(va, PUD_SIZE);
  const e0 = indexAt('pmd', va);
  const e1 = indexAt('pmd', va + len - 1) + 1;
  // Boundaries where some guest's linking changes.
  const cuts = new Set<number>([e0, e1]);
  const linked: { mm: Mm; spans: [number, number][] }[] = [];
  for (const g of host.guests) {
    const gpmd = pmdOf(g, va);
    if (gpmd === null) continue;
    const spans: [number, number][] = [];
    for (const [x, y, r] of piecesIn(gpmd.runs, e0, e1)) {
      if (r?.t !== 'link' || r.host !== pmd) continue;
      spans.push([x, y]);
      cuts.add(x);
      cuts.add(y);
    }
    if (spans.length > 0) linked.push({ mm: g, spans });
  }
  const points = [...cuts].sort((a, b) => a - b);
  const out: [Vaddr, number, MmId[]][] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const x = points[i]!;
    const y = points[i + 1]!;
    const lo = Math.max(va, base + x * PMD_SIZE);
    const hi = Math.min(va + len, base + y * PMD_SIZE);
    const ids = [owner.id, ...linked.filter((l) => l.spans.some(([p, q]) => p <= x && y <= q)).map((l) => l.mm.id)];
    ids.sort((a, b) => a - b);
    out.push([lo, hi - lo, ids]);
  }
  return out;
}
