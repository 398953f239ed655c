/**
 * Taking mappings down: munmap's order of work (unlink, unshare, clear, remove
 * the VMAs, flush, free what no VMA needs), an mm's teardown at exit or kill, and
 * a host's release at its last reference.
 */
import { PGDIR_SIZE, PMD_SIZE, PUD_SIZE, USER_TOP, type Level, type Vaddr } from '../geometry';
import { unshareRange } from './hugetlb';
import { forgetHost, hostUnref, regionsIn, unlinkRegion } from './ptshare';
import { SysError, type Host, type MemObject, type Mm, type Out, type RefRegion, type RefState } from './state';
import { detachGone, unlinkWindows } from './mshare';
import { eventMm, framesPerPage, freeTable, seenBy, unlinkChild } from './tables';
import { anyVmaIn, overlapping, removeRange } from './vmas';
import { leavesIn, linksAt } from './walk';

/** Clears every populated leaf mm reaches in [start, end); adds who saw it to `seen`. */
export function clearLeaves(out: Out, mm: Mm, start: Vaddr, end: Vaddr, seen: Set<number>): boolean {
  let any = false;
  for (const v of leavesIn(mm, start, end)) {
    const who = seenBy(v.table);
    v.table.entries[v.index] = undefined;
    out.push({ k: 'clear', mm: eventMm(v.table, mm), level: v.table.level, va: v.va, len: v.len, seenBy: who });
    for (const id of who) seen.add(id);
    any = true;
  }
  return any;
}

export function tlbEvent(out: Out, seen: Set<number>, start: Vaddr, end: Vaddr): void {
  if (seen.size === 0) return;
  out.push({ k: 'tlb', mms: [...seen].sort((a, b) => a - b), va: start, len: end - start });
}

const SPAN_OF_CHILD: Record<'pgd' | 'pud' | 'pmd', number> = { pgd: PGDIR_SIZE, pud: PUD_SIZE, pmd: PMD_SIZE };

/**
 * Frees, bottom-up, each of mm's own tables whose span holds no VMA of mm
 * (SPEC 1.2: PTE page per 2 MiB, PMD page per 1 GiB, PUD page per 512 GiB).
 */
export function freeEmptyTables(st: RefState, out: Out, mm: Mm): void {
  for (const level of ['pmd', 'pud', 'pgd'] as const) {
    const span = SPAN_OF_CHILD[level];
    for (const l of linksAt(mm, level, 0, USER_TOP)) {
      // Links into a host and PMD pages other mms still use are not ours to free.
      if (l.table.owner !== mm || l.child.owner !== mm || l.child.refs.length > 1) continue;
      if (anyVmaIn(mm, l.va, l.va + span)) continue;
      // As posted: a kept PMD page is never freed, and so neither is the PUD page above it.
      if (st.kept.has(l.child)) continue;
      if (level === 'pgd' && st.asPosted && l.child.entries.some((e) => e !== undefined)) continue;
      if (l.child.entries.some((e) => e !== undefined)) throw new Error(`freeing a non-empty ${l.child.level} table`);
      unlinkChild(l.table, l.index);
      freeTable(st, l.child);
      out.push({ k: 'free', mm: mm.id, level: l.child.level as Level, va: l.va, count: 1 });
    }
  }
}

/**
 * munmap's work on [start, end) of mm, the range already checked. Returns the
 * MAP_SHARED_PT regions it left, whose references the caller drops after.
 */
export function unmapRange(st: RefState, out: Out, mm: Mm, start: Vaddr, end: Vaddr, flush: boolean): Host[] {
  const regions = regionsIn(mm, start, end);
  const seen = new Set<number>();
  // msharefs windows first: their PGD entries lead into the host, whose leaves stay.
  if (unlinkWindows(out, mm, start, end)) seen.add(mm.id);
  for (const host of regions) if (unlinkRegion(out, mm, host)) seen.add(mm.id);
  if (unshareRange(out, mm, start, end)) seen.add(mm.id);
  clearLeaves(out, mm, start, end, seen);
  const anon = new Set(overlapping(mm, start, end).filter((v) => v.obj.kind === 'anon').map((v) => v.obj));
  removeRange(mm, start, end);
  for (const obj of anon) freeAnon(st, obj);
  if (flush) tlbEvent(out, seen, start, end);
  // As posted, the free path skips a guest's PMD pages over a shared range, for good.
  if (st.asPosted) for (const h of regions) for (const l of linksAt(mm, 'pud', h.start, h.start + h.len)) st.kept.add(l.child);
  freeEmptyTables(st, out, mm);
  return regions;
}

