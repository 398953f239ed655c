/**
 * How numbers read on screen: addresses as grouped hex (`0x7f00_0000_0000`),
 * sizes in binary units with the exact byte count for hovers, levels as the
 * kernel names them. Reuses the engine's own formatters so the diagram, the
 * trace and the headless runner print the same strings.
 */
import { formatBytes, hex, type Level } from '../sim/geometry';

export { formatBytes, hex };

// One formatter for every count on screen: toLocaleString('en-US') builds a new one per call, about 20x slower in Chromium.
const EN_US = new Intl.NumberFormat('en-US');

/** "1,497": a count with its thousands grouped, as toLocaleString('en-US') writes it. */
export function grouped(n: number): string {
  return EN_US.format(n);
}

/** "8,192 bytes": the exact figure behind a rounded one. */
export function exactBytes(n: number): string {
  return `${grouped(n)} ${n === 1 ? 'byte' : 'bytes'}`;
}

/** PGD, PUD, PMD, PTE. */
export function levelName(level: Level): string {
  return level.toUpperCase();
}

/** "12" or "0–3": an index range [lo, hi) as a reader writes it. */
export function indexRange(lo: number, hi: number): string {
  return hi - lo <= 1 ? String(lo) : `${lo}–${hi - 1}`;
}

/** "[lo, hi)" as two grouped hex addresses. */
export function addressRange(lo: number, hi: number): string {
  return `${hex(lo)} – ${hex(hi)}`;
}

/** "1 process" / "3 processes". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${grouped(n)} ${n === 1 ? one : many}`;
}

/** A list of names for a sentence, shortened past `max`: "db1, db2 and 1,497 more". */
export function nameList(names: readonly string[], total = names.length, max = 6): string {
  const shown = names.slice(0, max);
  const more = total - shown.length;
  if (more <= 0) return shown.length <= 1 ? shown.join('') : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1] ?? ''}`;
  return `${shown.join(', ')} and ${grouped(more)} more`;
}
