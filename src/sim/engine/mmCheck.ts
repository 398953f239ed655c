/**
 * What SPEC 1.8 says of one mm's own tree, kept between steps by the
 * invariant check (invariants.ts) and brought up to date for the ranges a step
 * names: only the PUD entries over them are looked at again, and in a PMD page
 * found sound before only the entries named, so a step costs what it changed,
 * not what the mm holds. A host mm is walked whole: what its guests and
 * windows do reaches it at their addresses.
 */
import { ENTRIES, PAGE_SIZE, PGDIR_SIZE, PMD_SIZE, PUD_SIZE, hex } from '../geometry';
import { PMD_PAGE_PAGES, pudRunAt, runPtePages } from './pudruns';
import { DirTable, PmdTable, type PmdRun } from './tables';
import { firstRunAbove } from './runs';
import { findVma, pageOf } from './vma';
import { PROBE_MAX, eachPudRange, type Named } from './named';
import { ownPud, pmdOf, pudOf } from './walk';
import type { Host, MemObject, Mm, Vma } from './state';


/** What a summary adds to the system-wide sums. */
export interface Totals {
  /** Table pages that physically exist because of this mm (its PGD, PUDs, PMDs it owns, PTEs below them). */
  readonly physical: number;
  /** PUD entries pointing at a PMD page, shared ones included. */
  readonly references: number;
  /** Users listed by the PMD pages it owns (their sum over mms must equal the references). */
  readonly listedUsers: number;
  /** Hosts whose region it maps. */
  readonly hosts: readonly Host[];
}

/** One PMD page's part of an mm's summary, as last walked. */
interface PmdPart {
  readonly pmd: PmdTable;
  readonly problems: readonly string[];
  /** Its PTE pages and listed users (counted by the mm that owns it). */
  readonly ptes: number;
  readonly users: number;
}


export class MmSummary implements Totals {
  /** PGD entry → PUD entry → its PMD page's part. */
  private readonly parts = new Map<number, Map<number, PmdPart>>();
  private partCount = 0;
  /** The PMD pages it owns, with how many of its PUD entries point at each (counted once). */
  private readonly owned = new Map<PmdTable, number>();
  /** An owned page is pointed at twice (a hugetlb mapping sharing with itself): then every update is whole. */
  private twice = false;
  private ownedPtes = 0;
  /** Users listed by the PMD pages it owns explicitly. */
  private listed = 0;
  private ownedPuds = 0;
  /** PGD entry → what its PUD page's runs of uniform PMD pages hold (pudruns.ts), for PUD pages that have runs. */
  private readonly runParts = new Map<number, RunPart>();
  /** PMD pages the runs stand for: each is one reference and lists one user; and the PTE pages below them. */
  private runPmds = 0;
  private runPtes = 0;
  private readonly troubledRuns = new Set<number>();
  private pgdProblems: string[] = [];
  /** PUD entries (gi * 512 + ui) whose part found something wrong. */
  private readonly troubledKeys = new Set<number>();
  private otherProblems: string[] = [];
  hosts: readonly Host[] = [];

  constructor(readonly mm: Mm) {}

  get physical(): number {
    return 1 + this.ownedPuds + this.owned.size + this.ownedPtes + this.runPmds + this.runPtes;
  }

  get references(): number {
    return this.partCount + this.runPmds;
  }

  get listedUsers(): number {
    return this.listed + this.runPmds;
  }

  /** The pages that should be charged to the mm: PUD pages, one per PMD reference, PTE pages below the PMD pages it owns. */
  private get own(): number {
    return this.ownedPuds + this.partCount + this.ownedPtes + this.runPmds + this.runPtes;
  }

  totals(): Totals {
    return { physical: this.physical, references: this.references, listedUsers: this.listedUsers, hosts: this.hosts };
  }

  /** Every PMD page it points at. */
  *pmds(): Generator<PmdTable> {
    for (const byUi of this.parts.values()) for (const part of byUi.values()) yield part.pmd;
  }

  /** Whether an update from scratch is needed to be exact (see `twice`). */
  get wholeOnly(): boolean {
    return this.twice || this.mm.isHost;
  }

  get troubled(): boolean {
    return this.pgdProblems.length > 0 || this.troubledKeys.size > 0 || this.troubledRuns.size > 0 || this.otherProblems.length > 0;
  }

  problems(): string[] {
    const out = [...this.pgdProblems];
    // One by one, not spread: a broken world may have more problems than a call's arguments take.
    for (const key of [...this.troubledKeys].sort((a, b) => a - b)) for (const p of this.parts.get(Math.floor(key / 512))!.get(key % 512)!.problems) out.push(p);
    for (const gi of [...this.troubledRuns].sort((a, b) => a - b)) for (const p of this.runParts.get(gi)!.problems) out.push(p);
    for (const p of this.otherProblems) out.push(p);
    return out;
  }

