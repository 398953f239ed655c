/**
 * SPEC 1.8, checked from scratch by walking every table: owners and referrers,
 * charges, the system figure, reference and share counts, no dangling entry,
 * nothing charged to a freed mm, every leaf inside its VMA and in the cache.
 */
import { PAGE_SIZE, PGDIR_SIZE, PMD_SIZE, PUD_SIZE, hex } from '../geometry';
import { DirTable, PmdTable, type PmdRun } from './tables';
import { firstRunAbove } from './runs';
import { findVma, pageOf } from './vma';
import { pmdOf, pudOf } from './walk';
import type { TraceEvent } from '../events';
import type { Host, Machine, MemObject, Mm, Vma } from './state';

/** What one mm's tables contribute to the checks, kept between steps. */
interface Summary {
  /** Table pages that physically exist because of this mm (its PGD, PUDs, PMDs it owns, PTEs below them). */
  readonly physical: number;
  /** PMD pages it points at, shared ones included. */
  readonly pmds: readonly PmdTable[];
  /** Users listed by the PMD pages it owns (their sum over mms must equal the PMD references). */
  readonly listedUsers: number;
  /** Hosts whose region it maps. */
  readonly hosts: readonly Host[];
  readonly problems: readonly string[];
  /** What each PMD page it points at gave, by PUD entry (gi * 512 + ui): kept for the next step. */
  readonly parts: ReadonlyMap<number, PmdPart>;
}

/** One PMD page's share of an mm's summary: walked again only when a step names its span. */
interface PmdPart {
  readonly pmd: PmdTable;
  readonly problems: readonly string[];
  /** Its PTE pages (counted by the mm that owns it). */
  readonly ptes: number;
}

/** Per mm id, the address ranges a step's events name, or 'all' (walk every table again). */
type Spans = Map<number, [number, number][] | 'all'>;

const LEVEL_SPAN = { pgd: 0, pud: PGDIR_SIZE, pmd: PUD_SIZE, pte: PMD_SIZE } as const;

/** The addresses an event names, if it names a range. */
function spanOf(e: TraceEvent): [number, number] | null {
  if (!('va' in e) || typeof e.va !== 'number') return null;
  if ('len' in e && typeof e.len === 'number') return [e.va, e.va + e.len];
  if ('count' in e && 'level' in e && e.level !== 'pgd') return [e.va, e.va + e.count * LEVEL_SPAN[e.level]];
  if (e.k === 'walk') return [e.va, e.va + 1];
  return null;
}

/**
 * SPEC 1.8 after every step at any scale: each mm's tables are walked again
 * only when the step touched that mm (or took a PMD page it owned); the
 * system-wide sums are kept as running totals of the summaries.
 */
export class InvariantChecker {
  private readonly summaries = new Map<Mm, Summary>();
  private readonly byId = new Map<number, Mm>();
  private dirty: Set<number> | 'all' = 'all';
  private spans: Spans = new Map();
  private physical = 0;
  private references = 0;
  private listed = 0;
  private readonly hostRefs = new Map<Host, number>();
  /** Page cache sizes of the living objects at the last check, and their sum. */
  private readonly cacheSizes = new Map<MemObject, number>();
  private cached = 0;
  private readonly troubled = new Set<Mm>();
  /** Problems found as mms were freed; they stay reported. */
  private readonly freed: string[] = [];

