/**
 * The exported picture as one standalone SVG document: the step caption on
 * top, the diagram (one per side shown) as drawn, its legend, and the
 * counters, on the theme's background. Pure string building over plain
 * values, so its layout is tested without a browser.
 */
import { MONO, SANS } from './inlineSvg';

export interface LegendItem {
  readonly label: string;
  readonly fill: string;
  readonly stroke: string;
  readonly dashed?: boolean;
  /** A dot in the swatch (dirty), its colour. */
  readonly dot?: string;
}

export interface ExportPicture {
  readonly colors: { readonly bg: string; readonly ink: string; readonly muted: string; readonly line: string };
  readonly caption: string;
  readonly detail: string;
  /** Each diagram's markup (an <svg> element) and its size as shown. */
  readonly diagrams: readonly { readonly markup: string; readonly width: number; readonly height: number }[];
  readonly legend: readonly LegendItem[];
  readonly counters: readonly string[];
}

const PAD = 16;
const GAP = 16;

/** Text safe inside XML. */
export function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A rough width of `text` at 12 px in a system sans, enough to lay the legend out in rows. */
const textWidth = (text: string, size = 12): number => text.length * size * 0.56;

/** The document, and its size in CSS pixels (a PNG at 2× is twice that). */
export function composeExport(p: ExportPicture): { readonly svg: string; readonly width: number; readonly height: number } {
  const diagramsW = p.diagrams.reduce((w, d, i) => w + d.width + (i > 0 ? GAP : 0), 0);
  const diagramsH = Math.max(0, ...p.diagrams.map((d) => d.height));
  const width = Math.ceil(Math.max(diagramsW, 560, textWidth(p.detail, 13) + textWidth(p.caption, 14) + 24) + 2 * PAD);
  const parts: string[] = [];
  let y = PAD + 14;
  parts.push(`<text x="${PAD}" y="${y}" font-size="14" font-weight="600" fill="${p.colors.ink}">${xml(p.caption)}<tspan dx="10" font-weight="400" font-size="13" font-family="${MONO}" fill="${p.colors.muted}">${xml(p.detail)}</tspan></text>`);
  y += 12;
  let x = PAD;
  for (const d of p.diagrams) {
    parts.push(`<g transform="translate(${x} ${y})">${d.markup}</g>`);
    x += d.width + GAP;
  }
  y += diagramsH + 14;
  // The legend, wrapped into rows.
  let lx = PAD;
  const row = 20;
  for (const item of p.legend) {
    const w = 12 + 6 + textWidth(item.label) + 18;
    if (lx + w > width - PAD && lx > PAD) {
      lx = PAD;
      y += row;
    }
    const dash = item.dashed === true ? ' stroke-dasharray="3 2"' : '';
    parts.push(`<rect x="${lx}" y="${y - 10}" width="${item.dashed === true ? 18 : 12}" height="12" rx="2" fill="${item.fill}" stroke="${item.stroke}"${dash}/>`);
    if (item.dot !== undefined) parts.push(`<circle cx="${lx + 6}" cy="${y - 4}" r="2" fill="${item.dot}"/>`);
    parts.push(`<text x="${lx + (item.dashed === true ? 24 : 18)}" y="${y}" font-size="12" fill="${p.colors.muted}">${xml(item.label)}</text>`);
    lx += w + (item.dashed === true ? 6 : 0);
  }
  y += 12;
  for (const [i, line] of p.counters.entries()) {
    y += i === 0 ? 18 : 18;
    parts.push(`<text x="${PAD}" y="${y}" font-size="${i === 0 ? 13 : 12}" ${i === 0 ? `font-family="${MONO}" ` : ''}fill="${i === 0 ? p.colors.ink : p.colors.muted}">${xml(line)}</text>`);
  }
  const height = Math.ceil(y + PAD);
  const svg = [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${SANS}">`,
    `<rect width="100%" height="100%" fill="${p.colors.bg}"/>`,
    ...parts,
    '</svg>',
  ].join('\n');
  return { svg, width, height };
}