  /**
   * Looks again at what `named` covers (a fresh summary, at everything).
   * `dropped` gets the PMD pages of the entries whose part was replaced or
   * removed, `foreign` those newly pointed at that another mm owns: their
   * owners' summaries count their users.
   */
  update(named: Named, dropped: PmdTable[], foreign: PmdTable[]): void {
    const mm = this.mm;
    this.pgdProblems = [];
    this.ownedPuds = 0;
    for (const [gi, pud] of mm.pgd.children) {
      if (!(pud instanceof DirTable)) this.pgdProblems.push(`${mm.name}: a PGD entry points at a PMD page`);
      else if (pud.owner !== mm) checkPgdLink(mm, gi, pud, this.pgdProblems);
      else this.ownedPuds += 1;
    }
    const only = named === 'all' ? null : named;
    const visit = (gi: number, ui: number, pud: DirTable | null): void => this.revisit(gi, ui, pud, only, dropped, foreign);
    if (named === 'all') this.everyKey(visit);
    else this.keysIn(named, visit);
    this.updateRuns(named);
    const other: string[] = [];
    if (!mm.alive) other.push(`mm ${mm.name} is freed but still listed`);
    if (mm.charged !== this.own) other.push(`${mm.name} is charged ${mm.charged} table pages but ${this.own} are its own`);
    const hosts = [...new Set(mm.vmas.map((v) => v.host).filter((h) => h !== null))];
    for (const h of hosts) if (!h.guests.has(mm)) other.push(`${mm.name} maps the region of ${h.obj.name} without a reference`);
    for (const v of mm.vmas) if (v.mshare !== null && !v.mshare.windows.some((w) => w.vma === v)) other.push(`${mm.name} has a window on ${v.mshare.name} without a reference`);
    this.hosts = hosts;
    this.otherProblems = other;
  }


  /** The run parts of the PUD pages `named` reaches (every one for 'all'), walked again. */
  private updateRuns(named: Named): void {
    if (named === 'all') {
      for (const gi of [...this.runParts.keys()]) this.putRuns(gi, null);
      for (const gi of this.mm.pgd.children.keys()) this.putRuns(gi, runPart(this.mm, gi, ownPud(this.mm, gi)));
      return;
    }
    let last = -1;
    eachPudRange(named, (gi) => {
      if (gi === last) return;
      last = gi;
      const pud = ownPud(this.mm, gi);
      if (this.runParts.has(gi) || (pud !== null && pud.runs.length > 0)) this.putRuns(gi, runPart(this.mm, gi, pud));
    });
  }

  private putRuns(gi: number, part: RunPart | null): void {
    const old = this.runParts.get(gi);
    if (old !== undefined) {
      this.runPmds -= old.pmds;
      this.runPtes -= old.ptes;
      this.runParts.delete(gi);
      this.troubledRuns.delete(gi);
    }
    if (part === null) return;
    this.runParts.set(gi, part);
    this.runPmds += part.pmds;
    this.runPtes += part.ptes;
    if (part.problems.length > 0) this.troubledRuns.add(gi);
  }

  /** Every PUD entry that points at a PMD page (a fresh summary has no parts yet). */
  private everyKey(visit: (gi: number, ui: number, pud: DirTable) => void): void {
    for (const gi of this.mm.pgd.children.keys()) {
      const pud = ownPud(this.mm, gi);
      if (pud !== null) for (const ui of pud.children.keys()) visit(gi, ui, pud);
    }
  }

  /** Each PUD entry over the named ranges that has a part or points at a PMD page, once. */
  private keysIn(named: readonly [number, number][], visit: (gi: number, ui: number, pud: DirTable | null) => void): void {
    const seen = new Set<number>();
    const once = (gi: number, ui: number, pud: DirTable | null): void => {
      if (seen.has(gi * 512 + ui)) return;
      seen.add(gi * 512 + ui);
      visit(gi, ui, pud);
    };
    eachPudRange(named, (gi, u0, u1) => {
      const pud = ownPud(this.mm, gi);
      const byUi = this.parts.get(gi);
      if (u1 - u0 < PROBE_MAX) {
        for (let ui = u0; ui <= u1; ui++) if (pud?.children.has(ui) === true || byUi?.has(ui) === true) once(gi, ui, pud);
        return;
      }
      for (const ui of pud?.children.keys() ?? []) if (ui >= u0 && ui <= u1) once(gi, ui, pud);
      for (const ui of byUi?.keys() ?? []) if (ui >= u0 && ui <= u1) once(gi, ui, pud);
    });
  }

  /** Walks PUD entry (gi, ui) again: in a page found sound before, only the entries `named` names. */
  private revisit(gi: number, ui: number, pud: DirTable | null, named: readonly [number, number][] | null, dropped: PmdTable[], foreign: PmdTable[]): void {
    const t = pud?.children.get(ui);
    const pmd = t instanceof PmdTable ? t : null;
    const old = this.parts.get(gi)?.get(ui);
    const va = gi * PGDIR_SIZE + ui * PUD_SIZE;
    const only = named !== null && old !== undefined && old.pmd === pmd && old.problems.length === 0 ? entriesIn(named, va) : null;
    if (old !== undefined) {
      this.remove(gi, ui, old);
      if (old.pmd !== pmd) dropped.push(old.pmd);
    }
    if (pmd === null) return;
    this.add(gi, ui, walkPmd(this.mm, pmd, va, only));
    if (pmd.owner !== this.mm && old?.pmd !== pmd) foreign.push(pmd);
  }

