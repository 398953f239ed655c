/**
 * SPEC 1.8, recomputed from scratch: walk every live mm's tree, derive who
 * points at each table and who should pay for it, and compare with what the
 * model recorded along the way.
 */
import { entrySpan, ENTRIES, PMD_SIZE } from '../geometry';
import type { Mm, RefState, Table } from './state';
import { CHILD, framesPerPage } from './tables';
import { findVma } from './vmas';

function refKey(t: Table, i: number): string {
  return `${t.id}:${i}`;
}

function sortedIds(mms: Mm[]): string {
  return mms
    .map((m) => m.id)
    .sort((a, b) => a - b)
    .join(',');
}

/** Every broken invariant, as a sentence; empty when all hold. */
export function checkInvariants(st: RefState): string[] {
  const bad: string[] = [];
  const reached = new Set<Table>();
  const derivedRefs = new Map<Table, Set<string>>();
  const refOwners = new Map<Table, Mm[]>();

  const visit = (mm: Mm, t: Table, base: number): void => {
    const first = !reached.has(t);
    reached.add(t);
    if (t.freed) bad.push(`mm ${mm.id} reaches a freed ${t.level} table at ${base}`);
    const span = entrySpan(t.level);
    for (let i = 0; i < ENTRIES; i++) {
      const e = t.entries[i];
      if (e === undefined) continue;
      const va = base + i * span;
      if (e.kind === 'table') {
        if (e.table.level !== CHILD[t.level]) bad.push(`a ${t.level} entry points at a ${e.table.level} table`);
        if (first) {
          const refs = derivedRefs.get(e.table) ?? new Set<string>();
          refs.add(refKey(t, i));
          derivedRefs.set(e.table, refs);
          refOwners.set(e.table, [...(refOwners.get(e.table) ?? []), t.owner]);
        }
        // An msharefs window's PGD entry leads into the host's tree, which the host's walk checks.
        if (t.level === 'pgd' && e.table.owner !== mm) {
          const w = findVma(mm, va);
          if (w?.mshare === undefined || w.mshare === null || !w.mshare.windows.some((x) => x.vma === w)) bad.push(`mm ${mm.id}: a PGD link at ${va} outside an attached window`);
          continue;
        }
        visit(mm, e.table, va);
        continue;
      }
      // A leaf maps the page its walker's VMA at that address says it maps.
      const v = findVma(mm, va);
      const want = v === undefined ? -1 : (v.offset + (va - v.start)) / 4096;
      if (v === undefined || v.obj !== e.obj || want !== e.page) {
        bad.push(`mm ${mm.id}: leaf at ${va} maps ${e.obj.name}:${e.page} but its VMA says otherwise`);
      }
      if (t.level === 'pmd' && !e.obj.hugetlb) bad.push(`a PMD leaf maps a non-hugetlb page at ${va}`);
    }
  };
  for (const mm of st.mms) {
    if (!mm.alive) {
      // As posted, the tables the free path skipped stay charged (a finding, not a bug).
      let leaked = 0;
      for (const t of st.leaked) leaked += t.charged.filter((x) => x === mm).length;
      if (mm.chargedPages !== leaked) bad.push(`freed mm ${mm.id} still has ${mm.chargedPages} pages charged`);
      if (mm.pgd !== null) bad.push(`freed mm ${mm.id} still has a PGD`);
      continue;
    }
    if (mm.pgd === null) bad.push(`live mm ${mm.id} has no PGD`);
    else visit(mm, mm.pgd, 0);
  }

  const charges = new Map<Mm, number>();
  for (const t of reached) {
    const recorded = new Set(t.refs.map((r) => refKey(r.table, r.index)));
    const derived = derivedRefs.get(t) ?? new Set<string>();
    if (recorded.size !== derived.size || [...derived].some((k) => !recorded.has(k))) {
      bad.push(`${t.level} table ${t.id}: ${recorded.size} recorded referrers, ${derived.size} found`);
    }
    // A shared hugetlb PMD page is charged to each user; every other table to its owner.
    const expect = t.level === 'pgd' ? [] : t.level === 'pmd' ? (refOwners.get(t) ?? []) : [t.owner];
    if (sortedIds(expect) !== sortedIds(t.charged)) {
      bad.push(`${t.level} table ${t.id} charged to [${sortedIds(t.charged)}], expected [${sortedIds(expect)}]`);
    }
    for (const m of t.charged) charges.set(m, (charges.get(m) ?? 0) + 1);
    if (!t.owner.alive) bad.push(`${t.level} table ${t.id} belongs to freed mm ${t.owner.id}`);
    if (t.level === 'pte' && t.refs.some((r) => r.table.owner !== t.owner)) {
      const host = st.hosts.find((h) => h.mm === t.owner);
      if (host === undefined) bad.push(`PTE table ${t.id} is linked from another mm but belongs to no host`);
    }
  }
  for (const mm of st.mms) {
    if (mm.alive && (charges.get(mm) ?? 0) !== mm.chargedPages) {
      bad.push(`mm ${mm.id}: ${mm.chargedPages} pages charged, ${charges.get(mm) ?? 0} found`);
    }
  }
  for (const t of st.tables) if (!reached.has(t) && !st.leaked.has(t)) bad.push(`${t.level} table ${t.id} exists but nothing reaches it`);
  for (const t of reached) if (!st.tables.has(t)) bad.push(`${t.level} table ${t.id} is reached but not counted`);

  let fileFrames = 0;
  for (const o of st.objects) fileFrames += o.cached.size * framesPerPage(o);
  if (st.usedFrames !== st.tables.size + fileFrames) {
    bad.push(`${st.usedFrames} frames used, ${st.tables.size} tables + ${fileFrames} file frames exist`);
  }
  if (st.usedFrames > st.ramFrames) bad.push(`${st.usedFrames} frames used of ${st.ramFrames}`);

  for (const h of st.hosts) {
    const users = st.mms.filter((m) => m.alive && !m.isHost && m.vmas.some((v) => v.region === h)).length;
    if (h.refcount !== users + h.leaked) bad.push(`host ${h.mm.id}: refcount ${h.refcount}, ${users} guests and ${h.leaked} leaked`);
    if (h.refcount <= 0) bad.push(`host ${h.mm.id} alive with refcount ${h.refcount}`);
    if (h.obj.host !== h) bad.push(`file ${h.obj.name} forgot its host ${h.mm.id}`);
    if (h.start % PMD_SIZE !== 0 || h.len % PMD_SIZE !== 0) bad.push(`host ${h.mm.id} region not 2 MiB-aligned`);
  }
  for (const mm of st.mms) {
    if (!mm.alive) continue;
    for (const v of mm.vmas) if (v.region !== null && !st.hosts.includes(v.region)) bad.push(`mm ${mm.id} uses a released host`);
    for (let i = 1; i < mm.vmas.length; i++) {
      const a = mm.vmas[i - 1];
      const b = mm.vmas[i];
      if (a !== undefined && b !== undefined && a.end > b.start) bad.push(`mm ${mm.id}: VMAs overlap`);
    }
  }
  for (const t of st.tasks) if (t.alive && !t.mm.alive) bad.push(`task ${t.name} lives in a freed mm`);
  return bad;
}
