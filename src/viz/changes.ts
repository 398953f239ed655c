/**
 * "Changed this step" (DESIGN: a brief highlight): which tables the step's
 * events created or wrote, which of their entries, which links appeared and
 * which file pages were read in. Events name a table by the mm whose tree
 * holds it, its level and an address range; the snapshot's `tree` says which.
 */
import { entrySpan, tableSpan, type Level } from '../sim/geometry';
import type { TraceEvent } from '../sim/events';
import type { Snapshot, TableSnap } from '../protocol/messages';

export interface TableChange {
  readonly created: boolean;
  /** Entry index ranges [lo, hi) written, cleared or re-protected. */
  readonly entries: readonly (readonly [number, number])[];
}

export interface Changes {
  readonly tables: ReadonlyMap<string, TableChange>;
  /** Curves drawn this step: `${mm}>${tableId}` as links.ts keys them. */
  readonly links: ReadonlySet<string>;
  /** File pages read into the cache: file → [lo, hi) ranges. */
  readonly pages: ReadonlyMap<string, readonly (readonly [number, number])[]>;
}

function overlapEntries(t: TableSnap, va: number, len: number): [number, number] | null {
  const end = t.va + tableSpan(t.level);
  const lo = Math.max(va, t.va);
  const hi = Math.min(va + len, end);
  if (lo >= hi) return null;
  const span = entrySpan(t.level);
  return [Math.floor((lo - t.va) / span), Math.ceil((hi - t.va) / span)];
}

// The diagram and the page cache both ask, of the same snapshot: it is worked out once.
const changesCache = new WeakMap<Snapshot, Changes>();

export function stepChanges(snap: Snapshot): Changes {
  let changes = changesCache.get(snap);
  if (changes === undefined) {
    changes = findChanges(snap);
    changesCache.set(snap, changes);
  }
  return changes;
}

function findChanges(snap: Snapshot): Changes {
  const created = new Set<string>();
  const entries = new Map<string, [number, number][]>();
  const links = new Set<string>();
  const pages = new Map<string, [number, number][]>();
  const touch = (mm: number, level: Level, va: number, len: number, onEach?: (t: TableSnap, r: [number, number]) => void): void => {
    for (const t of snap.tables) {
      if (t.level !== level || t.tree !== mm) continue;
      const r = overlapEntries(t, va, len);
      if (r === null) continue;
      entries.set(t.id, [...(entries.get(t.id) ?? []), r]);
      onEach?.(t, r);
    }
  };
  for (const e of snap.events as readonly TraceEvent[]) {
    switch (e.k) {
      case 'alloc':
        for (const t of snap.tables) {
          if (t.level === e.level && t.tree === e.mm && t.va >= e.va && t.va < e.va + e.count * tableSpan(e.level)) created.add(t.id);
        }
        break;
      case 'set':
      case 'prot':
      case 'clear':
        touch(e.mm, e.level, e.va, e.len);
        break;
      case 'link':
        touch(e.mm, 'pmd', e.va, e.len, (t, [lo, hi]) => {
          for (const run of t.entries) {
            if (run.kind !== 'link') continue;
            for (let i = Math.max(lo, run.lo); i < Math.min(hi, run.hi); i++) links.add(`${e.mm}>${run.parent}/${i}`);
          }
        });
        break;
      case 'unlink':
        touch(e.mm, 'pmd', e.va, e.len);
        break;
      case 'share':
      case 'unshare':
        touch(e.mm, 'pud', e.va, e.len, (t, [lo, hi]) => {
          for (const run of t.entries) if (run.kind === 'shared' && run.lo < hi && run.hi > lo) links.add(`${e.mm}>${run.target}`);
        });
        break;
      case 'fill':
        pages.set(e.file, [...(pages.get(e.file) ?? []), [e.page, e.page + e.count]]);
        break;
      default:
        break;
    }
  }
  const tables = new Map<string, TableChange>();
  for (const id of new Set([...created, ...entries.keys()])) tables.set(id, { created: created.has(id), entries: entries.get(id) ?? [] });
  return { tables, links, pages };
}
