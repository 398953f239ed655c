/**
 * The diagram's geometry as plain data (ARCHITECTURE habit 8): one column
 * per mm (folded processes, then the host mms set apart), each table in the
 * slot its address gives it (slots.ts), keyed by mm and table id so React
 * keeps every element in place between steps. On a narrow screen the columns
 * stack and links become badges (links.ts draws curves only when wide).
 */
import { entrySpan, tableSpan, type Level } from '../sim/geometry';
import type { MmSnap, Snapshot, TableSnap } from '../protocol/messages';
import { GRID_COLS, GRID_ROWS } from './grid';
import { levelSlots, type LevelSlots } from './slots';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

export interface Metrics {
  readonly narrow: boolean;
  readonly gutter: number;
  readonly colW: number;
  readonly colGap: number;
  readonly hostGap: number;
  readonly headerH: number;
  readonly inset: number;
  readonly gap: number;
  readonly lineH: number;
  readonly cardHead: number;
  readonly cell: number;
}

/** Lines a directory card has room for, per level. */
export const CARD_LINES: Readonly<Record<Level, number>> = { pgd: 1, pud: 1, pmd: 3, pte: 0 };

export function metrics(narrow: boolean, width: number): Metrics {
  if (!narrow) return { narrow, gutter: 40, colW: 188, colGap: 18, hostGap: 64, headerH: 58, inset: 12, gap: 10, lineH: 14, cardHead: 18, cell: 5 };
  const colW = Math.max(300, width);
  const cell = Math.max(4, Math.min(8, Math.floor((colW - 12 - 16) / GRID_COLS)));
  return { narrow, gutter: 0, colW, colGap: 0, hostGap: 0, headerH: 58, inset: 12, gap: 10, lineH: 16, cardHead: 20, cell };
}

/** Room under a PTE grid for its words (shared by, changed). */
export const PTE_FOOT = 20;

/** Height of a link badge on a phone. */
export const BADGE_H = 40;

/** Height of a card of this level. */
export function cardHeight(m: Metrics, level: Level): number {
  return level === 'pte' ? m.cardHead + GRID_ROWS * m.cell + PTE_FOOT : m.cardHead + CARD_LINES[level] * m.lineH + 6;
}

export interface Column extends Box {
  readonly mm: MmSnap;
  /** Owner hue index (stable per mm id), or 'host' for the slate of host mms. */
  readonly hue: number | 'host';
}

export interface Card extends Box {
  readonly key: string;
  readonly mm: number;
  readonly table: TableSnap;
}

/** A slot with no own table: empty, or reached through a link / hugetlb share. */
export interface Slot extends Box {
  readonly key: string;
  readonly mm: number;
  readonly level: Level;
  readonly va: number;
  /** The table another mm holds that this slot reaches, if any, and the entry that points there. */
  readonly target: string | null;
  readonly targetIndex: number | null;
}

export interface Row {
  readonly level: Level;
  readonly y: number;
  readonly h: number;
  readonly slots: LevelSlots;
}

export interface DiagramLayout {
  readonly metrics: Metrics;
  readonly width: number;
  readonly height: number;
  readonly columns: readonly Column[];
  readonly cards: readonly Card[];
  readonly slots: readonly Slot[];
  /** Row positions relative to a column's top. */
  readonly rows: readonly Row[];
  /** Places kept empty for a column only the other side has (compare mode). */
  readonly gaps: readonly (Box & { readonly name: string; readonly isHost: boolean })[];
}

/** Owner hues cycle through this many; the same mm keeps its hue for the whole run. */
export const HUES = 5;

function rowsOf(m: Metrics, slots: readonly LevelSlots[]): Row[] {
  let y = m.headerH;
  return slots.map((s) => {
    const h = s.vas.length * (cardHeight(m, s.level) + m.gap);
    const row = { level: s.level, y, h, slots: s };
    y += h;
    return row;
  });
}

