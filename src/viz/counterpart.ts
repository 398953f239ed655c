/**
 * The same thing on the other side of a comparison: ids differ between two
 * runs (a host mm takes an id on one side only), so a table is matched by
 * what a reader sees: the process it belongs to, its level and its address.
 */
import type { Selection, Snapshot, TableSnap } from '../protocol/messages';

function ownerName(snap: Snapshot, t: TableSnap): string {
  return snap.names[t.tree] ?? '';
}

/** The table of `to` that stands where `id` stands in `from`, if there is one. */
export function counterpartTable(id: string, from: Snapshot, to: Snapshot): string | null {
  const t = from.tables.find((x) => x.id === id);
  if (t === undefined) return null;
  const name = ownerName(from, t);
  return to.tables.find((x) => x.level === t.level && x.va === t.va && ownerName(to, x) === name)?.id ?? null;
}

/** A selection made on one side, carried to the other (null where that side has no such thing). */
export function counterpart(sel: Selection, from: Snapshot, to: Snapshot): Selection | null {
  switch (sel.kind) {
    case 'table': {
      const id = counterpartTable(sel.id, from, to);
      return id === null ? null : { kind: 'table', id };
    }
    case 'entry': {
      const table = counterpartTable(sel.table, from, to);
      return table === null ? null : { kind: 'entry', table, index: sel.index };
    }
    case 'mm': {
      const name = from.mms.find((m) => m.id === sel.id)?.name;
      const mm = to.mms.find((m) => m.name === name);
      return mm === undefined ? null : { kind: 'mm', id: mm.id };
    }
    case 'page':
      return sel;
  }
}
