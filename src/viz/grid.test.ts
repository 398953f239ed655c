import { describe, expect, it } from 'vitest';
import { CELL, DIRTY } from './entries';
import { cellAt, gridSegments, rangeOutline, rangeSegments } from './grid';

describe('PTE grid rectangles', () => {
  it('merges equal cells of a row and skips empty ones', () => {
    const cells = new Uint8Array(512);
    cells.fill(CELL.rw, 0, 40); // row 0 whole, row 1 first 8
    cells[41] = CELL.ro | DIRTY;
    expect(gridSegments(cells)).toEqual([
      { row: 0, col: 0, len: 32, state: CELL.rw },
      { row: 1, col: 0, len: 8, state: CELL.rw },
      { row: 1, col: 9, len: 1, state: CELL.ro | DIRTY },
    ]);
  });

  it('draws a full page of one state as 16 rects', () => {
    expect(gridSegments(new Uint8Array(512).fill(CELL.ro))).toHaveLength(16);
  });

  it('splits an entry range at row ends', () => {
    expect(rangeSegments(30, 66).map((s) => [s.row, s.col, s.len])).toEqual([
      [0, 30, 2],
      [1, 0, 32],
      [2, 0, 2],
    ]);
  });

  it('finds the entry under a point', () => {
    expect(cellAt(0, 0, 5)).toBe(0);
    expect(cellAt(159, 79, 5)).toBe(511);
    expect(cellAt(160, 0, 5)).toBeNull();
  });

  it('outlines a range as one staircase', () => {
    expect(rangeOutline(2, 5, 5)).toBe('M10,0H25V5H10Z');
    expect(rangeOutline(30, 66, 1)).toBe('M30,0L32,0L32,2L2,2L2,3L0,3L0,1L30,1Z');
    expect(rangeOutline(0, 512, 1)).toBe('M0,0L32,0L32,15L32,15L32,16L0,16L0,1L0,1Z');
    expect(rangeOutline(4, 4, 1)).toBe('');
  });
});