  /**
   * Marks mms a step's events name as changed: where an event names an mm with
   * the range it changed, only that mm's PMD pages over the range are walked
   * again; any other mention has the mm walked whole.
   */
  touched(ids: Iterable<number>, events: readonly TraceEvent[] = []): void {
    if (this.dirty === 'all') return;
    for (const id of ids) this.dirty.add(id);
    const spans = this.spans;
    const whole = (id: number): void => void spans.set(id, 'all');
    const add = (id: number, r: [number, number]): void => {
      const have = spans.get(id);
      if (have === 'all') return;
      if (have === undefined) spans.set(id, [r]);
      else if (have.length > 64) whole(id);
      else have.push(r);
    };
    for (const e of events) {
      const r = spanOf(e);
      const named = (id: number): void => (r === null ? whole(id) : add(id, r));
      if ('mm' in e) named(e.mm);
      if ('seenBy' in e) e.seenBy.forEach(named);
      if ('mms' in e) e.mms.forEach(named);
      if ('host' in e && typeof e.host === 'number') whole(e.host);
      if ('from' in e) whole(e.from);
    }
  }

  full(): void {
    this.dirty = 'all';
  }

  private put(mm: Mm, s: Summary | null): void {
    const old = this.summaries.get(mm);
    const sign = (x: Summary, k: 1 | -1): void => {
      this.physical += k * x.physical;
      this.references += k * x.pmds.length;
      this.listed += k * x.listedUsers;
      for (const h of x.hosts) {
        const n = (this.hostRefs.get(h) ?? 0) + k;
        if (n === 0) this.hostRefs.delete(h); // a released host's entry goes with its last mapping
        else this.hostRefs.set(h, n);
      }
    };
    if (old !== undefined) sign(old, -1);
    if (s === null) {
      this.summaries.delete(mm);
      this.byId.delete(mm.id);
      this.troubled.delete(mm);
      return;
    }
    sign(s, 1);
    this.summaries.set(mm, s);
    this.byId.set(mm.id, mm);
    if (s.problems.length > 0) this.troubled.add(mm);
    else this.troubled.delete(mm);
  }

  check(m: Machine): string[] {
    if (this.dirty === 'all') for (const mm of [...this.summaries.keys()]) this.put(mm, null);
    const redo = new Set<Mm>();
    const dirty = this.dirty;
    // The PMD pages the changed mms used before this step: one may have lost a user or
    // passed to a new owner, whose summary counts its users and PTE pages.
    const usedBefore: PmdTable[] = [];
    const consider = (mm: Mm): void => {
      usedBefore.push(...(this.summaries.get(mm)?.pmds ?? []));
      if (mm.alive && m.mms.get(mm.id) === mm) return void redo.add(mm);
      for (const pmd of this.summaries.get(mm)?.pmds ?? []) if (pmd.hasUser(mm)) this.freed.push(`a PMD page is still used by freed mm ${mm.name}`);
      this.put(mm, null);
      // As posted, what was leaked stays charged: a finding of the scenario (SPEC 1.6), not a bug.
      if (mm.charged !== mm.leaked) this.freed.push(`BUG: non-zero pgtables_bytes on freeing mm: ${mm.charged * 4096} (${mm.name})`);
    };
    if (dirty === 'all') for (const mm of m.mms.values()) redo.add(mm);
    else {
      for (const id of dirty) {
        const kept = this.byId.get(id);
        if (kept !== undefined) consider(kept);
        const mm = m.mms.get(id);
        if (mm !== undefined) redo.add(mm);
      }
    }
    const spans = dirty === 'all' ? null : this.spans;
    for (const mm of redo) this.put(mm, summarise(mm, this.summaries.get(mm), spans?.get(mm.id) ?? 'all'));
    const owners = new Set<Mm>();
    for (const pmd of usedBefore) if (pmd.users[0] !== undefined) owners.add(pmd.users[0]);
    for (const owner of owners) if (owner.alive && !redo.has(owner)) this.put(owner, summarise(owner, undefined, 'all'));
    this.dirty = new Set();
    this.spans = new Map();
    const out: string[] = [...this.freed];
    for (const mm of this.troubled) out.push(...this.summaries.get(mm)!.problems);
    // Each mm pointing at a PMD page is listed by it (checked per mm), so equal sums mean no extra listings.
    if (this.references !== this.listed) out.push(`PMD pages list ${this.listed} users but ${this.references} PUD entries point at them`);
    if (this.physical + m.leakedTables !== m.tablePages) out.push(`the system counts ${m.tablePages} table pages but ${this.physical} exist (${m.leakedTables} leaked)`);
    for (const h of m.hosts.values()) {
      if (!h.mm.alive) out.push(`host of ${h.obj.name} is freed but listed`);
      if (h.guests.size + h.leaked === 0) out.push(`host of ${h.obj.name} has no reference but lives`);
      if (h.obj.host !== h) out.push(`${h.obj.name} does not know its host`);
      const mapping = this.hostRefs.get(h) ?? 0;
      if (mapping !== h.guests.size) out.push(`host of ${h.obj.name} counts ${h.guests.size} references but ${mapping} mms map its region`);
    }
    for (const [h, n] of this.hostRefs) if (n !== 0 && m.hosts.get(h.mm.id) !== h) out.push(`${n} mms map the region of a released host of ${h.obj.name}`);
    for (const r of m.mshares.values()) {
      if (!r.mm.alive) out.push(`the host of ${r.name} is freed but listed`);
      if (r.unlinked && r.windows.length === 0) out.push(`${r.name} is unlinked and unattached but its host lives`);
      for (const w of r.windows) if (!w.mm.alive || !w.mm.vmas.has(w.vma)) out.push(`${r.name} counts a reference of a window that is gone`);
    }
    this.countCache(m, dirty === 'all');
    checkFrames(m, this.cached, out);
    return out;
  }

