/**
 * Before and after: what a step added, changed (from, to) and removed
 * between two snapshots (tables, their entries, links, processes and host
 * mms), keyed by stable ids as tldraw's RecordsDiff is. What leaves keeps
 * its last snapshot, so a freed table or an exited process can still be
 * drawn while it fades. Pure, and the one place the screen learns "what
 * happened" from pictures rather than from events.
 */
import type { MmId } from '../sim/events';
import type { EntryRun } from '../sim/view';
import type { MmSnap, Snapshot, TableSnap } from '../protocol/messages';

export interface Changed<T> {
  readonly from: T;
  readonly to: T;
}

/** A link as the picture shows it: an mm's entry reaching a table of another tree. */
export interface LinkRef {
  readonly key: string;
  readonly from: MmId;
  readonly to: string;
}

export interface Transition {
  readonly tables: {
    readonly added: readonly TableSnap[];
    /** Same table, different entries or referrers; `entries` are the index ranges that differ. */
    readonly changed: readonly (Changed<TableSnap> & { readonly entries: readonly (readonly [number, number])[] })[];
    readonly removed: readonly TableSnap[];
  };
  readonly processes: { readonly added: readonly MmSnap[]; readonly changed: readonly Changed<MmSnap>[]; readonly removed: readonly MmSnap[] };
  readonly hosts: { readonly added: readonly MmSnap[]; readonly changed: readonly Changed<MmSnap>[]; readonly removed: readonly MmSnap[] };
  readonly links: { readonly added: readonly LinkRef[]; readonly removed: readonly LinkRef[] };
}

// Each picture is compared with the one before it and with the one after: its links are found once.
const linksCache = new WeakMap<Snapshot, ReadonlyMap<string, LinkRef>>();

/** Every link an mm's own tables draw: MAP_SHARED_PT PMD entries and hugetlb PUD entries. */
export function linksOf(snap: Snapshot): ReadonlyMap<string, LinkRef> {
  let links = linksCache.get(snap);
  if (links === undefined) {
    links = findLinks(snap);
    linksCache.set(snap, links);
  }
  return links;
}

function findLinks(snap: Snapshot): Map<string, LinkRef> {
  const byId = new Map(snap.tables.map((t) => [t.id, t]));
  const out = new Map<string, LinkRef>();
  for (const mm of snap.mms) {
    for (const id of mm.tables) {
      const t = byId.get(id);
      if (t === undefined) continue;
      for (const run of t.entries) {
        if (run.kind === 'link') {
          for (let i = run.lo; i < run.hi; i++) add(out, mm.id, `${run.parent}/${i}`, byId);
        } else if (run.kind === 'shared') add(out, mm.id, run.target, byId);
      }
    }
  }
  return out;
}

function add(out: Map<string, LinkRef>, from: MmId, to: string, byId: ReadonlyMap<string, TableSnap>): void {
  if (!byId.has(to)) return;
  const key = `${from}>${to}`;
  out.set(key, { key, from, to });
}

/** Entry index ranges [lo, hi) where two tables' runs differ (bounded by the runs, not 512 steps). */
export function entryDiff(a: readonly EntryRun[], b: readonly EntryRun[]): [number, number][] {
  const cuts = new Set<number>([0, 512]);
  for (const r of [...a, ...b]) {
    cuts.add(r.lo);
    cuts.add(r.hi);
  }
  const edges = [...cuts].sort((x, y) => x - y);
  const out: [number, number][] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const lo = edges[i] as number;
    const hi = edges[i + 1] as number;
    if (same(runAt(a, lo), runAt(b, lo), lo)) continue;
    const last = out[out.length - 1];
    if (last !== undefined && last[1] === lo) last[1] = hi;
    else out.push([lo, hi]);
  }
  return out;
}

function runAt(runs: readonly EntryRun[], i: number): EntryRun | undefined {
  return runs.find((r) => r.lo <= i && i < r.hi);
}

/** Whether entry i reads the same in two runs (leaves compare the page entry i maps). */
function same(x: EntryRun | undefined, y: EntryRun | undefined, i: number): boolean {
  if (x === undefined || y === undefined) return x === y;
  if (x.kind !== y.kind) return false;
  switch (x.kind) {
    case 'leaf':
      return y.kind === 'leaf' && x.file === y.file && x.bits === y.bits && x.page0 + (i - x.lo) * x.pagesPerEntry === y.page0 + (i - y.lo) * y.pagesPerEntry;
    case 'table':
      return y.kind === 'table' && x.parent === y.parent;
    case 'link':
      return y.kind === 'link' && x.parent === y.parent && x.host === y.host;
    case 'shared':
      return y.kind === 'shared' && x.target === y.target;
  }
}

function diffMms(prev: readonly MmSnap[], next: readonly MmSnap[]) {
  const before = new Map(prev.map((m) => [m.id, m]));
  const after = new Map(next.map((m) => [m.id, m]));
  return {
    added: next.filter((m) => !before.has(m.id)),
    changed: next.flatMap((to) => {
      const from = before.get(to.id);
      return from === undefined || (from.pgtablesBytes === to.pgtablesBytes && from.count === to.count && from.rssPages === to.rssPages) ? [] : [{ from, to }];
    }),
    removed: prev.filter((m) => !after.has(m.id)),
  };
}

/** What changed from `prev` to `next`; with no `prev` everything is added. */
export function transition(prev: Snapshot | null, next: Snapshot): Transition {
  const beforeTables = new Map((prev?.tables ?? []).map((t) => [t.id, t]));
  const afterTables = new Map(next.tables.map((t) => [t.id, t]));
  const changed: Transition['tables']['changed'][number][] = [];
  for (const to of next.tables) {
    const from = beforeTables.get(to.id);
    // The same object (kept on receipt, store/keepEqual.ts) has not changed.
    if (from === undefined || from === to) continue;
    const entries = entryDiff(from.entries, to.entries);
    if (entries.length > 0 || from.referrerCount !== to.referrerCount) changed.push({ from, to, entries });
  }
  const beforeLinks: ReadonlyMap<string, LinkRef> = prev === null ? new Map<string, LinkRef>() : linksOf(prev);
  const afterLinks = linksOf(next);
  const pick = (mms: readonly MmSnap[], host: boolean) => mms.filter((m) => m.isHost === host);
  return {
    tables: {
      added: next.tables.filter((t) => !beforeTables.has(t.id)),
      changed,
      removed: (prev?.tables ?? []).filter((t) => !afterTables.has(t.id)),
    },
    processes: diffMms(pick(prev?.mms ?? [], false), pick(next.mms, false)),
    hosts: diffMms(pick(prev?.mms ?? [], true), pick(next.mms, true)),
    links: {
      added: [...afterLinks.values()].filter((l) => !beforeLinks.has(l.key)),
      removed: [...beforeLinks.values()].filter((l) => !afterLinks.has(l.key)),
    },
  };
}
