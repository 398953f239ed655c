/**
 * A note in storage while a run is under way, removed when it finishes or
 * the page closes normally. If the page dies mid-run (the tab ran out of
 * memory, the browser killed it), the note is still there on the next open:
 * the same text is then not run again by itself, and the reader is told and
 * offered to reopen it up to the last step that completed.
 */
import { load, remove, save } from './storage';

export const MARKER_KEY = 'sptlab.running';

export interface RunMarker {
  /** Of the text being run (textKey), so only that text is held back. */
  readonly key: string;
  /** The step on screen and the steps completed when the note was last written. */
  readonly step: number;
  readonly ran: number;
  readonly total: number;
}

/** A short fingerprint of a text: its length and a 32-bit FNV-1a hash. */
export function textKey(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `${text.length}:${(h >>> 0).toString(16)}`;
}

export function writeMarker(marker: RunMarker): void {
  save(MARKER_KEY, JSON.stringify(marker));
}

export function clearMarker(): void {
  remove(MARKER_KEY);
}

const isCount = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;

/** The note left by a page that died running `text`, or null (none, another text's, or damaged). */
export function markerFor(text: string): RunMarker | null {
  const raw = load(MARKER_KEY);
  if (raw === null || raw.length > 200) return null;
  let x: unknown;
  try {
    x = JSON.parse(raw);
  } catch {
    return null;
  }
  if (typeof x !== 'object' || x === null) return null;
  const m = x as Record<string, unknown>;
  if (m.key !== textKey(text) || !isCount(m.step) || !isCount(m.ran) || !isCount(m.total)) return null;
  return { key: m.key, step: m.step, ran: m.ran, total: m.total };
}

/** The message and reopening offered for a held-back run. */
export function heldRun(marker: RunMarker): { message: string; step: number; limit: number } {
  const n = (x: number): string => x.toLocaleString('en-US');
  const step = Math.min(marker.step, marker.ran);
  return {
    message:
      `Last time, the page closed while this scenario was running (after step ${n(marker.ran)} of ${n(marker.total)}), perhaps because it ran out of memory. ` +
      'It was not run again by itself; your scenario is kept.',
    step,
    limit: marker.ran,
  };
}