  /** The page cache's size: summed from scratch on a full check, else updated for the objects that changed. */
  private countCache(m: Machine, full: boolean): void {
    const live = (o: MemObject): boolean => m.objects.get(o.name) === o || m.anon.has(o);
    const changed = full ? [...m.objects.values(), ...m.anon] : m.cacheChanged;
    if (full) {
      this.cacheSizes.clear();
      this.cached = 0;
    }
    for (const o of changed) {
      this.cached -= this.cacheSizes.get(o) ?? 0;
      if (!live(o)) {
        this.cacheSizes.delete(o);
        continue;
      }
      const n = o.cache.size();
      this.cacheSizes.set(o, n);
      this.cached += n;
    }
    // A full check leaves the list for the engine's own checker (checkInvariants runs one on the side).
    if (!full) m.cacheChanged.clear();
  }
}

/**
 * Everything SPEC 1.8 says of one mm's own tree. A PMD page whose span the
 * step did not name keeps its part of `before` (a host mm is walked whole:
 * what its guests and windows do reaches it at their addresses).
 */
function summarise(mm: Mm, before: Summary | undefined, spans: readonly [number, number][] | 'all'): Summary {
  const problems: string[] = [];
  const pmds: PmdTable[] = [];
  const parts = new Map<number, PmdPart>();
  const kept = spans === 'all' || mm.isHost ? undefined : before?.parts;
  const named = (lo: number, hi: number): boolean => spans === 'all' || spans.some(([a, b]) => a < hi && lo < b);
  let physical = 1; // the PGD
  let own = 0; // pages that should be charged to mm
  if (!mm.alive) problems.push(`mm ${mm.name} is freed but still listed`);
  // Each PMD page it owns counts once, even when two of its PUD entries point there.
  const owned = new Set<PmdTable>();
  let listedUsers = 0;
  for (const [gi, pud] of mm.pgd.children) {
    if (!(pud instanceof DirTable)) {
      problems.push(`${mm.name}: a PGD entry points at a PMD page`);
      continue;
    }
    if (pud.owner !== mm) {
      checkPgdLink(mm, gi, pud, problems);
      continue;
    }
    physical += 1;
    own += 1;
    for (const [ui, pmd] of pud.children) {
      if (!(pmd instanceof PmdTable)) continue;
      pmds.push(pmd);
      own += 1;
      const va = gi * PGDIR_SIZE + ui * PUD_SIZE;
      const key = gi * 512 + ui;
      let part = kept?.get(key);
      if (part === undefined || part.pmd !== pmd) part = walkPmd(mm, pmd, va, null);
      // A page that had nothing wrong needs its named runs checked again, not all 512 entries.
      else if (named(va, va + PUD_SIZE)) part = walkPmd(mm, pmd, va, part.problems.length === 0 && spans !== 'all' ? entriesIn(spans, va) : null);
      parts.set(key, part);
      if (part.problems.length > 0) problems.push(...part.problems);
      if (pmd.owner !== mm || owned.has(pmd)) continue;
      owned.add(pmd);
      physical += 1 + part.ptes;
      own += part.ptes;
      listedUsers += pmd.users.length;
    }
  }
  if (mm.charged !== own) problems.push(`${mm.name} is charged ${mm.charged} table pages but ${own} are its own`);
  const hosts = [...new Set(mm.vmas.map((v) => v.host).filter((h) => h !== null))];
  for (const h of hosts) if (!h.guests.has(mm)) problems.push(`${mm.name} maps the region of ${h.obj.name} without a reference`);
  for (const v of mm.vmas) if (v.mshare !== null && !v.mshare.windows.some((w) => w.vma === v)) problems.push(`${mm.name} has a window on ${v.mshare.name} without a reference`);
  return { physical, pmds, listedUsers, hosts, problems, parts };
}

