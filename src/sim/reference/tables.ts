/**
 * Table pages and frames: allocating, charging, linking and freeing one table
 * at a time, with the frame counter that enforces the RAM limit.
 */
import { ENTRIES, indexAt, alignDown, tableSpan, TABLE_BYTES, type Level, type Vaddr } from '../geometry';
import { OutOfMemory, type Entry, type MemObject, type Mm, type RefState, type Table } from './state';

export const CHILD: Record<Level, Level | null> = { pgd: 'pud', pud: 'pmd', pmd: 'pte', pte: null };

export function framesFree(st: RefState): number {
  return st.ramFrames - st.usedFrames;
}

/** Frames a page of this object takes: 512 for a 2 MiB hugetlb page. */
export function framesPerPage(obj: MemObject): number {
  return obj.hugetlb ? 512 : 1;
}

export function pagetableBytes(st: RefState): number {
  return st.tables.size * TABLE_BYTES;
}

export function fileBytes(st: RefState): number {
  let frames = 0;
  for (const o of st.objects) frames += o.cached.size * framesPerPage(o);
  return frames * 4096;
}

/** A new table page for `owner`'s tree covering va; throws OutOfMemory without a frame. */
export function newTable(st: RefState, owner: Mm, level: Level, va: Vaddr): Table {
  if (framesFree(st) < 1) throw new OutOfMemory(level);
  st.usedFrames += 1;
  const t: Table = {
    id: st.nextTableId++,
    level,
    va: alignDown(va, tableSpan(level)),
    owner,
    entries: new Array<Entry | undefined>(ENTRIES).fill(undefined),
    refs: [],
    charged: [],
    freed: false,
  };
  st.tables.add(t);
  // The PGD is not part of VmPTE (SPEC 1.6); every lower table is charged to its mm.
  if (level !== 'pgd') charge(t, owner);
  return t;
}

export function charge(t: Table, mm: Mm): void {
  t.charged.push(mm);
  mm.chargedPages += 1;
}

export function uncharge(t: Table, mm: Mm): void {
  const i = t.charged.indexOf(mm);
  if (i < 0) throw new Error(`table ${t.id} is not charged to mm ${mm.id}`);
  t.charged.splice(i, 1);
  mm.chargedPages -= 1;
}

/** Points slot `index` of `parent` at `child`, recording the referrer. */
export function linkChild(parent: Table, index: number, child: Table): void {
  parent.entries[index] = { kind: 'table', table: child };
  child.refs.push({ table: parent, index });
}

/** Clears slot `index` of `parent`, which points at a table, and forgets the referrer. */
export function unlinkChild(parent: Table, index: number): Table {
  const e = parent.entries[index];
  if (e === undefined || e.kind !== 'table') throw new Error(`slot ${index} of table ${parent.id} holds no table`);
  const child = e.table;
  parent.entries[index] = undefined;
  child.refs = child.refs.filter((r) => !(r.table === parent && r.index === index));
  return child;
}

/** Gives a table's frame back; it must be unreferenced and uncharged by now. */
export function freeTable(st: RefState, t: Table): void {
  for (const mm of [...t.charged]) uncharge(t, mm);
  t.freed = true;
  st.tables.delete(t);
  st.usedFrames -= 1;
}

/** The table `level` levels below the PGD that mm's tree reaches for va, or null. */
export function tableAt(mm: Mm, level: Level, va: Vaddr): Table | null {
  let t = mm.pgd;
  while (t !== null && t.level !== level) {
    const e = t.entries[indexAt(t.level, va)];
    if (e === undefined || e.kind !== 'table') return null;
    t = e.table;
  }
  return t;
}

/** The entry mm's `level` table holds for va, or undefined when the walk stops above. */
export function entryAt(mm: Mm, level: Level, va: Vaddr): Entry | undefined {
  const t = tableAt(mm, level, va);
  return t === null ? undefined : t.entries[indexAt(level, va)];
}

/**
 * The mms whose walks reach table t: the owners of every PGD it can be reached
 * from (a MAP_SHARED_PT PTE page from each linked guest's PMD entry, an
 * msharefs host's tables from each window's PGD entry).
 */
export function seenBy(t: Table): number[] {
  const ids = new Set<number>();
  const up = (x: Table): void => {
    if (x.level === 'pgd' || x.refs.length === 0) return void ids.add(x.owner.id);
    for (const r of x.refs) up(r.table);
  };
  up(t);
  return [...ids].sort((a, b) => a - b);
}

/**
 * The mm an event about a slot of table t is told under (events name a table
 * by the mm whose tree holds it): a host's tables are the host's, reached through
 * links or not; any other table is in the acting mm's own tree.
 */
export function eventMm(t: Table, acting: Mm): number {
  return t.owner.isHost ? t.owner.id : acting.id;
}
