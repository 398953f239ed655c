/**
 * Sizes as people write them in the scale explorer, in links and in lesson
 * views: "300G", "2M", "1T", "4096" (binary units, as the scenario language
 * reads them), and back to the shortest such text. One reader for every
 * layer that takes a size from a person.
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
