/**
 * Sizes on the scale explorer's sliders: log-spaced stops, and the stop
 * nearest a typed size. Reading and writing sizes lives in protocol/sizes.ts.
 */
export { parseSize, sizeText } from '../protocol/sizes';

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
