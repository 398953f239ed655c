/**
 * Builds the bounded snapshot a screen is drawn from (ARCHITECTURE habit 6):
 * the engine's view of the window, identical processes folded, each table
 * listed once with who points at it (guests' link entries included), this
 * step's events and their text, all under fixed caps.
 */
import type { Located } from '../sim/commands';
import type { MmId, TraceEvent } from '../sim/events';
import type { MmView, TableView, ViewOptions, WorldView } from '../sim/view';
import { traceText } from '../sim/traceText';
import { printCommand } from '../scenario/index';
import type { AddressWindow, Mode, MmSnap, Side, Snapshot, TableSnap } from '../protocol/messages';
import { foldProcesses } from './fold';

export const CAPS = {
  /** Process cards (folded groups) drawn side by side. */
  cards: 8,
  hosts: 4,
  /** PTE pages per mm in the window. */
  ptePerMm: 16,
  referrers: 32,
  events: 300,
  vmas: 24,
  tasks: 8,
} as const;

/** What the engine is asked to show for a window (the snapshot's caps). */
export function viewOptions(window: AddressWindow): ViewOptions {
  return { lo: window.lo, hi: window.hi, maxPtePerMm: CAPS.ptePerMm };
}

export interface SnapshotInput {
  /** The world in view at this step (engine.view, or the run's kept history). */
  readonly view: WorldView;
  readonly mmName: (id: MmId) => string;
  readonly loadId: number;
  readonly mode: Mode;
  readonly side: Side;
  readonly label: string;
  readonly step: number;
  readonly total: number;
  readonly located: Located | null;
  readonly events: readonly TraceEvent[];
  readonly window: AddressWindow;
  readonly autoWindow: boolean;
  readonly invariants: readonly string[];
  /** Processes OOM-killed so far. */
  readonly oomKilled: number;
}

/** Tables other mms reach through MAP_SHARED_PT links or hugetlb shared entries. */
function borrowedIds(mm: MmView): string[] {
  const out: string[] = [];
  for (const t of mm.tables) {
    for (const e of t.entries) {
      if (e.kind === 'link') for (let i = e.lo; i < e.hi; i++) out.push(`${e.parent}/${i}`);
      else if (e.kind === 'shared') out.push(e.target);
    }
  }
  return out;
}

/**
 * For each table on screen that guests link to (a host PTE page): the guests whose PMD
 * entries point at it, ascending. Only the tables shown are looked up, so 1500 guests
 * linking 300 entries each cost 1500 range checks, not 450,000 entries.
 */
function linkersOf(mms: readonly MmView[], shown: Iterable<string>): Map<string, MmId[]> {
  const byParent = new Map<string, number[]>();
  for (const id of shown) {
    const slash = id.lastIndexOf('/');
    if (slash < 0) continue;
    const parent = id.slice(0, slash);
    const list = byParent.get(parent) ?? [];
    list.push(Number(id.slice(slash + 1)));
    byParent.set(parent, list);
  }
  const out = new Map<string, MmId[]>();
  for (const mm of mms) {
    for (const t of mm.tables) {
      if (t.level !== 'pmd') continue;
      for (const e of t.entries) {
        if (e.kind !== 'link') continue;
        for (const i of byParent.get(e.parent) ?? []) {
          if (i < e.lo || i >= e.hi) continue;
          const id = `${e.parent}/${i}`;
          const list = out.get(id) ?? [];
          if (list[list.length - 1] !== mm.id) list.push(mm.id);
          out.set(id, list);
        }
      }
    }
  }
  return out;
}

/** Every mm an event mentions, so the text and the highlights can name them. */
function mmsOfEvent(e: TraceEvent): MmId[] {
  const out: MmId[] = [];
  if ('mm' in e) out.push(e.mm);
  if ('host' in e && typeof e.host === 'number') out.push(e.host);
  if (e.k === 'share') out.push(e.from);
  // One by one: a flush may list more mms than a call's arguments take.
  if (e.k === 'tlb' || e.k === 'prot' || e.k === 'clear') for (const id of e.k === 'tlb' ? e.mms : e.seenBy) out.push(id);
  return out;
}

