/**
 * Sizes as people type them in the scale explorer and in links: "300G",
 * "2M", "1T", "4096" (binary units, as the scenario language reads them),
 * and back to the shortest such text.
 */
const UNITS: Readonly<Record<string, number>> = { '': 1, K: 2 ** 10, M: 2 ** 20, G: 2 ** 30, T: 2 ** 40 };

/** Bytes from "300G", "300 GiB", "2m", "4096"; null when it is not a size. */
export function parseSize(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?)\s*([kKmMgGtT]?)(?:i?[bB])?\s*$/.exec(text);
  if (m === null) return null;
  const n = Number(m[1]) * (UNITS[(m[2] ?? '').toUpperCase()] ?? 1);
  return Number.isSafeInteger(n) ? n : null;
}

/** The shortest exact text for a size: 322122547200 → "300G". */
export function sizeText(bytes: number): string {
  for (const unit of ['T', 'G', 'M', 'K'] as const) {
    const u = UNITS[unit] as number;
    if (bytes >= u && bytes % u === 0) return `${bytes / u}${unit}`;
  }
  return String(bytes);
}

/** Slider stops from lo to hi (powers of two, and 1.5× between them), each a multiple of `align`. */
export function logStops(lo: number, hi: number, align: number): number[] {
  const out = new Set<number>();
  for (let p = lo; p <= hi; p *= 2) {
    out.add(p);
    const mid = Math.round((p * 1.5) / align) * align;
    if (mid < hi) out.add(mid);
  }
  out.add(hi);
  return [...out].sort((a, b) => a - b);
}

/** The stop nearest a value (on a log scale), so a typed size moves the slider close to it. */
export function nearestStop(stops: readonly number[], value: number): number {
  let best = 0;
  for (let i = 1; i < stops.length; i++) {
    if (Math.abs(Math.log(stops[i] as number) - Math.log(value)) < Math.abs(Math.log(stops[best] as number) - Math.log(value))) best = i;
  }
  return best;
}
