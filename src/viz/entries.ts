/**
 * A table's entries as the screen draws them: a directory card (PGD, PUD,
 * PMD) as a few ptdump-like lines, `0–1 ⇢ host PTE ×2`; a PTE page as 512
 * cell states for its 32 x 16 grid. Colour is never the only cue: each state
 * has a name, and dirty is a mark on top of the state, not a colour of its own.
 */
import { D, P, W, bitsText, has } from '../sim/bits';
import { ENTRIES, type Level } from '../sim/geometry';
import type { EntryRun } from '../sim/view';
import type { TableSnap } from '../protocol/messages';
import { indexRange } from './format';

export type LineKind = 'table' | 'link' | 'shared' | 'leaf' | 'more';

export interface DirLine {
  readonly kind: LineKind;
  readonly text: string;
  readonly lo: number;
  readonly hi: number;
  /** Table ids the run's entries point at (links and shared entries reach other mms). */
  readonly targets: readonly string[];
}

const CHILD: Readonly<Record<Level, string>> = { pgd: 'PUD', pud: 'PMD', pmd: 'PTE', pte: 'page' };

function times(n: number): string {
  return n > 1 ? ` ×${n}` : '';
}

/** Where each entry of a run points. */
export function runTargets(run: EntryRun): string[] {
  switch (run.kind) {
    case 'table':
    case 'link':
      return Array.from({ length: run.hi - run.lo }, (_, i) => `${run.parent}/${run.lo + i}`);
    case 'shared':
      return [run.target];
    case 'leaf':
      return [];
  }
}

export function runText(level: Level, run: EntryRun): string {
  const n = run.hi - run.lo;
  const at = indexRange(run.lo, run.hi);
  switch (run.kind) {
    case 'table':
      return `${at} → ${CHILD[level]}${times(n)}`;
    case 'link':
      return `${at} ⇢ host PTE${times(n)}`;
    case 'shared':
      // hugetlb shares a PMD page from a PUD entry; msharefs a host's PUD page from a PGD entry.
      return `${at} ⇢ shared ${CHILD[level]}`;
    case 'leaf':
      return `${at} huge page${n > 1 ? 's' : ''} ${has(run.bits, W) ? 'rw' : 'ro'}`;
  }
}

/** At most `max` lines; the last says how many runs were left off. */
export function dirLines(table: TableSnap, max: number): DirLine[] {
  const lines = table.entries.map((run) => ({ kind: run.kind, text: runText(table.level, run), lo: run.lo, hi: run.hi, targets: runTargets(run) }));
  if (lines.length <= max) return lines;
  const first = lines[0];
  if (max <= 1 && first !== undefined) return [{ ...first, text: `${first.text} (+${lines.length - 1} more)` }];
  const kept = lines.slice(0, max - 1);
  const rest = lines.length - kept.length;
  return [...kept, { kind: 'more', text: `… ${rest} more runs`, lo: 0, hi: 0, targets: [] }];
}

/** Non-empty entries of a table. */
export function usedEntries(table: TableSnap): number {
  return table.entries.reduce((n, r) => n + (r.hi - r.lo), 0);
}

/** A PTE cell: empty, populated but not present (PROT_NONE), read-only, writable; +DIRTY when D is set. */
export const CELL = { empty: 0, none: 1, ro: 2, rw: 3 } as const;
export const DIRTY = 4;

export function cellState(bits: number): number {
  const base = !has(bits, P) ? CELL.none : has(bits, W) ? CELL.rw : CELL.ro;
  return base | (has(bits, D) ? DIRTY : 0);
}

/** The 512 cells of a PTE page, in entry order. */
export function pteCells(table: TableSnap): Uint8Array {
  const cells = new Uint8Array(ENTRIES);
  for (const r of table.entries) if (r.kind === 'leaf') cells.fill(cellState(r.bits), r.lo, r.hi);
  return cells;
}

/** A state in words, for labels, legends and screen readers. */
export function cellWords(state: number): string {
  const base = state & 3;
  const words = base === CELL.empty ? 'empty' : base === CELL.none ? 'populated, not present (PROT_NONE)' : base === CELL.ro ? 'present, read-only' : 'present, writable';
  return (state & DIRTY) !== 0 ? `${words}, dirty` : words;
}

/** The leaf run covering entry `index`, if any. */
export function runAt(table: TableSnap, index: number): EntryRun | null {
  return table.entries.find((r) => r.lo <= index && index < r.hi) ?? null;
}

export { bitsText };

/** The file page a leaf entry maps (the first of a huge page), or null. */
export function pageOfEntry(table: TableSnap, index: number): { readonly file: string; readonly page: number } | null {
  const run = runAt(table, index);
  if (run === null || run.kind !== 'leaf') return null;
  return { file: run.file, page: run.page0 + (index - run.lo) * run.pagesPerEntry };
}
