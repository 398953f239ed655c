/** Scaling the drawing to the space it has. */

/**
 * How much to scale the drawing: shrink to fit the width (down to 0.6, then
 * scroll), grow up to 1.6 on a big screen such as a projector, but only as far
 * as the height also allows, so growing never pushes tables out of sight.
 */
export function fitScale(w: number, h: number, availW: number, availH: number, narrow: boolean): number {
  if (narrow || availW <= 0 || w <= 0) return 1;
  const byWidth = availW / w;
  const byHeight = availH > 0 && h > 0 ? availH / h : 1;
  return Math.min(1.6, Math.max(0.6, Math.min(byWidth, Math.max(1, byHeight))));
}