  private add(gi: number, ui: number, part: PmdPart): void {
    let byUi = this.parts.get(gi);
    if (byUi === undefined) this.parts.set(gi, (byUi = new Map()));
    byUi.set(ui, part);
    this.partCount += 1;
    if (part.problems.length > 0) this.troubledKeys.add(gi * 512 + ui);
    if (part.pmd.owner !== this.mm) return;
    const refs = this.owned.get(part.pmd) ?? 0;
    this.owned.set(part.pmd, refs + 1);
    if (refs > 0) return void (this.twice = true); // counted already, by the walk of this same update
    this.ownedPtes += part.ptes;
    this.listed += part.users;
  }

  private remove(gi: number, ui: number, part: PmdPart): void {
    const byUi = this.parts.get(gi)!;
    byUi.delete(ui);
    if (byUi.size === 0) this.parts.delete(gi);
    this.partCount -= 1;
    if (part.problems.length > 0) this.troubledKeys.delete(gi * 512 + ui);
    const refs = this.owned.get(part.pmd);
    if (refs === undefined) return;
    if (refs > 1) return void this.owned.set(part.pmd, refs - 1);
    this.owned.delete(part.pmd);
    this.ownedPtes -= part.ptes;
    this.listed -= part.users;
  }
}

/** What a PUD page's runs of uniform PMD pages hold, as last walked. */
interface RunPart {
  readonly pmds: number;
  readonly ptes: number;
  readonly problems: readonly string[];
}

/**
 * The runs of PUD page gi (null when it has none): in order, never also an
 * explicit PMD page, and their leaves inside a VMA that maps them and cached.
 */
function runPart(mm: Mm, gi: number, pud: DirTable | null): RunPart | null {
  if (pud === null || pud.runs.length === 0) return null;
  const out: string[] = [];
  let last: Vma | null = null;
  const vmaAt = (at: number): Vma | null => (last !== null && last.start <= at && at < last.end ? last : (last = findVma(mm, at)));
  let pmds = 0;
  let prev = 0;
  for (const r of pud.runs) {
    const at = gi * PGDIR_SIZE + r.lo * PUD_SIZE;
    if (r.lo < prev || r.hi <= r.lo || r.hi > ENTRIES) out.push(`${mm.name}: the runs of the PUD page at ${hex(gi * PGDIR_SIZE)} are out of order`);
    prev = r.hi;
    pmds += r.hi - r.lo;
    if (r.host !== null) {
      checkLinkRun(mm, r.host, gi, r.lo, r.hi, vmaAt, out);
      continue;
    }
    if (r.obj === null) continue;
    const pages = (r.hi - r.lo) * PMD_PAGE_PAGES;
    if (!mapsLinearly(r.obj, r.page0, at, (r.hi - r.lo) * PUD_SIZE, vmaAt)) out.push(`${mm.name}: the uniform PMD pages at ${hex(at)} do not match their VMA`);
    if (r.obj.cache.countIn(r.page0, r.page0 + pages) !== pages) out.push(`${mm.name}: the uniform PMD pages at ${hex(at)} map uncached pages`);
  }
  for (const ui of pud.children.keys()) if (pudRunAt(pud, ui) !== null) out.push(`${mm.name}: the PUD entry at ${hex(gi * PGDIR_SIZE + ui * PUD_SIZE)} is both a PMD page and a run`);
  return { pmds, ptes: runPtePages(pud), problems: out.length === 0 ? NO_PROBLEMS : out };
}

/** Link PMD pages of PUD entries [lo, hi): each window in a MAP_SHARED_PT region, linking the host's PMD page there. */
function checkLinkRun(mm: Mm, hostPud: DirTable, gi: number, lo: number, hi: number, vmaAt: (at: number) => Vma | null, out: string[]): void {
  for (let ui = lo; ui < hi; ui++) {
    const va = gi * PGDIR_SIZE + ui * PUD_SIZE;
    const host = vmaAt(va)?.host ?? null;
    if (host === null) out.push(`${mm.name}: the links at ${hex(va)} lie outside any MAP_SHARED_PT region`);
    else if (pudOf(host.mm, va) !== hostPud || !(hostPud.children.get(ui) instanceof PmdTable)) out.push(`${mm.name}: the links at ${hex(va)} do not point at the host's PMD page`);
  }
}

const NO_PROBLEMS: readonly string[] = [];
/** Where walkPmd collects problems: most PMD pages have none, and then no array is made. */
const found: string[] = [];

/** One PMD page's part of an mm's summary, walked now; `only`: just the runs over these entries (the others were found sound). */
function walkPmd(mm: Mm, pmd: PmdTable, va: number, only: readonly [number, number][] | null): PmdPart {
  if (!pmd.hasUser(mm)) found.push(`${mm.name} points at a PMD page that does not list it as a user`);
  checkPmd(mm, pmd, va, found, only);
  const problems = found.length === 0 ? NO_PROBLEMS : found.splice(0);
  return { pmd, problems, ptes: ptePages(pmd), users: pmd.users.length };
}

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
