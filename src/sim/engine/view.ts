/**
 * Builds the bounded WorldView of view.ts: per mm, its PGD and the tables
 * covering the range in view, entries as runs, never the whole world.
 */
import { ENTRIES, PAGE_SIZE, PGDIR_SIZE, PMD_SIZE, PUD_SIZE, type Vaddr } from '../geometry';
import type { EntryRun, FileView, MmView, TableView, ViewOptions, VmaView, WorldView } from '../view';
import { DirTable, PmdTable, type PteRun } from './tables';
import type { Machine, MemObject, Mm } from './state';
import { rssPages } from './walk';
import { pmdOfRun } from './pudruns';

const MAX_RANGES = 2000;

function overlaps(va: Vaddr, span: number, o: ViewOptions): boolean {
  return va < o.hi && va + span > o.lo;
}

function leafRuns(runs: readonly PteRun[]): EntryRun[] {
  return runs.map((r) => ({ kind: 'leaf', lo: r.lo, hi: r.hi, file: r.obj.name, page0: r.page0, bits: r.bits, pagesPerEntry: 1 }));
}

function pmdEntries(pmd: PmdTable): EntryRun[] {
  return pmd.runs.map((r): EntryRun => {
    switch (r.t) {
      case 'table':
      case 'uniform':
        return { kind: 'table', lo: r.lo, hi: r.hi, parent: pmd.id };
      case 'leaf':
        return { kind: 'leaf', lo: r.lo, hi: r.hi, file: r.obj.name, page0: r.page0, bits: r.bits, pagesPerEntry: 512 };
      case 'link':
        return { kind: 'link', lo: r.lo, hi: r.hi, parent: r.host.id, host: r.host.owner.id };
    }
  });
}

/** The PTE pages below a PMD page that overlap the range in view, up to `room` of them. */
function pteViews(pmd: PmdTable, base: Vaddr, o: ViewOptions, room: number): TableView[] {
  const out: TableView[] = [];
  for (const r of pmd.runs) {
    if (r.t !== 'table' && r.t !== 'uniform') continue;
    for (let i = r.lo; i < r.hi && out.length < room; i++) {
      const va = base + i * PMD_SIZE;
      if (!overlaps(va, PMD_SIZE, o)) continue;
      const entries: EntryRun[] =
        r.t === 'table'
          ? leafRuns(r.table.runs)
          : r.obj === null
            ? []
            : [{ kind: 'leaf', lo: 0, hi: ENTRIES, file: r.obj.name, page0: r.page0 + (i - r.lo) * 512, bits: r.bits, pagesPerEntry: 1 }];
      out.push({ id: `${pmd.id}/${i}`, level: 'pte', va, owner: pmd.owner.id, referrers: [pmd.owner.id], entries, shared: pmd.owner.isHost });
    }
  }
  return out;
}