/** The mm whose tree a table was created in: the root of its path id (sim/view.ts). */
export function treeOfTableId(id: string): MmId {
  const slash = id.indexOf('/');
  return Number(slash < 0 ? id : id.slice(0, slash));
}

function tableSnap(t: TableView, linkers: ReadonlyMap<string, MmId[]>): TableSnap {
  const all = [...t.referrers, ...(linkers.get(t.id) ?? [])];
  return { ...t, referrers: all.slice(0, CAPS.referrers), referrerCount: all.length, tree: treeOfTableId(t.id) };
}

/** The snapshot of one step for one window. */
export function buildSnapshot(input: SnapshotInput): Snapshot {
  const { view, window, mmName } = input;
  const processes = view.mms.filter((m) => !m.isHost);
  const hosts = view.mms.filter((m) => m.isHost);
  const folded = foldProcesses(processes, CAPS.cards);
  const byId = new Map<string, TableView>();
  for (const mm of view.mms) for (const t of mm.tables) byId.set(t.id, t);

  const hostFile = new Map<MmId, string>();
  for (const f of view.files) if (f.host !== null) hostFile.set(f.host, f.name);

  const tableIds = new Set<string>();
  const snapOf = (mm: MmView, count: number, lastName: string, members: readonly MmId[]): MmSnap => {
    const own = mm.tables.map((t) => t.id);
    const borrowed = [...new Set(borrowedIds(mm))].filter((id) => byId.has(id));
    for (const id of [...own, ...borrowed]) tableIds.add(id);
    return {
      id: mm.id,
      name: mm.name,
      isHost: mm.isHost,
      hostOf: hostFile.get(mm.id) ?? null,
      tasks: mm.tasks.slice(0, CAPS.tasks),
      pgtablesBytes: mm.pgtablesBytes,
      rssPages: mm.rssPages,
      vmas: mm.vmas.slice(0, CAPS.vmas),
      tables: own,
      borrowed,
      count,
      lastName,
      members,
    };
  };
  const mms = [
    ...folded.cards.map((c) => snapOf(c.mm, c.count, c.lastName, c.members)),
    ...hosts.slice(0, CAPS.hosts).map((h) => snapOf(h, 1, h.name, [h.id])),
  ];
  const linkers = linkersOf(view.mms, tableIds);
  const tables = [...tableIds].map((id) => tableSnap(byId.get(id) as TableView, linkers));

  const events = input.events.slice(0, CAPS.events);
  const names: Record<number, string> = {};
  const name = (id: MmId): void => {
    names[id] ??= mmName(id);
  };
  for (const m of mms) name(m.id);
  for (const t of tables) {
    name(t.owner);
    t.referrers.forEach(name);
  }
  for (const e of events) mmsOfEvent(e).forEach(name);

  return {
    loadId: input.loadId,
    mode: input.mode,
    side: input.side,
    label: input.label,
    step: input.step,
    total: input.total,
    line: input.located?.line ?? null,
    command: input.located === null ? null : printCommand(input.located.command),
    window,
    autoWindow: input.autoWindow,
    mms,
    tables,
    files: view.files.slice(0, 16),
    names,
    memory: view.memory,
    totals: {
      processes: processes.length,
      shown: folded.cards.reduce((n, c) => n + c.count, 0),
      processPgtablesBytes: processes.reduce((n, m) => n + m.pgtablesBytes, 0),
      hosts: hosts.length,
      oomKilled: input.oomKilled,
    },
    events,
    trace: traceText(events, mmName),
    moreEvents: input.events.length - events.length,
    invariants: input.invariants,
    truncated: view.truncated || folded.hidden > 0 || hosts.length > CAPS.hosts || view.files.length > 16,
  };
}
