/**
 * SPEC 1.8, checked from scratch by walking every table: owners and referrers,
 * charges, the system figure, reference and share counts, no dangling entry,
 * nothing charged to a freed mm, every leaf inside a VMA and in the cache.
 */
import { PAGE_SIZE, PGDIR_SIZE, PMD_SIZE, PUD_SIZE, hex } from '../geometry';
import { DirTable, PmdTable } from './tables';
import { findVma, pageOf } from './vma';
import { pmdOf } from './walk';
import type { Machine, Mm } from './state';

export function checkInvariants(m: Machine): string[] {
  const out: string[] = [];
  const charged = new Map<Mm, number>();
  const charge = (mm: Mm, n: number): void => void charged.set(mm, (charged.get(mm) ?? 0) + n);
  const pmdUsers = new Map<PmdTable, Mm[]>();
  let physical = 0;
  for (const mm of m.mms.values()) {
    if (!mm.alive) out.push(`mm ${mm.name} is freed but still listed`);
    physical += 1; // PGD
    for (const [gi, pud] of mm.pgd.children) {
      if (!(pud instanceof DirTable)) {
        out.push(`${mm.name}: a PGD entry points at a PMD page`);
        continue;
      }
      physical += 1;
      charge(mm, 1);
      for (const [ui, pmd] of pud.children) {
        if (!(pmd instanceof PmdTable)) continue;
        const va = gi * PGDIR_SIZE + ui * PUD_SIZE;
        const users = pmdUsers.get(pmd) ?? [];
        users.push(mm);
        pmdUsers.set(pmd, users);
        charge(mm, 1);
        checkPmd(mm, pmd, va, out);
      }
    }
  }
  for (const [pmd, users] of pmdUsers) {
    physical += 1;
    const expected = [...pmd.users].map((u) => u.id).sort((a, b) => a - b);
    const actual = users.map((u) => u.id).sort((a, b) => a - b);
    if (expected.join() !== actual.join()) out.push(`a PMD page lists users [${expected}] but is pointed at by [${actual}]`);
    for (const u of pmd.users) if (!u.alive) out.push(`a PMD page is used by freed mm ${u.name}`);
    for (const r of pmd.runs) {
      if (r.t === 'table' || r.t === 'uniform') {
        physical += r.hi - r.lo;
        charge(pmd.owner, r.hi - r.lo);
      }
    }
  }
  for (const mm of m.mms.values()) {
    const want = charged.get(mm) ?? 0;
    if (mm.charged !== want) out.push(`${mm.name} is charged ${mm.charged} table pages but ${want} are its own`);
  }
  for (const t of m.taskOrder) if (!t.mm.alive && t.mm.charged !== 0) out.push(`freed mm ${t.mm.name} is still charged ${t.mm.charged} pages`);
  if (physical !== m.tablePages) out.push(`the system counts ${m.tablePages} table pages but ${physical} exist`);
  let cached = 0;
  for (const o of m.objects.values()) cached += o.cache.size();
  for (const h of m.hosts) {
    if (!h.mm.alive) out.push(`host of ${h.obj.name} is freed but listed`);
    if (h.guests.length === 0) out.push(`host of ${h.obj.name} has no reference but lives`);
    if (h.obj.host !== h) out.push(`${h.obj.name} does not know its host`);
    for (const g of h.guests) if (!g.alive || !g.vmas.some((v) => v.host === h)) out.push(`host of ${h.obj.name} counts a reference from ${g.name}, which maps no region`);
  }
  for (const mm of m.mms.values()) {
    const hosts = new Set(mm.vmas.map((v) => v.host).filter((h) => h !== null));
    for (const h of hosts) if (!h.guests.includes(mm)) out.push(`${mm.name} maps the region of ${h.obj.name} without a reference`);
  }
  for (const o of m.anon) cached += o.cache.size();
  if (cached !== m.filePages) out.push(`the page cache holds ${cached} pages but ${m.filePages} are counted`);
  if (m.usedFrames !== m.tablePages + m.filePages) out.push(`frames in use ${m.usedFrames} != tables ${m.tablePages} + file pages ${m.filePages}`);
  if (m.usedFrames > m.frames) out.push(`frames in use ${m.usedFrames} exceed the ${m.frames} of RAM`);
  return out;
}

/** Leaves inside VMAs and cached; links pointing at the host's PMD page for the same span. */
function checkPmd(mm: Mm, pmd: PmdTable, va: number, out: string[]): void {
  for (const r of pmd.runs) {
    const at = va + r.lo * PMD_SIZE;
    if (r.t === 'link') {
      const vma = findVma(mm, at);
      const host = vma?.host ?? null;
      if (host === null) {
        out.push(`${mm.name}: a link at ${hex(at)} lies outside any MAP_SHARED_PT region`);
        continue;
      }
      if (pmdOf(host.mm, at) !== r.host) out.push(`${mm.name}: the link at ${hex(at)} does not point at the host's PMD page`);
      continue;
    }
    if (mm.isHost && pmd.owner !== mm && r.t !== 'leaf') out.push(`${mm.name}: foreign PTE pages`);
    const first = r.t === 'table' ? r.table.runs[0] : r;
    if (first === undefined || (r.t === 'uniform' && r.obj === null)) continue;
    const vma = findVma(mm, at);
    if (r.t !== 'table' && (vma === null || vma.end < va + r.hi * PMD_SIZE)) out.push(`${mm.name}: leaves at ${hex(at)} lie outside a VMA`);
    if (r.t === 'table') {
      for (const p of r.table.runs) {
        const pva = at + p.lo * PAGE_SIZE;
        const v = findVma(mm, pva);
        if (v === null || v.obj !== p.obj || pageOf(v, pva) !== p.page0) out.push(`${mm.name}: the PTE at ${hex(pva)} does not match its VMA`);
        if (p.obj.cache.countIn(p.page0, p.page0 + p.hi - p.lo) !== p.hi - p.lo) out.push(`${mm.name}: the PTE at ${hex(pva)} maps an uncached page`);
      }
    }
  }
}
