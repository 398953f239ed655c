/**
 * What a step's events name, per mm: the address ranges it changed, or 'all'
 * when an event names the mm without a range (or names too many). The
 * invariant check (invariants.ts, mmCheck.ts) and the footprint (footprint.ts)
 * look again only at what a step named, so a step costs what it changed.
 */
import type { MmId, TraceEvent } from '../events';
import { PGDIR_SIZE, PUD_SIZE, tableSpan, type Level } from '../geometry';

/** Address ranges a step named for an mm, or 'all' (look at its whole tree). */
export type Named = readonly [number, number][] | 'all';

/** Past this many ranges for one mm, it is looked at whole. */
const MAX_RANGES = 64;

/** Per mm, the ranges named so far, or 'all'. */
export type NamedMap = Map<MmId, [number, number][] | 'all'>;

/**
 * Adds range `r` of mm `id` to `into` (an mm seen as 'all' stays so). A range
 * that overlaps or meets the last one added is folded into it, so a step's
 * walk, fault and set over one page, or a run of page-by-page steps, stay one
 * range. The tuples may be shared between maps: a fold writes a new one.
 */
function addRange(into: NamedMap, id: number, r: [number, number]): void {
  const have = into.get(id);
  if (have === 'all') return;
  if (have === undefined) return void into.set(id, [r]);
  const last = have[have.length - 1];
  if (last !== undefined && r[0] <= last[1] && last[0] <= r[1]) {
    if (r[0] >= last[0] && r[1] <= last[1]) return;
    have[have.length - 1] = r[0] <= last[0] && r[1] >= last[1] ? r : [Math.min(r[0], last[0]), Math.max(r[1], last[1])];
  } else if (have.length > MAX_RANGES) into.set(id, 'all');
  else have.push(r);
}

/**
 * What a step's events name, read once per step and handed to each reader
 * (`mergeNamed`). Its keys, in insertion order, are the mms the events name in
 * the order first named (the engine's `lastNamed`).
 */
export function namedBy(events: readonly TraceEvent[]): NamedMap {
  const into: NamedMap = new Map();
  addNamed(into, events);
  return into;
}

/** Adds what another map names to `into`, sharing no arrays with it. */
export function mergeNamed(into: NamedMap, from: ReadonlyMap<MmId, Named>): void {
  for (const [id, ranges] of from) {
    if (ranges === 'all') into.set(id, 'all');
    else for (const r of ranges) addRange(into, id, r);
  }
}

/** The addresses `count` tables of `level` from va span, or null (a PGD names its mm whole). */
function tablesSpan(level: Level, va: number, count: number): [number, number] | null {
  return level === 'pgd' ? null : [va, va + count * tableSpan(level)];
}

/**
 * Adds what `events` name to `into` (an mm seen as 'all' stays so): the range
 * an event changed for the mm it names (and the mms that see it), and 'all'
 * for an mm named with no range (a task, an exit, a host). A switch on the
 * kind, not property tests: it runs after every step, over events of many shapes.
 */
export function addNamed(into: NamedMap, events: readonly TraceEvent[]): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    switch (e.k) {
      case 'error':
      case 'fill':
        break;
      case 'walk':
        addRange(into, e.mm, [e.va, e.va + 1]);
        break;
      case 'fault':
      case 'set':
      case 'unshare':
      case 'mmap':
        addRange(into, e.mm, [e.va, e.va + e.len]);
        break;
      case 'alloc':
      case 'free': {
        const r = tablesSpan(e.level, e.va, e.count);
        if (r === null) into.set(e.mm, 'all');
        else addRange(into, e.mm, r);
        break;
      }
      case 'prot':
      case 'clear': {
        const r: [number, number] = [e.va, e.va + e.len];
        addRange(into, e.mm, r);
        for (const id of e.seenBy) addRange(into, id, r);
        break;
      }
      case 'tlb': {
        const r: [number, number] = [e.va, e.va + e.len];
        for (const id of e.mms) addRange(into, id, r);
        break;
      }
      case 'link':
      case 'unlink':
        addRange(into, e.mm, [e.va, e.va + e.len]);
        into.set(e.host, 'all');
        break;
      case 'share':
        addRange(into, e.mm, [e.va, e.va + e.len]);
        into.set(e.from, 'all');
        break;
      case 'host_create':
      case 'host_release':
        into.set(e.host, 'all');
        break;
      case 'host_ref':
      case 'host_unref':
        into.set(e.mm, 'all');
        into.set(e.host, 'all');
        break;
      case 'task':
      case 'signal':
      case 'oom':
      case 'exit':
        into.set(e.mm, 'all');
        break;
      default:
        e satisfies never;
    }
  }
}

/** Past this many PUD entries of one PUD page, a range is looked at through the entries that exist. */
export const PROBE_MAX = 64;

/**
 * The PUD entries the ranges cover, as (PGD entry gi, PUD entries u0..u1
 * inclusive) for each PGD entry they reach.
 */
export function eachPudRange(named: readonly [number, number][], visit: (gi: number, u0: number, u1: number) => void): void {
  for (const [a, b] of named) {
    if (b <= a) continue;
    const g0 = Math.floor(a / PGDIR_SIZE);
    const g1 = Math.floor((b - 1) / PGDIR_SIZE);
    for (let gi = g0; gi <= g1; gi++) {
      const u0 = gi === g0 ? Math.floor((a % PGDIR_SIZE) / PUD_SIZE) : 0;
      const u1 = gi === g1 ? Math.floor(((b - 1) % PGDIR_SIZE) / PUD_SIZE) : 511;
      visit(gi, u0, u1);
    }
  }
}
