/**
 * The scale explorer's chart as plain data: page-table memory (log scale)
 * against processes for each curve the engine computed, the RAM line, the
 * point where no sharing first OOM-kills, axis ticks, and the nearest point
 * under the pointer. React only draws what this returns.
 */
import { scaleLinear, scaleLog } from 'd3-scale';
import { line } from 'd3-shape';
import type { ScaleModel, ScalePoint } from '../protocol/scale';
import { formatBytes } from './format';

/** What the y axis measures: PTE pages that exist, every table page (PageTables), or 8 bytes per mapped page. */
export type ScaleMeasure = 'ptePages' | 'allTables' | 'pteEntries';

export const MEASURE_LABEL: Readonly<Record<ScaleMeasure, string>> = {
  ptePages: 'PTE pages',
  allTables: 'all page tables (PageTables)',
  pteEntries: 'PTE entries (8 bytes per mapped page)',
};

export function measureOf(p: ScalePoint, m: ScaleMeasure): number {
  return m === 'ptePages' ? p.ptePageBytes : m === 'allTables' ? p.pagetablesBytes : p.pteEntryBytes;
}

export interface ChartCurve {
  readonly model: ScaleModel;
  readonly path: string;
  readonly last: { readonly x: number; readonly y: number; readonly bytes: number } | null;
}

export interface Chart {
  /** A phone's width: curve labels go inside the plot, not in a right margin. */
  readonly compact: boolean;
  readonly width: number;
  readonly height: number;
  readonly plot: { readonly x: number; readonly y: number; readonly w: number; readonly h: number };
  readonly curves: readonly ChartCurve[];
  readonly ram: { readonly y: number; readonly label: string } | null;
  readonly oom: { readonly x: number; readonly y: number; readonly procs: number } | null;
  readonly xTicks: readonly { readonly x: number; readonly label: string }[];
  readonly yTicks: readonly { readonly y: number; readonly label: string }[];
  /** Screen x → process count, for the pointer. */
  readonly procsAt: (x: number) => number;
}

export interface ChartInput {
  readonly width: number;
  readonly height: number;
  readonly procs: number;
  readonly ramBytes: number;
  readonly points: Readonly<Record<ScaleModel, readonly ScalePoint[]>>;
  readonly measure: ScaleMeasure;
  readonly unsharedOomAt: number | null;
}

const MARGIN = { left: 72, right: 168, top: 16, bottom: 34 };

/** Powers of 1024 from lo to hi, as tick labels in binary units. */
function byteTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let t = 1024; t <= hi * 1.01; t *= 32) if (t >= lo / 1.01) out.push(t);
  return out;
}

export function scaleChart(input: ChartInput): Chart {
  const compact = input.width < 560;
  const right = compact ? 12 : MARGIN.right;
  const left = compact ? 58 : MARGIN.left;
  const plot = { x: left, y: MARGIN.top, w: Math.max(120, input.width - left - right), h: Math.max(120, input.height - MARGIN.top - MARGIN.bottom) };
  const all = Object.values(input.points).flat().map((p) => measureOf(p, input.measure)).filter((v) => v > 0);
  const top = Math.max(input.ramBytes, ...all, 8192) * 1.6;
  const bottom = Math.max(1024, Math.min(...all, input.ramBytes) / 1.6);
  const x = scaleLinear().domain([0, Math.max(1, input.procs)]).range([plot.x, plot.x + plot.w]);
  const y = scaleLog().domain([bottom, top]).range([plot.y + plot.h, plot.y]).clamp(true);
  const curves = (Object.keys(input.points) as ScaleModel[]).map((model) => {
    const pts = input.points[model].filter((p) => measureOf(p, input.measure) > 0);
    const path = line<ScalePoint>()
      .x((p) => x(p.procs))
      .y((p) => y(measureOf(p, input.measure)))(pts) ?? '';
    const lastP = pts[pts.length - 1];
    return { model, path, last: lastP === undefined ? null : { x: x(lastP.procs), y: y(measureOf(lastP, input.measure)), bytes: measureOf(lastP, input.measure) } };
  });
  const oomPoint = input.unsharedOomAt === null ? undefined : input.points.none.find((p) => p.procs === input.unsharedOomAt);
  return {
    compact,
    width: input.width,
    height: input.height,
    plot,
    curves,
    ram: { y: y(input.ramBytes), label: `RAM ${formatBytes(input.ramBytes)}` },
    oom: oomPoint === undefined ? null : { x: x(oomPoint.procs), y: y(Math.max(bottom, measureOf(oomPoint, input.measure))), procs: oomPoint.procs },
    xTicks: x.ticks(6).map((t) => ({ x: x(t), label: t.toLocaleString('en-US') })),
    yTicks: byteTicks(bottom, top).map((t) => ({ y: y(t), label: formatBytes(t) })),
    procsAt: (sx) => Math.max(1, Math.min(input.procs, Math.round(x.invert(sx)))),
  };
}

/** Each curve's point nearest a process count (what the pointer reads out). */
export function pointsNear(points: Readonly<Record<ScaleModel, readonly ScalePoint[]>>, procs: number): ScalePoint[] {
  return (Object.keys(points) as ScaleModel[]).flatMap((m) => {
    let best: ScalePoint | undefined;
    for (const p of points[m]) if (best === undefined || Math.abs(p.procs - procs) < Math.abs(best.procs - procs)) best = p;
    return best === undefined ? [] : [best];
  });
}
