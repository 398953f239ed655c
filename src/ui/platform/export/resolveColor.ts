/**
 * Colours as any SVG reader understands them. The page's colours are CSS
 * variables, `color-mix()` and Tailwind's `oklch()`; an exported file must
 * not depend on the page's stylesheet or on a reader that knows CSS Color 4,
 * so each colour is painted once on a canvas and read back as rgb()/rgba().
 */

const cache = new Map<string, string>();
let probe: { el: HTMLElement; ctx: CanvasRenderingContext2D | null } | null = null;

function tools(): { el: HTMLElement; ctx: CanvasRenderingContext2D | null } {
  if (probe === null) {
    const el = document.createElement('span');
    el.style.display = 'none';
    document.body.appendChild(el);
    const canvas = document.createElement('canvas');
    canvas.width = 1;
    canvas.height = 1;
    probe = { el, ctx: canvas.getContext('2d', { willReadFrequently: true }) };
  }
  return probe;
}

/** Whether a computed value is a colour that needs resolving (not `none`, a `url(#…)` paint or already rgb). */
export function needsResolving(value: string): boolean {
  return /^(oklch|oklab|lab|lch|color|color-mix|hwb|var)\(/.test(value.trim()) || value.includes('var(');
}

/** `css` (any colour the page can use, variables included) as `rgb(r, g, b)` or `rgba(r, g, b, a)`; unknown values pass through. */
export function resolveColor(css: string): string {
  const known = cache.get(css);
  if (known !== undefined) return known;
  const { el, ctx } = tools();
  el.style.color = '';
  el.style.color = css;
  const computed = getComputedStyle(el).color;
  let out = computed;
  if (ctx !== null && computed !== '') {
    ctx.clearRect(0, 0, 1, 1);
    ctx.fillStyle = '#000';
    ctx.fillStyle = computed;
    ctx.fillRect(0, 0, 1, 1);
    const [r, g, b, a] = ctx.getImageData(0, 0, 1, 1).data;
    out = a === 255 ? `rgb(${r}, ${g}, ${b})` : `rgba(${r}, ${g}, ${b}, ${Math.round(((a ?? 0) / 255) * 1000) / 1000})`;
  }
  cache.set(css, out);
  return out;
}

/** Forgets resolved colours (the theme changed). */
export function forgetColors(): void {
  cache.clear();
}
