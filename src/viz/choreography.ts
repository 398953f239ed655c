/**
 * A step's choreography: the beats that play its trace between the two
 * pictures, in causal order (what builds: the walk, new tables, PTEs
 * written, links drawn, a shared change rippling to every sharer; what tears
 * down: an OOM mark, links retracting, entries clearing, pages fading,
 * columns closing, the others sliding into place). Each beat has a start and
 * a duration at 1×; the clock scales them by the speed. Every element on the
 * stage asks the plan when it changes, so nothing moves on its own clock.
 */
import { tableSpan } from '../sim/geometry';
import type { MmId, TraceEvent } from '../sim/events';
import type { Snapshot } from '../protocol/messages';
import type { Column, DiagramLayout } from './layout';
import type { LinkCurve } from './links';
import { stageDiff, type StageDiff } from './stage';
import { transition, type Transition } from './transition';
import { walkPath, type Walk } from './walkPath';

export type BeatKind = 'open' | 'appear' | 'walk' | 'alloc' | 'write' | 'link' | 'ripple' | 'oom' | 'unlink' | 'wipe' | 'free' | 'close' | 'slide';

/** Beat order: what builds, then what tears down. */
const ORDER: readonly BeatKind[] = ['open', 'appear', 'walk', 'alloc', 'write', 'link', 'ripple', 'oom', 'unlink', 'wipe', 'free', 'close', 'slide'];

/** Milliseconds at 1×; a small step adds up to about a second. */
export const BEAT_MS: Readonly<Record<BeatKind, number>> = {
  open: 300,
  appear: 260,
  walk: 360,
  alloc: 260,
  write: 280,
  link: 380,
  ripple: 480,
  oom: 600,
  unlink: 300,
  wipe: 260,
  free: 340,
  close: 300,
  slide: 360,
};

export interface Beat {
  readonly kind: BeatKind;
  readonly start: number;
  readonly dur: number;
}

/** A shared change reaching its sharers: the columns lit, with how many each card stands for. */
export interface Ripple {
  readonly tables: ReadonlySet<string>;
  /** Column mm → how many of its members see the change. */
  readonly sharers: ReadonlyMap<MmId, number>;
  readonly curves: ReadonlySet<string>;
  /** Mms whose TLB the change flushes, as names. */
  readonly tlb: readonly string[];
  readonly tlbCount: number;
}

export interface Plan {
  readonly step: number;
  readonly beats: readonly Beat[];
  readonly duration: number;
  readonly transition: Transition;
  readonly stage: StageDiff;
  /** Beat index at which an added card (next key) grows into its slot. */
  readonly appearAt: ReadonlyMap<string, number>;
  /** Beat index at which a card shows its new entries; before it, its old ones (none, if new). */
  readonly turnAt: ReadonlyMap<string, number>;
  /** Beat index at which a removed card (previous key) fades. */
  readonly ghostAt: ReadonlyMap<string, number>;
  /** Beat index at which a curve draws in (added) or retracts (removed). */
  readonly curveAt: ReadonlyMap<string, number>;
  /** Beat index at which a slot that reaches another mm's table (a phone's link badge) shows it. */
  readonly linkSlotAt: ReadonlyMap<string, number>;
  /** Beat index at which a column appears (added) or closes (removed). */
  readonly columnAt: ReadonlyMap<MmId, number>;
  /** Beat index of the slide of moved columns and cards, if any moved. */
  readonly slideAt: number | null;
  /** VmPTE counters that count from → to during the alloc (or free) beat. */
  readonly counters: ReadonlyMap<MmId, { readonly from: number; readonly to: number; readonly at: number }>;
  /** Entry ranges a card's beat highlights as they change. */
  readonly sweeps: ReadonlyMap<string, readonly (readonly [number, number])[]>;
  readonly walk: { readonly at: number; readonly path: Walk } | null;
  readonly ripple: { readonly at: number; readonly what: Ripple } | null;
  /** Columns marked as OOM-killed, with their words. */
  readonly oom: ReadonlyMap<MmId, string>;
}

export interface StepPictures {
  readonly prev: Snapshot;
  readonly next: Snapshot;
  readonly prevLayout: DiagramLayout;
  readonly nextLayout: DiagramLayout;
  readonly prevCurves: readonly LinkCurve[];
  readonly nextCurves: readonly LinkCurve[];
}

const TEARDOWN_EVENTS = new Set<TraceEvent['k']>(['exit', 'oom', 'host_release', 'free', 'unlink', 'unshare', 'host_unref']);

