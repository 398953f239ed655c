/**
 * The address window the screen opens on when the page has not asked for
 * one: the first mapping the scenario makes, on 2 MiB boundaries (whole PTE
 * pages), at most a few PTE pages wide so each one's 512 entries stay legible.
 */
import type { TraceEvent } from '../sim/events';
import { PMD_SIZE, alignDown, alignUp } from '../sim/geometry';
import type { AddressWindow } from '../protocol/messages';

/** PTE pages (2 MiB each) the automatic window spans at most. */
export const AUTO_PTE_PAGES = 4;

/** Where the screen looks before any mapping exists: a usual mmap area. */
export const DEFAULT_WINDOW: AddressWindow = { lo: 0x7f00_0000_0000, hi: 0x7f00_0000_0000 + AUTO_PTE_PAGES * PMD_SIZE };

/** The window around the first mmap among the steps' events, or null when none mapped yet. */
export function autoWindow(steps: readonly (readonly TraceEvent[])[]): AddressWindow | null {
  for (const events of steps) {
    for (const e of events) {
      if (e.k !== 'mmap') continue;
      const lo = alignDown(e.va, PMD_SIZE);
      const hi = Math.min(alignUp(e.va + Math.max(e.len, 1), PMD_SIZE), lo + AUTO_PTE_PAGES * PMD_SIZE);
      return { lo, hi: Math.max(hi, lo + PMD_SIZE) };
    }
  }
  return null;
}
