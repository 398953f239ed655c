/**
 * A PTE page's 32 x 16 grid as few rectangles: consecutive cells of one state
 * in a row merge into one segment, so a full page is 16 rects, not 512, and a
 * thousand-page diagram still renders fast. Cell borders come from a pattern.
 */
import { DIRTY } from './entries';

export const GRID_COLS = 32;
export const GRID_ROWS = 16;

export interface Segment {
  readonly row: number;
  readonly col: number;
  readonly len: number;
  /** The cell state (entries.ts CELL, plus DIRTY). */
  readonly state: number;
}

/** Runs of equal, non-empty cells per row. */
export function gridSegments(cells: Uint8Array): Segment[] {
  const out: Segment[] = [];
  for (let row = 0; row < GRID_ROWS; row++) {
    let col = 0;
    while (col < GRID_COLS) {
      const state = cells[row * GRID_COLS + col] ?? 0;
      let end = col + 1;
      while (end < GRID_COLS && cells[row * GRID_COLS + end] === state) end++;
      if (state !== 0) out.push({ row, col, len: end - col, state });
      col = end;
    }
  }
  return out;
}

/** Segments of entries lo..hi-1 (for highlighting what changed this step). */
export function rangeSegments(lo: number, hi: number): Segment[] {
  const out: Segment[] = [];
  for (let i = lo; i < hi; ) {
    const row = Math.floor(i / GRID_COLS);
    const col = i % GRID_COLS;
    const len = Math.min(GRID_COLS - col, hi - i);
    out.push({ row, col, len, state: 0 });
    i += len;
  }
  return out;
}

/** The entry under a point of the grid, or null outside it. */
export function cellAt(x: number, y: number, cell: number): number | null {
  const col = Math.floor(x / cell);
  const row = Math.floor(y / cell);
  if (col < 0 || col >= GRID_COLS || row < 0 || row >= GRID_ROWS) return null;
  return row * GRID_COLS + col;
}

export function isDirty(state: number): boolean {
  return (state & DIRTY) !== 0;
}

/** The outline of entries lo..hi-1 on the grid: one closed staircase path (for "changed" marks). */
export function rangeOutline(lo: number, hi: number, cell: number): string {
  if (hi <= lo) return '';
  const r0 = Math.floor(lo / GRID_COLS);
  const c0 = lo % GRID_COLS;
  const r1 = Math.floor((hi - 1) / GRID_COLS);
  const c1 = ((hi - 1) % GRID_COLS) + 1;
  const p = (c: number, r: number): string => `${c * cell},${r * cell}`;
  if (r0 === r1) return `M${p(c0, r0)}H${c1 * cell}V${(r0 + 1) * cell}H${c0 * cell}Z`;
  return `M${p(c0, r0)}L${p(GRID_COLS, r0)}L${p(GRID_COLS, r1)}L${p(c1, r1)}L${p(c1, r1 + 1)}L${p(0, r1 + 1)}L${p(0, r0 + 1)}L${p(c0, r0 + 1)}Z`;
}