export function mmView(m: Machine, mm: Mm, o: ViewOptions): { view: MmView; truncated: boolean } {
  const cap = o.maxPtePerMm ?? 64;
  const tables: TableView[] = [];
  const pgdEntries = joinRuns(
    [...mm.pgd.children].sort((a, b) => a[0] - b[0]).map(([i, pud]): EntryRun => (pud instanceof DirTable && pud.owner !== null && pud.owner !== mm ? pgdLink(i, pud, pud.owner) : { kind: 'table', lo: i, hi: i + 1, parent: String(mm.id) })),
  );
  tables.push({ id: String(mm.id), level: 'pgd', va: 0, owner: mm.id, referrers: [mm.id], entries: pgdEntries, shared: false });
  let ptes = 0;
  let truncated = false;
  for (const [gi, pud] of [...mm.pgd.children].sort((a, b) => a[0] - b[0])) {
    const pudVa = gi * PGDIR_SIZE;
    if (!(pud instanceof DirTable) || pud.owner !== mm || !overlaps(pudVa, PGDIR_SIZE, inView(m, mm, o))) continue;
    const pudId = `${mm.id}/${gi}`;
    const children = [...pud.children, ...runPmdsInView(pud, gi, pudVa, inView(m, mm, o))].sort((a, b) => a[0] - b[0]);
    const entries = joinRuns(
      [
        ...[...pud.children].map(([ui, pmd]): EntryRun =>
          pmd instanceof PmdTable && pmd.id !== `${pudId}/${ui}` ? { kind: 'shared', lo: ui, hi: ui + 1, target: pmd.id } : { kind: 'table', lo: ui, hi: ui + 1, parent: pudId },
        ),
        ...pud.runs.map((r): EntryRun => ({ kind: 'table', lo: r.lo, hi: r.hi, parent: pudId })),
      ].sort((a, b) => a.lo - b.lo),
    );
    tables.push({ id: pudId, level: 'pud', va: pudVa, owner: mm.id, referrers: [mm.id], entries, shared: false });
    for (const [ui, pmd] of children) {
      const va = pudVa + ui * PUD_SIZE;
      if (!(pmd instanceof PmdTable) || !overlaps(va, PUD_SIZE, inView(m, mm, o))) continue;
      if (pmd.id === `${pudId}/${ui}` || pmd.owner === mm) {
        tables.push({ id: pmd.id, level: 'pmd', va, owner: pmd.owner.id, referrers: pmd.users.map((u) => u.id), entries: pmdEntries(pmd), shared: pmd.users.length > 1 || mm.isHost });
        const ptv = pteViews(pmd, va, inView(m, mm, o), cap - ptes);
        ptes += ptv.length;
        tables.push(...ptv);
        if (ptes >= cap) truncated = true;
      }
    }
  }
  const vmas: VmaView[] = mm.vmas.map((v) => ({
    start: v.start,
    end: v.end,
    prot: { ...v.prot },
    shared: v.shared,
    file: v.obj.name,
    offset: v.offset,
    advice: v.advice,
    host: v.host?.mm.id ?? v.mshare?.mm.id ?? null,
    ...(v.mshare === null ? {} : { mshare: v.mshare.name }),
  }));
  const tasks = mm.tasks.map((t) => t.name);
  const pgtablesBytes = mm.charged * PAGE_SIZE;
  const rss = rssPages(mm);
  const shape = digest(JSON.stringify([mm.isHost, pgtablesBytes, rss, vmas, tables.map((t) => [t.level, t.va, t.referrers.length, t.entries.map((e) => relative(e, mm))])]));
  return { view: { id: mm.id, name: mm.name, isHost: mm.isHost, tasks, pgtablesBytes, rssPages: rss, vmas, tables, shape }, truncated };
}

/** The PMD pages a PUD page's runs stand for (pudruns.ts) whose 1 GiB lies in view, as copies to show. */
function runPmdsInView(pud: DirTable, gi: number, pudVa: Vaddr, o: ViewOptions): [number, PmdTable][] {
  const out: [number, PmdTable][] = [];
  for (const r of pud.runs) {
    const lo = Math.max(r.lo, Math.floor((o.lo - pudVa) / PUD_SIZE));
    const hi = Math.min(r.hi, Math.ceil((o.hi - pudVa) / PUD_SIZE));
    for (let ui = lo; ui < hi; ui++) out.push([ui, pmdOfRun(pud, gi, ui, r)]);
  }
  return out;
}

/** A window's PGD entry linked to an msharefs host's PUD page: `shared`, with the host. */
function pgdLink(i: number, pud: DirTable, host: Mm): EntryRun {
  const at = [...host.pgd.children].find(([, t]) => t === pud)?.[0] ?? -1;
  return { kind: 'shared', lo: i, hi: i + 1, target: `${host.id}/${at}`, host: host.id };
}

/** The range a mm's tables are shown for: an msharefs host shows its whole region, which lies elsewhere than the windows. */
function inView(m: Machine, mm: Mm, o: ViewOptions): ViewOptions {
  const r = mm.isHost ? m.mshares.get(mm.id) : undefined;
  return r === undefined ? o : { ...o, lo: r.base, hi: r.base + r.size };
}

/** Joins neighbouring entries that point at their own children: 300 PMD pages are one run. */
function joinRuns(entries: EntryRun[]): EntryRun[] {
  const out: EntryRun[] = [];
  for (const e of entries) {
    const last = out[out.length - 1];
    if (last !== undefined && last.kind === 'table' && e.kind === 'table' && last.hi === e.lo && last.parent === e.parent) out[out.length - 1] = { ...last, hi: e.hi };
    else out.push(e);
  }
  return out;
}

