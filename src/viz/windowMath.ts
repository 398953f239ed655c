/**
 * Zooming and panning the address window. Windows stay on 2 MiB boundaries
 * (whole PTE pages, so a table's slot never half-shows), at least one PTE
 * page wide and inside user space.
 */
import { PMD_SIZE, USER_TOP, alignDown, alignUp } from '../sim/geometry';
import type { AddressWindow } from '../protocol/messages';

export const MIN_SPAN = PMD_SIZE;

/** Snaps outward to 2 MiB and fits the window inside user space. */
export function clampWindow(lo: number, hi: number): AddressWindow {
  let span = Math.max(MIN_SPAN, Math.min(USER_TOP, alignUp(Math.max(hi - lo, 1), PMD_SIZE)));
  let a = alignDown(Math.max(0, lo), PMD_SIZE);
  if (a + span > USER_TOP) a = USER_TOP - span;
  span = Math.min(span, USER_TOP - a);
  return { lo: a, hi: a + span };
}

/** Zooms by `factor` (> 1 zooms out) around the point `anchor` (0..1 across the window). */
export function zoomWindow(w: AddressWindow, factor: number, anchor = 0.5): AddressWindow {
  const span = w.hi - w.lo;
  const next = Math.max(MIN_SPAN, Math.min(USER_TOP, alignUp(Math.round(span * factor), PMD_SIZE)));
  const pivot = w.lo + span * anchor;
  return clampWindow(pivot - next * anchor, pivot - next * anchor + next);
}

/** Moves by `fraction` of the window's width (negative: towards lower addresses). */
export function panWindow(w: AddressWindow, fraction: number): AddressWindow {
  const span = w.hi - w.lo;
  const step = Math.max(PMD_SIZE, alignDown(Math.abs(span * fraction), PMD_SIZE)) * Math.sign(fraction);
  return clampWindow(w.lo + step, w.hi + step);
}

/** True when two windows are the same. */
export function sameWindow(a: AddressWindow | null, b: AddressWindow | null): boolean {
  return a === b || (a !== null && b !== null && a.lo === b.lo && a.hi === b.hi);
}
