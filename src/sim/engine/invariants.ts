/**
 * SPEC 1.8, checked from scratch by walking every table: owners and referrers,
 * charges, the system figure, reference and share counts, no dangling entry,
 * nothing charged to a freed mm, every leaf inside its VMA and in the cache.
 */
import { PAGE_SIZE, PGDIR_SIZE, PMD_SIZE, PUD_SIZE, hex } from '../geometry';
import { DirTable, PmdTable } from './tables';
import { findVma, pageOf } from './vma';
import { pmdOf } from './walk';
import type { Machine, MemObject, Mm } from './state';

let checks = 0;

export function checkInvariants(m: Machine): string[] {
  const out: string[] = [];
  const check = ++checks;
  const own = new Map<Mm, number>(); // table pages each mm should be charged
  const charge = (mm: Mm, n: number): void => void own.set(mm, (own.get(mm) ?? 0) + n);
  const pmds: PmdTable[] = [];
  let physical = 0;
  for (const mm of m.mms.values()) {
    if (!mm.alive) out.push(`mm ${mm.name} is freed but still listed`);
    physical += 1; // the PGD
    for (const [gi, pud] of mm.pgd.children) {
      if (!(pud instanceof DirTable)) {
        out.push(`${mm.name}: a PGD entry points at a PMD page`);
        continue;
      }
      physical += 1;
      charge(mm, 1);
      for (const [ui, pmd] of pud.children) {
        if (!(pmd instanceof PmdTable)) continue;
        if (pmd.seenBy !== check) {
          pmd.seenBy = check;
          pmd.seenCount = 0;
          pmds.push(pmd);
        }
        pmd.seenCount += 1;
        if (!pmd.users.includes(mm)) out.push(`${mm.name} points at a PMD page that does not list it as a user`);
        charge(mm, 1);
        checkPmd(mm, pmd, gi * PGDIR_SIZE + ui * PUD_SIZE, out);
      }
    }
  }
  for (const pmd of pmds) {
    physical += 1;
    if (pmd.seenCount !== pmd.users.length) out.push(`a PMD page counts ${pmd.users.length} users but ${pmd.seenCount} point at it`);
    for (const u of pmd.users) if (!u.alive) out.push(`a PMD page is used by freed mm ${u.name}`);
    for (const r of pmd.runs) {
      if (r.t !== 'table' && r.t !== 'uniform') continue;
      physical += r.hi - r.lo;
      charge(pmd.owner, r.hi - r.lo);
    }
  }
  for (const mm of m.mms.values()) {
    const want = own.get(mm) ?? 0;
    if (mm.charged !== want) out.push(`${mm.name} is charged ${mm.charged} table pages but ${want} are its own`);
  }
  for (const t of m.taskOrder) if (!t.mm.alive && t.mm.charged !== 0) out.push(`freed mm ${t.mm.name} is still charged ${t.mm.charged} pages`);
  if (physical !== m.tablePages) out.push(`the system counts ${m.tablePages} table pages but ${physical} exist`);
  checkHosts(m, out);
  checkFrames(m, out);
  return out;
}

/** Reference counts equal the guests that map the region, and every guest holds one. */
function checkHosts(m: Machine, out: string[]): void {
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
}

function checkFrames(m: Machine, out: string[]): void {
  let cached = 0;
  for (const o of m.objects.values()) cached += o.cache.size();
  for (const o of m.anon) cached += o.cache.size();
  if (cached !== m.filePages) out.push(`the page cache holds ${cached} pages but ${m.filePages} are counted`);
  if (m.usedFrames !== m.tablePages + m.filePages) out.push(`frames in use ${m.usedFrames} != tables ${m.tablePages} + file pages ${m.filePages}`);
  if (m.usedFrames > m.frames) out.push(`frames in use ${m.usedFrames} exceed the ${m.frames} of RAM`);
}

/** Leaves inside a VMA that maps them and cached; links into the host's PMD page for the span. */
function checkPmd(mm: Mm, pmd: PmdTable, va: number, out: string[]): void {
  for (const r of pmd.runs) {
    const at = va + r.lo * PMD_SIZE;
    const vma = findVma(mm, at);
    if (r.t === 'link') {
      const host = vma?.host ?? null;
      if (host === null) out.push(`${mm.name}: a link at ${hex(at)} lies outside any MAP_SHARED_PT region`);
      else if (pmdOf(host.mm, at) !== r.host) out.push(`${mm.name}: the link at ${hex(at)} does not point at the host's PMD page`);
      continue;
    }
    if (r.t === 'table') {
      for (const p of r.table.runs) {
        const pva = at + p.lo * PAGE_SIZE;
        if (!mapsLinearly(mm, p.obj, p.page0, pva, (p.hi - p.lo) * PAGE_SIZE)) out.push(`${mm.name}: the PTEs at ${hex(pva)} do not match their VMA`);
        if (p.obj.cache.countIn(p.page0, p.page0 + p.hi - p.lo) !== p.hi - p.lo) out.push(`${mm.name}: the PTEs at ${hex(pva)} map uncached pages`);
      }
      continue;
    }
    if (r.obj === null) continue;
    const pages = (r.hi - r.lo) * (PMD_SIZE / PAGE_SIZE);
    if (!mapsLinearly(mm, r.obj, r.page0, at, (r.hi - r.lo) * PMD_SIZE)) out.push(`${mm.name}: the leaves at ${hex(at)} do not match their VMA`);
    if (r.obj.cache.countIn(r.page0, r.page0 + pages) !== pages) out.push(`${mm.name}: the leaves at ${hex(at)} map uncached pages`);
  }
}

/** Whether mm's VMAs map [va, va+len) to obj's pages page0, page0+1, ... (across VMA boundaries). */
function mapsLinearly(mm: Mm, obj: MemObject, page0: number, va: number, len: number): boolean {
  for (let at = va; at < va + len; ) {
    const v = findVma(mm, at);
    if (v === null || v.obj !== obj || pageOf(v, at) !== page0 + (at - va) / PAGE_SIZE) return false;
    at = v.end;
  }
  return true;
}