const NO_PROBLEMS: readonly string[] = [];
/** Where walkPmd collects problems: most PMD pages have none, and then no array is made. */
const found: string[] = [];

/** One PMD page's part of an mm's summary, walked now. */
/** The PMD entries of the page at va that `spans` name, as sorted disjoint [lo, hi) ranges. */
function entriesIn(spans: readonly [number, number][], va: number): [number, number][] {
  const out: [number, number][] = [];
  for (const [a, b] of spans) {
    const lo = Math.max(0, Math.floor((a - va) / PMD_SIZE));
    const hi = Math.min(512, Math.ceil((b - va) / PMD_SIZE));
    if (lo < hi) out.push([lo, hi]);
  }
  out.sort((x, y) => x[0] - y[0]);
  const merged: [number, number][] = [];
  for (const r of out) {
    const top = merged[merged.length - 1];
    if (top !== undefined && r[0] <= top[1]) top[1] = Math.max(top[1], r[1]);
    else merged.push(r);
  }
  return merged;
}

/** `only`: check just the runs over these entries (the others were checked and found sound). */
function walkPmd(mm: Mm, pmd: PmdTable, va: number, only: readonly [number, number][] | null): PmdPart {
  if (!pmd.hasUser(mm)) found.push(`${mm.name} points at a PMD page that does not list it as a user`);
  checkPmd(mm, pmd, va, found, only);
  const problems = found.length === 0 ? NO_PROBLEMS : found.splice(0);
  return { pmd, problems, ptes: ptePages(pmd) };
}

/** msharefs: a PGD entry into another tree lies in a window and points at the host's PUD page there. */
function checkPgdLink(mm: Mm, gi: number, pud: DirTable, out: string[]): void {
  const va = gi * PGDIR_SIZE;
  const w = findVma(mm, va);
  const r = w?.mshare ?? null;
  if (w === null || r === null) return void out.push(`${mm.name}: a PGD link at ${hex(va)} lies outside any msharefs window`);
  if (!r.windows.some((x) => x.vma === w)) out.push(`${mm.name}: its window on ${r.name} holds no reference`);
  if (pudOf(r.mm, r.base + (va - w.start)) !== pud) out.push(`${mm.name}: the PGD link at ${hex(va)} does not point at ${r.mm.name}'s PUD page`);
}

function ptePages(pmd: PmdTable): number {
  let n = 0;
  for (const r of pmd.runs) if (r.t === 'table' || r.t === 'uniform') n += r.hi - r.lo;
  return n;
}