/** The column each mm draws in (a folded card draws for all its members). */
function columnsByMember(columns: readonly Column[]): Map<MmId, Column> {
  const out = new Map<MmId, Column>();
  for (const c of columns) for (const m of c.mm.members) out.set(m, c);
  return out;
}

/** The plan of one forward step from `prev` to `next`. */
export function choreograph(p: StepPictures): Plan {
  const { prev, next } = p;
  const tr = transition(prev, next);
  const stage = stageDiff(p.prevLayout, p.nextLayout, p.prevCurves, p.nextCurves);
  const events = next.events;
  const teardown = events.some((e) => TEARDOWN_EVENTS.has(e.k));
  const wanted = new Set<BeatKind>();

  const changedById = new Map(tr.tables.changed.map((c) => [c.to.id, c]));
  const appearKind = new Map<string, BeatKind>();
  const turnKind = new Map<string, BeatKind>();
  const ghostAtKind = new Map<string, BeatKind>();
  const curveAtKind = new Map<string, BeatKind>();
  const columnAtKind = new Map<MmId, BeatKind>();
  const sweeps = new Map<string, readonly (readonly [number, number])[]>();

  // Columns: new ones appear after the others make room; gone ones close before the others close up.
  if (stage.columns.added.length > 0 && prev.mms.length > 0) {
    for (const c of stage.columns.added) columnAtKind.set(c.mm.id, 'appear');
    if (stage.columns.moved.size > 0) wanted.add('open');
  } else for (const c of stage.columns.added) columnAtKind.set(c.mm.id, 'appear');
  for (const c of stage.columns.removed) columnAtKind.set(c.mm.id, 'close');
  const slideKind: BeatKind | null = stage.columns.moved.size + stage.cards.moved.size === 0 ? null : stage.columns.added.length > 0 ? 'open' : 'slide';
  if (slideKind !== null) wanted.add(slideKind);
  for (const k of columnAtKind.values()) wanted.add(k);

  // Tables: new cards grow in; changed cards turn at the beat of what changed them.
  const writeKind: BeatKind = teardown ? 'wipe' : 'write';
  const writes = events.some((e) => e.k === 'set');
  for (const card of stage.cards.added) {
    const grow: BeatKind = stage.columns.added.some((c) => c.mm.id === card.mm) && !events.some((e) => e.k === 'alloc') ? 'appear' : 'alloc';
    appearKind.set(card.key, grow);
    const leaves = card.table.entries.filter((r) => r.kind === 'leaf').map((r): readonly [number, number] => [r.lo, r.hi]);
    const links = card.table.entries.some((r) => r.kind === 'link' || r.kind === 'shared');
    // A new table is allocated empty; the fault then writes its entries, or links them.
    if (writes && leaves.length > 0) {
      turnKind.set(card.key, 'write');
      sweeps.set(card.key, leaves);
    } else turnKind.set(card.key, links ? 'link' : grow);
  }
  for (const card of p.nextLayout.cards) {
    const ch = changedById.get(card.table.id);
    if (ch === undefined || turnKind.has(card.key)) continue;
    const leafy = card.table.level === 'pte' || ch.to.entries.some((r) => r.kind === 'leaf') || ch.from.entries.some((r) => r.kind === 'leaf');
    const linky = [...ch.from.entries, ...ch.to.entries].some((r) => r.kind === 'link' || r.kind === 'shared') || ch.from.referrerCount !== ch.to.referrerCount;
    const kind: BeatKind = leafy && ch.entries.length > 0 ? writeKind : linky ? (teardown ? 'unlink' : 'link') : teardown ? 'free' : 'alloc';
    turnKind.set(card.key, kind);
    if (kind === writeKind) sweeps.set(card.key, ch.entries);
  }
  for (const card of stage.cards.removed) ghostAtKind.set(card.key, 'free');
  for (const c of stage.curves.added) curveAtKind.set(c.key, 'link');
  const linkSlotKind = new Map<string, BeatKind>();
  const slotsBefore = new Map(p.prevLayout.slots.map((sl) => [sl.key, sl.target]));
  for (const sl of p.nextLayout.slots) if (sl.target !== null && slotsBefore.get(sl.key) !== sl.target) linkSlotKind.set(sl.key, 'link');
  for (const c of stage.curves.removed) curveAtKind.set(c.key, 'unlink');
  for (const k of [...appearKind.values(), ...turnKind.values(), ...ghostAtKind.values(), ...curveAtKind.values(), ...linkSlotKind.values()]) wanted.add(k);

  // The walk of the step's first fault (or single-page touch), through the previous picture.
  const first = events.find((e) => e.k === 'walk' || e.k === 'fault');
  const colOf = columnsByMember([...p.nextLayout.columns, ...stage.columns.removed]);
  const walk = first !== undefined && (first.k === 'walk' || first.k === 'fault') ? walkPath(first.mm, first.va, first.k === 'walk' ? first.stop : null, prev, next, p.nextLayout, colOf) : null;
  if (walk !== null) wanted.add('walk');

  // A change to a shared page reaches every sharer along its links.
  const ripple = rippleOf(events, next, p.nextCurves, colOf, teardown);
  if (ripple !== null) wanted.add('ripple');

  const oom = new Map<MmId, string>();
  for (const e of events) if (e.k === 'oom') oom.set(colOf.get(e.mm)?.mm.id ?? e.mm, `OOM-killed: no memory for ${e.need === 'page' ? 'a file page' : `a ${e.need.toUpperCase()} page`}`);
  if (oom.size > 0) wanted.add('oom');

  const beats: Beat[] = [];
  const index = new Map<BeatKind, number>();
  let t = 0;
  for (const kind of ORDER) {
    if (!wanted.has(kind)) continue;
    index.set(kind, beats.length);
    beats.push({ kind, start: t, dur: BEAT_MS[kind] });
    t += BEAT_MS[kind];
  }
  const at = (k: BeatKind): number => index.get(k) ?? 0;
  const mapAt = <K,>(m: Map<K, BeatKind>): Map<K, number> => new Map([...m].map(([key, k]) => [key, at(k)]));

  const counters = new Map<MmId, { from: number; to: number; at: number }>();
  for (const c of [...tr.processes.changed, ...tr.hosts.changed]) {
    if (c.from.pgtablesBytes !== c.to.pgtablesBytes) counters.set(c.to.id, { from: c.from.pgtablesBytes, to: c.to.pgtablesBytes, at: at(c.to.pgtablesBytes > c.from.pgtablesBytes ? 'alloc' : 'free') });
  }

  return {
    step: next.step,
    beats,
    duration: t,
    transition: tr,
    stage,
    appearAt: mapAt(appearKind),
    turnAt: mapAt(turnKind),
    ghostAt: mapAt(ghostAtKind),
    curveAt: mapAt(curveAtKind),
    linkSlotAt: mapAt(linkSlotKind),
    columnAt: mapAt(columnAtKind),
    slideAt: slideKind === null ? null : at(slideKind),
    counters,
    sweeps,
    walk: walk === null ? null : { at: at('walk'), path: walk },
    ripple: ripple === null ? null : { at: at('ripple'), what: ripple },
    oom,
  };
}