/**
 * Lays out a snapshot; `width` matters only for the narrow (stacked) form.
 * `align` (compare mode) is the other side's column order by name: this side
 * puts each of its columns where that name stands there and leaves a gap for
 * a column it does not have, so the same process stands at the same place.
 */
export function layoutDiagram(snap: Snapshot, narrow: boolean, width: number, align?: readonly Place[]): DiagramLayout {
  const m = metrics(narrow, width);
  const byId = new Map(snap.tables.map((t) => [t.id, t]));
  const shifts = regionShifts(snap, byId);
  const rows = rowsOf(m, levelSlots(snap.window, snap.tables));
  const colH = (rows[rows.length - 1]?.y ?? m.headerH) + (rows[rows.length - 1]?.h ?? 0);
  const columns: Column[] = [];
  const cards: Card[] = [];
  const slots: Slot[] = [];
  const gaps: DiagramLayout['gaps'][number][] = [];
  let x = m.gutter;
  let y = 0;
  let prevHost = true;
  for (const place of align === undefined || narrow ? columnOrder(snap.mms).map(placeOf) : aligned(snap.mms, align)) {
    // A host mm stands apart from the processes before it.
    if (place.isHost && !prevHost && !narrow) x += m.hostGap - m.colGap;
    prevHost = place.isHost;
    const mm = place.mm;
    if (mm === null) {
      gaps.push({ name: place.name, isHost: place.isHost, x, y, w: m.colW, h: colH });
      x += m.colW + m.colGap;
      continue;
    }
    const reach = reached(mm, byId);
    const placed: (Omit<Card, 'x' | 'y' | 'w'> | Omit<Slot, 'x' | 'y' | 'w'>)[] = [];
    const at: { dy: number }[] = [];
    let packed = m.headerH;
    for (const row of rows) {
      const h = cardHeight(m, row.level);
      row.slots.vas.forEach((va, i) => {
        const shift = row.level === 'pgd' ? 0 : (shifts.get(mm.id) ?? 0);
        const own = mm.tables.map((id) => byId.get(id)).find((t) => t !== undefined && t.level === row.level && t.va + shift === va);
        const reachedHere = reach.get(`${row.level}:${va}`);
        const target = reachedHere?.id ?? null;
        // A phone shows only what is there: no placeholders for absent tables.
        if (narrow && own === undefined && target === null) return;
        // On a phone a link is a one-line badge, not a card-sized placeholder.
        const boxH = narrow && own === undefined ? BADGE_H : h;
        at.push({ dy: narrow ? packed : row.y + i * (h + m.gap) });
        packed += boxH + m.gap;
        placed.push(
          own !== undefined
            ? { key: `${mm.id}:${own.id}`, mm: mm.id, table: own, h }
            : { key: `${mm.id}:${row.level}:${va}`, mm: mm.id, level: row.level, va, target, targetIndex: reachedHere?.index ?? null, h: boxH },
        );
      });
    }
    const h = narrow ? packed + 4 : colH;
    columns.push({ mm, hue: mm.isHost ? 'host' : (mm.id - 1) % HUES, x, y, w: m.colW, h });
    placed.forEach((p, i) => {
      const box = { x: x + m.inset, y: y + (at[i]?.dy ?? 0), w: m.colW - m.inset - (narrow ? m.inset : 6) };
      if ('table' in p) cards.push({ ...p, ...box });
      else slots.push({ ...p, ...box });
    });
    if (narrow) y += h + 16;
    else x += m.colW + m.colGap;
  }
  const width_ = narrow ? m.colW : x - m.colGap + 8;
  const height = narrow ? Math.max(0, y - 16) : colH;
  return { metrics: m, width: width_, height, columns, cards, slots, rows, gaps };
}

/** A column's place in a row of columns: the mm drawn there (null: a gap kept for the other side's). */
export interface Place {
  readonly name: string;
  readonly isHost: boolean;
  readonly mm: MmSnap | null;
}