/** The whole check from scratch (tests; the engine keeps an InvariantChecker). */
export function checkInvariants(m: Machine): string[] {
  return new InvariantChecker().check(m);
}

function checkFrames(m: Machine, cached: number, out: string[]): void {
  if (cached !== m.filePages) out.push(`the page cache holds ${cached} pages but ${m.filePages} are counted`);
  if (m.usedFrames !== m.tablePages + m.filePages) out.push(`frames in use ${m.usedFrames} != tables ${m.tablePages} + file pages ${m.filePages}`);
  if (m.usedFrames > m.frames) out.push(`frames in use ${m.usedFrames} exceed the ${m.frames} of RAM`);
}

/** Leaves inside a VMA that maps them and cached; links into the host's PMD page for the span. */
function checkPmd(mm: Mm, pmd: PmdTable, va: number, out: string[], only: readonly [number, number][] | null = null): void {
  // Consecutive runs mostly lie in one VMA: look it up again only past its ends.
  let last: Vma | null = null;
  const vmaAt = (at: number): Vma | null => (last !== null && last.start <= at && at < last.end ? last : (last = findVma(mm, at)));
  const check = (r: PmdRun): void => checkPmdRun(mm, r, va, out, vmaAt);
  if (only === null) return pmd.runs.forEach(check);
  // Disjoint sorted entry ranges: each run overlapping them is checked once.
  let i = 0;
  for (const [lo, hi] of only) {
    for (i = Math.max(i, firstRunAbove(pmd.runs, lo)); i < pmd.runs.length && pmd.runs[i]!.lo < hi; i++) check(pmd.runs[i]!);
  }
}

/** One run of a PMD page: links into the host's page, leaves inside the VMA that maps them and cached. */
function checkPmdRun(mm: Mm, r: PmdRun, va: number, out: string[], vmaAt: (at: number) => Vma | null): void {
  const at = va + r.lo * PMD_SIZE;
  const vma = vmaAt(at);
  if (r.t === 'link') {
    const host = vma?.host ?? null;
    if (host === null) out.push(`${mm.name}: a link at ${hex(at)} lies outside any MAP_SHARED_PT region`);
    else if (pmdOf(host.mm, at) !== r.host) out.push(`${mm.name}: the link at ${hex(at)} does not point at the host's PMD page`);
    return;
  }
  if (r.t === 'table') {
    for (const p of r.table.runs) {
      const pva = at + p.lo * PAGE_SIZE;
      if (!mapsLinearly(p.obj, p.page0, pva, (p.hi - p.lo) * PAGE_SIZE, vmaAt)) out.push(`${mm.name}: the PTEs at ${hex(pva)} do not match their VMA`);
      if (p.obj.cache.countIn(p.page0, p.page0 + p.hi - p.lo) !== p.hi - p.lo) out.push(`${mm.name}: the PTEs at ${hex(pva)} map uncached pages`);
    }
    return;
  }
  if (r.obj === null) return;
  const pages = (r.hi - r.lo) * (PMD_SIZE / PAGE_SIZE);
  if (!mapsLinearly(r.obj, r.page0, at, (r.hi - r.lo) * PMD_SIZE, vmaAt)) out.push(`${mm.name}: the leaves at ${hex(at)} do not match their VMA`);
  if (r.obj.cache.countIn(r.page0, r.page0 + pages) !== pages) out.push(`${mm.name}: the leaves at ${hex(at)} map uncached pages`);
}

/** Whether the VMAs (found by `vmaAt`) map [va, va+len) to obj's pages page0, page0+1, ... (across VMA boundaries). */
function mapsLinearly(obj: MemObject, page0: number, va: number, len: number, vmaAt: (at: number) => Vma | null): boolean {
  for (let at = va; at < va + len; ) {
    const v = vmaAt(at);
    if (v === null || v.obj !== obj || pageOf(v, at) !== page0 + (at - va) / PAGE_SIZE) return false;
    at = v.end;
  }
  return true;
}
