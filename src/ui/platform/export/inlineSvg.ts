/**
 * A copy of an SVG on screen that needs no stylesheet: every style the page
 * gives it through classes and variables is written onto the copy's
 * elements as plain values (colours resolved, fonts as system font stacks),
 * and the classes dropped. Inherited properties are written only where they
 * change, so the file stays small.
 */
import { needsResolving, resolveColor } from './resolveColor';

export const SANS = "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Liberation Sans', sans-serif";
export const MONO = "ui-monospace, 'SF Mono', 'Cascadia Mono', 'DejaVu Sans Mono', Menlo, Consolas, monospace";

const INHERITED = [
  'fill',
  'fill-opacity',
  'stroke',
  'stroke-width',
  'stroke-opacity',
  'stroke-dasharray',
  'stroke-linecap',
  'stroke-linejoin',
  'font-family',
  'font-size',
  'font-weight',
  'font-style',
  'text-anchor',
  'dominant-baseline',
  'letter-spacing',
  'visibility',
  'paint-order',
] as const;
const OWN: readonly (readonly [string, string])[] = [
  ['opacity', '1'],
  ['stop-color', 'rgb(0, 0, 0)'],
  ['stop-opacity', '1'],
];

function plain(prop: string, value: string): string {
  if (prop === 'font-family') return /mono/i.test(value) ? MONO : SANS;
  return needsResolving(value) ? resolveColor(value) : value;
}

function copyStyles(from: Element, to: Element, parent: CSSStyleDeclaration | null): void {
  const cs = getComputedStyle(from);
  const style = (to as SVGElement).style;
  for (const prop of INHERITED) {
    const value = cs.getPropertyValue(prop);
    if (value !== '' && (parent === null || parent.getPropertyValue(prop) !== value)) style.setProperty(prop, plain(prop, value));
  }
  if (cs.display === 'none') style.setProperty('display', 'none');
  for (const [prop, normal] of OWN) {
    const value = cs.getPropertyValue(prop);
    if (value !== '' && value !== normal) style.setProperty(prop, plain(prop, value));
  }
  for (let i = style.length - 1; i >= 0; i--) {
    const prop = style.item(i);
    if (prop.startsWith('--') || style.getPropertyValue(prop).includes('var(')) style.removeProperty(prop);
  }
  // Attributes that name variables would depend on the page: their computed value is in the style now.
  for (const attr of [...to.attributes]) if (attr.value.includes('var(') && attr.name !== 'style') to.removeAttribute(attr.name);
  to.removeAttribute('class');
  to.removeAttribute('tabindex');
  const fromKids = from.children;
  const toKids = to.children;
  for (let i = 0; i < fromKids.length && i < toKids.length; i++) {
    const f = fromKids[i];
    const t = toKids[i];
    if (f !== undefined && t !== undefined) copyStyles(f, t, cs);
  }
}

/** A self-contained copy of `svg` as drawn now. */
export function inlineSvg(svg: SVGSVGElement): SVGSVGElement {
  const copy = svg.cloneNode(true) as SVGSVGElement;
  copyStyles(svg, copy, null);
  return copy;
}