/** prot or clear of present leaves seen by more than the writer: the ripple of SPEC 5. */
function rippleOf(events: readonly TraceEvent[], next: Snapshot, curves: readonly LinkCurve[], colOf: ReadonlyMap<MmId, Column>, teardown: boolean): Ripple | null {
  const tables = new Set<string>();
  const seen = new Set<MmId>();
  const tlb = new Set<MmId>();
  for (const e of events) {
    if (e.k === 'tlb') for (const m of e.mms) tlb.add(m);
    if ((e.k !== 'prot' && e.k !== 'clear') || (e.k === 'clear' && teardown)) continue;
    if (e.seenBy.length < 2) continue;
    for (const m of e.seenBy) seen.add(m);
    for (const t of next.tables) {
      if (t.tree === e.mm && t.level === e.level && t.va < e.va + e.len && e.va < t.va + tableSpan(t.level)) tables.add(t.id);
    }
  }
  if (seen.size === 0) return null;
  const sharers = new Map<MmId, number>();
  for (const m of seen) {
    const col = colOf.get(m);
    if (col !== undefined && !col.mm.isHost) sharers.set(col.mm.id, (sharers.get(col.mm.id) ?? 0) + 1);
  }
  // Folded members the snapshot could not list still count: a card of N identical sharers sees it N times.
  for (const [id, n] of sharers) {
    const col = [...colOf.values()].find((c) => c.mm.id === id);
    if (col !== undefined && col.mm.count > col.mm.members.length) sharers.set(id, Math.max(n, col.mm.count));
  }
  const names = (ids: Iterable<MmId>) => [...ids].map((m) => next.names[m] ?? `mm ${m}`);
  return {
    tables,
    sharers,
    curves: new Set(curves.filter((c) => tables.has(c.to)).map((c) => c.key)),
    tlb: names([...tlb].slice(0, 6)),
    tlbCount: tlb.size,
  };
}

