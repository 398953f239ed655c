/**
 * The address window the screen opens on when the page has not asked for
 * one: where the scenario first builds tables, on 2 MiB boundaries (whole PTE
 * pages), at most a few PTE pages wide so each one's 512 entries stay legible.
 */
import type { TraceEvent } from '../sim/events';
import { PMD_SIZE, alignDown, alignUp } from '../sim/geometry';
import type { AddressWindow } from '../protocol/messages';

/** PTE pages (2 MiB each) the automatic window spans at most. */
export const AUTO_PTE_PAGES = 4;

/** Where the screen looks before any mapping exists: a usual mmap area. */
export const DEFAULT_WINDOW: AddressWindow = { lo: 0x7f00_0000_0000, hi: 0x7f00_0000_0000 + AUTO_PTE_PAGES * PMD_SIZE };

/**
 * The window around the first page a process touched (where tables are first
 * built), clipped to the mapping that holds it; before any touch, around the
 * first mmap; null when nothing is mapped yet.
 */
export function autoWindow(steps: readonly (readonly TraceEvent[])[]): AddressWindow | null {
  const maps: { va: number; len: number }[] = [];
  for (const events of steps) {
    for (const e of events) {
      if (e.k === 'mmap') maps.push({ va: e.va, len: e.len });
      else if (e.k === 'fault') {
        const holder = maps.find((m) => m.va <= e.va && e.va < m.va + m.len);
        return around(e.va, holder === undefined ? e.va + e.len : holder.va + holder.len);
      }
    }
  }
  const first = maps[0];
  return first === undefined ? null : around(first.va, first.va + Math.max(first.len, 1));
}

/** From the 2 MiB chunk holding `start`, up to `end`, between one and AUTO_PTE_PAGES PTE pages. */
function around(start: number, end: number): AddressWindow {
  const lo = alignDown(start, PMD_SIZE);
  const hi = Math.min(alignUp(end, PMD_SIZE), lo + AUTO_PTE_PAGES * PMD_SIZE);
  return { lo, hi: Math.max(hi, lo + PMD_SIZE) };
}

/**
 * autoWindow as a run goes, fed one step's events at a time: the same window
 * autoWindow would give for the steps fed so far, at a cost per event (the
 * mappings are kept only until the first fault fixes the window).
 */
export class AutoWindowTracker {
  private readonly maps: { va: number; len: number }[] = [];
  private fixed: AddressWindow | null = null;

  feed(events: readonly TraceEvent[]): void {
    if (this.fixed !== null) return;
    for (const e of events) {
      if (e.k === 'mmap') this.maps.push({ va: e.va, len: e.len });
      else if (e.k === 'fault') {
        const holder = this.maps.find((m) => m.va <= e.va && e.va < m.va + m.len);
        this.fixed = around(e.va, holder === undefined ? e.va + e.len : holder.va + holder.len);
        this.maps.length = 0;
        return;
      }
    }
  }

  /** The window so far, or null while nothing is mapped. */
  get window(): AddressWindow | null {
    if (this.fixed !== null) return this.fixed;
    const first = this.maps[0];
    return first === undefined ? null : around(first.va, first.va + Math.max(first.len, 1));
  }
}