/** An entry with this mm's own ids made relative, so identical processes digest alike. */
function relative(e: EntryRun, mm: Mm): unknown {
  const own = (id: string): string => (id === String(mm.id) || id.startsWith(`${mm.id}/`) ? `@${id.slice(String(mm.id).length)}` : id);
  switch (e.kind) {
    case 'table':
    case 'link':
      return [e.kind, e.lo, e.hi, own(e.parent)];
    case 'shared':
      return [e.kind, e.lo, own(e.target)];
    case 'leaf':
      return [e.kind, e.lo, e.hi, e.file, e.page0, e.bits];
  }
}

/** FNV-1a, as 8 hex digits: a short, stable fingerprint. */
function digest(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function fileView(o: MemObject): { view: FileView; truncated: boolean } {
  // One more than shown tells whether any were left off, without listing a million ranges.
  const ranges = o.cache.ranges(MAX_RANGES + 1);
  return {
    view: { name: o.name, kind: o.kind, size: o.size, cached: ranges.slice(0, MAX_RANGES), host: o.host?.mm.id ?? null },
    truncated: ranges.length > MAX_RANGES,
  };
}

/**
 * The parts of a view that a step may have changed, for a caller that keeps the
 * rest (worker/history.ts): the views of the mms `ids` that still exist, the first
 * `maxFiles` files in view order, the counters, and every mm id in the world.
 */
export function buildViewParts(m: Machine, o: ViewOptions, ids: Iterable<number>, maxFiles: number): ViewParts {
  const mms = new Map<number, { view: MmView; truncated: boolean }>();
  for (const id of ids) {
    const mm = m.mms.get(id);
    if (mm !== undefined) mms.set(id, mmView(m, mm, o));
  }
  const files: FileView[] = [];
  let filesTruncated = false;
  let n = 0;
  for (const obj of [...m.objects.values(), ...m.anon]) {
    if (n++ >= maxFiles) break;
    const r = fileView(obj);
    filesTruncated ||= r.truncated;
    files.push(r.view);
  }
  return {
    mms,
    files,
    fileCount: m.objects.size + m.anon.size,
    filesTruncated,
    memory: { ramBytes: m.ram, pagetablesBytes: m.tablePages * PAGE_SIZE, fileBytes: m.filePages * PAGE_SIZE },
    mmCount: m.mms.size,
  };
}

/**
 * What the first `maxFiles` files' views depend on, cheaply: a cache only ever grows
 * (anonymous memory goes as a whole object), so its page count changes whenever its
 * ranges do. Equal fingerprints mean equal file views.
 */
export function filesFingerprint(m: Machine, maxFiles: number): string {
  const parts: string[] = [];
  for (const obj of [...m.objects.values(), ...m.anon]) {
    if (parts.length >= maxFiles) break;
    parts.push(`${obj.name}|${obj.kind}|${obj.size}|${obj.cache.size()}|${obj.host?.mm.id ?? ''}`);
  }
  return `${m.objects.size + m.anon.size}/${parts.join('/')}`;
}

export interface ViewParts {
  /** The mms asked for that exist, by id; a missing id was freed. */
  readonly mms: ReadonlyMap<number, { readonly view: MmView; readonly truncated: boolean }>;
  readonly files: readonly FileView[];
  /** Files in the world (files holds at most maxFiles of them). */
  readonly fileCount: number;
  readonly filesTruncated: boolean;
  readonly memory: WorldView['memory'];
  readonly mmCount: number;
}

export function buildView(m: Machine, o: ViewOptions): WorldView {
  let truncated = false;
  const mms: MmView[] = [];
  for (const mm of [...m.mms.values()].sort((a, b) => a.id - b.id)) {
    const r = mmView(m, mm, o);
    truncated ||= r.truncated;
    mms.push(r.view);
  }
  const files: FileView[] = [];
  for (const obj of [...m.objects.values(), ...m.anon]) {
    const r = fileView(obj);
    truncated ||= r.truncated;
    files.push(r.view);
  }
  return {
    range: { lo: o.lo, hi: o.hi },
    mms,
    files,
    memory: { ramBytes: m.ram, pagetablesBytes: m.tablePages * PAGE_SIZE, fileBytes: m.filePages * PAGE_SIZE },
    truncated,
  };
}
