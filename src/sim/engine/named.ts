/**
 * What a step's events name, per mm: the address ranges it changed, or 'all'
 * when an event names the mm without a range (or names too many). The
 * invariant check (invariants.ts, mmCheck.ts) and the footprint (footprint.ts)
 * look again only at what a step named, so a step costs what it changed.
 */
import type { MmId, TraceEvent } from '../events';
import { PGDIR_SIZE, PMD_SIZE, PUD_SIZE } from '../geometry';

/** Address ranges a step named for an mm, or 'all' (look at its whole tree). */
export type Named = readonly [number, number][] | 'all';

/** Past this many ranges for one mm, it is looked at whole. */
const MAX_RANGES = 64;

const LEVEL_SPAN = { pgd: 0, pud: PGDIR_SIZE, pmd: PUD_SIZE, pte: PMD_SIZE } as const;

/** The addresses an event names, if it names a range. */
function spanOf(e: TraceEvent): [number, number] | null {
  if (!('va' in e) || typeof e.va !== 'number') return null;
  if ('len' in e && typeof e.len === 'number') return [e.va, e.va + e.len];
  if ('count' in e && 'level' in e && e.level !== 'pgd') return [e.va, e.va + e.count * LEVEL_SPAN[e.level]];
  if (e.k === 'walk') return [e.va, e.va + 1];
  return null;
}

/** Per mm, the ranges named so far, or 'all'. */
export type NamedMap = Map<MmId, [number, number][] | 'all'>;

/** Adds range `r` of mm `id` to `into` (an mm seen as 'all' stays so). */
function addRange(into: NamedMap, id: number, r: [number, number]): void {
  const have = into.get(id);
  if (have === 'all') return;
  if (have === undefined) into.set(id, [r]);
  else if (have.length > MAX_RANGES) into.set(id, 'all');
  else have.push(r);
}

/** What a step's events name, read once per step and handed to each reader (`mergeNamed`). */
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

/** Names mm `id` over range `r`, or whole when the event gave no range. */
function name(into: NamedMap, id: number, r: [number, number] | null): void {
  if (r === null) into.set(id, 'all');
  else addRange(into, id, r);
}

/** Adds what `events` name to `into` (an mm seen as 'all' stays so). No closures: it runs for every step. */
export function addNamed(into: NamedMap, events: readonly TraceEvent[]): void {
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    const r = spanOf(e);
    if ('mm' in e) name(into, e.mm, r);
    if ('seenBy' in e) for (const id of e.seenBy) name(into, id, r);
    if ('mms' in e) for (const id of e.mms) name(into, id, r);
    if ('host' in e && typeof e.host === 'number') into.set(e.host, 'all');
    if ('from' in e) into.set(e.from, 'all');
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