/** Drops mm's reference to each region, releasing a host at its last (in the order given). */
export function dropRegions(st: RefState, out: Out, mm: Mm, regions: Host[]): void {
  for (const host of regions) if (hostUnref(out, host, mm.id)) releaseHost(st, out, host);
  detachGone(st, out, mm, (r) => releaseRegion(st, out, r));
}

/** `unlink NAME`: the region file goes; its host too unless a window is attached. */
export function unlinkCmd(st: RefState, out: Out, name: string): void {
  const r = st.regions.get(name);
  if (r === undefined) throw new SysError('EBADF', `no region ${name}`);
  st.regions.delete(name);
  r.unlinked = true;
  if (r.windows.length === 0) releaseRegion(st, out, r);
}

/** An msharefs host's teardown: its objects unmapped, its tables and PGD freed. */
function releaseRegion(st: RefState, out: Out, r: RefRegion): void {
  out.push({ k: 'host_release', host: r.mm.id, file: r.name });
  unmapRange(st, out, r.mm, 0, USER_TOP, false);
  freePgd(st, out, r.mm);
  st.mshares.splice(st.mshares.indexOf(r), 1);
}

/**
 * Frees the PGD of an mm whose every other table is gone; as posted, what the
 * free path skipped leaks, still charged, and check_mm says so (SPEC 1.6).
 */
function freePgd(st: RefState, out: Out, mm: Mm): void {
  const pgd = mm.pgd;
  if (pgd === null) return;
  for (const l of [...linksAt(mm, 'pgd', 0, USER_TOP), ...linksAt(mm, 'pud', 0, USER_TOP)]) st.leaked.add(l.child);
  if (mm.chargedPages !== 0) st.findings.push({ mm: mm.name, message: `BUG: non-zero pgtables_bytes on freeing mm: ${mm.chargedPages * 4096}` });
  freeTable(st, pgd);
  mm.pgd = null;
  mm.alive = false;
  out.push({ k: 'free', mm: mm.id, level: 'pgd', va: 0, count: 1 });
}

/** The host's teardown at refcount 0: its PTEs cleared, its tables and PGD freed. */
export function releaseHost(st: RefState, out: Out, host: Host): void {
  out.push({ k: 'host_release', host: host.mm.id, file: host.obj.name });
  unmapRange(st, out, host.mm, 0, USER_TOP, false);
  freePgd(st, out, host.mm);
  forgetHost(st, host);
}

/**
 * An mm's end (exit of its last task, a fatal signal, an OOM kill): everything
 * is unmapped as one munmap would (no TLB flush: nobody runs on it any more),
 * then each region's reference is dropped in address order, a host released at
 * its last, and the PGD is freed last (ENGINE.md, "exit").
 */
export function teardownMm(st: RefState, out: Out, mm: Mm): void {
  const regions = unmapRange(st, out, mm, 0, USER_TOP, false);
  if (st.asPosted) {
    for (const h of regions) leakReference(st, h, mm);
    detachGone(st, out, mm, (r) => releaseRegion(st, out, r));
  } else dropRegions(st, out, mm, regions);
  freePgd(st, out, mm);
}

/** An anonymous object no mapping uses any more: its pages are freed, the object forgotten. */
function freeAnon(st: RefState, obj: MemObject): void {
  if (st.mms.some((x) => x.alive && x.vmas.some((v) => v.obj === obj))) return;
  st.usedFrames -= obj.cached.size * framesPerPage(obj);
  obj.cached.clear();
  st.objects.splice(st.objects.indexOf(obj), 1);
}

/** As posted, exit never drops the reference: it stays counted and the host never goes. */
function leakReference(st: RefState, host: Host, mm: Mm): void {
  host.leaked += 1;
  st.findings.push({ mm: mm.name, message: `exit keeps ${mm.name}'s reference to ${host.mm.name} (refcount ${host.refcount}): the host leaks` });
}
