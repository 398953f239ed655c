/**
 * Exactly where a touch runs out of memory. A touch takes frames in page
 * order (SPEC 1.7): for each page that faults, the missing tables top-down,
 * then the file page. Most touches fit and never come here; one that does not
 * is replayed item by item to find the page and the allocation that failed.
 */
import type { Level, Vaddr } from '../geometry';
import { PAGE_SIZE } from '../geometry';

/** One allocation (or `count` file pages in a row) a touch will make at va. */
export interface CostItem {
  readonly va: Vaddr;
  readonly count: number;
  readonly need: Level | 'page';
  /** Frames one allocation takes: 1, or 512 for a hugetlb page (which fails whole, at va). */
  readonly unit?: number;
}

export interface OomPoint {
  /** The page whose fault failed. */
  readonly va: Vaddr;
  readonly need: Level | 'page';
}

/** The first allocation that does not fit in `free` frames, or null if all do. */
export function findOomPoint(items: Iterable<CostItem>, free: number): OomPoint | null {
  let left = free;
  for (const it of items) {
    if (it.count <= left) {
      left -= it.count;
      continue;
    }
    if (it.need !== 'page' || (it.unit ?? 1) > 1) return { va: it.va, need: it.need };
    return { va: it.va + left * PAGE_SIZE, need: 'page' };
  }
  return null;
}

/** Total frames of a cost list. */
export function totalCost(items: Iterable<CostItem>): number {
  let n = 0;
  for (const it of items) n += it.count;
  return n;
}