function placeOf(mm: MmSnap): Place {
  return { name: mm.name, isHost: mm.isHost, mm };
}

/** A snapshot's columns in order, as the places another side aligns with (compare mode). */
export function placesOf(snap: Snapshot): Place[] {
  return columnOrder(snap.mms).map(placeOf);
}

/** This side's columns in the other side's places; columns it alone has go at the end. */
function aligned(mms: readonly MmSnap[], align: readonly Place[]): Place[] {
  const byName = new Map(mms.map((m) => [m.name, m]));
  const named = new Set(align.map((p) => p.name));
  return [...align.map((p) => ({ name: p.name, isHost: p.isHost, mm: byName.get(p.name) ?? null })), ...columnOrder(mms.filter((m) => !named.has(m.name))).map(placeOf)];
}

/**
 * Columns left to right: processes that share through no host first, then
 * each host mm right after the processes whose MAP_SHARED_PT region it
 * holds, so a link curve never crosses a column that takes no part in it.
 */
export function columnOrder(mms: readonly MmSnap[]): MmSnap[] {
  const hosts = mms.filter((m) => m.isHost);
  const hostOf = (mm: MmSnap): number | null => mm.vmas.find((v) => v.host !== null && hosts.some((h) => h.id === v.host))?.host ?? null;
  const processes = mms.filter((m) => !m.isHost);
  return [...processes.filter((p) => hostOf(p) === null), ...hosts.flatMap((h) => [...processes.filter((p) => hostOf(p) === h.id), h])];
}

/**
 * msharefs: a region's host mm holds its tables at its own addresses, and
 * each window maps it at another. The host column is drawn at the address of
 * the first window in view that links to it, so its PUD page stands level
 * with the PGD entries that point at it. Every other mm: no shift.
 */
function regionShifts(snap: Snapshot, byId: ReadonlyMap<string, TableSnap>): Map<number, number> {
  const out = new Map<number, number>();
  for (const t of snap.tables) {
    if (t.level !== 'pgd') continue;
    for (const run of t.entries) {
      if (run.kind !== 'shared') continue;
      const target = byId.get(run.target);
      if (target === undefined || out.has(target.tree)) continue;
      out.set(target.tree, run.lo * entrySpan('pgd') - target.va);
    }
  }
  return out;
}

/**
 * Tables this mm's own entries reach in other trees (MAP_SHARED_PT links,
 * hugetlb shared PMD pages), by the `level:va` slot each entry's own address
 * gives: a shared PMD page may sit at another address in its owner's tree.
 */
function reached(mm: MmSnap, byId: ReadonlyMap<string, TableSnap>): Map<string, { id: string; index: number }> {
  const out = new Map<string, { id: string; index: number }>();
  for (const id of mm.tables) {
    const t = byId.get(id);
    if (t === undefined || t.level === 'pte') continue;
    const span = entrySpan(t.level);
    const below = t.level === 'pgd' ? 'pud' : t.level === 'pud' ? 'pmd' : 'pte';
    for (const run of t.entries) {
      if (run.kind !== 'link' && run.kind !== 'shared') continue;
      for (let i = run.lo; i < run.hi; i++) {
        const target = run.kind === 'link' ? `${run.parent}/${i}` : run.target;
        if (byId.has(target)) out.set(`${below}:${t.va + i * span}`, { id: target, index: i });
      }
    }
  }
  return out;
}

/** The card of the table one level up in the same column whose span holds `card`. */
export function parentCard(card: Card, cards: readonly Card[]): Card | null {
  const up: Record<Level, Level | null> = { pgd: null, pud: 'pgd', pmd: 'pud', pte: 'pmd' };
  const level = up[card.table.level];
  if (level === null) return null;
  return (
    cards.find((c) => c.mm === card.mm && c.table.level === level && c.table.va <= card.table.va && card.table.va < c.table.va + tableSpan(level)) ?? null
  );
}
