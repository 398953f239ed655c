/**
 * The chart of page-table memory against processes: one curve per model (no
 * sharing dashed where it only shows what it would need), the RAM line, the
 * first OOM kill marked and named; under the pointer, every curve's exact
 * bytes at that process count.
 */
import { useMemo, useState } from 'react';
import type { ScaleModel, ScalePoint } from '../../../protocol/scale';
import { SCALE_MODEL_LABELS } from '../../../protocol/scale';
import { exactBytes, formatBytes } from '../../../viz/format';
import { measureOf, pointsNear, scaleChart, type ScaleMeasure } from '../../../viz/scaleChart';

/** One colour per model; red stays for the OOM kill alone (DESIGN: a colour means one thing). */
export const MODEL_COLOR: Readonly<Record<ScaleModel, string>> = { none: 'var(--owner-2)', needed: 'var(--owner-2)', shared_pt: 'var(--shared)', hugetlb: 'var(--owner-1)' };

const SHORT: Readonly<Record<ScaleModel, string>> = { none: 'no sharing', needed: 'needed', shared_pt: 'MAP_SHARED_PT', hugetlb: 'hugetlb' };

interface Props {
  readonly width: number;
  readonly procs: number;
  readonly ramBytes: number;
  readonly points: Readonly<Record<ScaleModel, readonly ScalePoint[]>>;
  readonly measure: ScaleMeasure;
  readonly unsharedOomAt: number | null;
}

export function ScaleChart({ width, procs, ramBytes, points, measure, unsharedOomAt }: Props) {
  const height = Math.max(260, Math.min(420, width * 0.5));
  const chart = useMemo(() => scaleChart({ width, height, procs, ramBytes, points, measure, unsharedOomAt }), [width, height, procs, ramBytes, points, measure, unsharedOomAt]);
  const [hover, setHover] = useState<number | null>(null);
  const near = hover === null ? [] : pointsNear(points, hover);
  const { plot } = chart;
  const hx = hover === null ? 0 : plot.x + (hover / procs) * plot.w;
  return (
    <svg width={width} height={height} role="img" aria-label="Page-table memory against processes for each model; the table below has the same numbers" data-testid="scale-chart" className="block font-sans"
      onPointerMove={(e) => {
        const box = e.currentTarget.getBoundingClientRect();
        const x = e.clientX - box.left;
        setHover(x >= plot.x && x <= plot.x + plot.w ? chart.procsAt(x) : null);
      }}
      onPointerLeave={() => setHover(null)}
    >
      <rect x={plot.x} y={plot.y} width={plot.w} height={plot.h} fill="var(--panel)" stroke="var(--line)" />
      {chart.yTicks.map((t) => (
        <g key={t.label}>
          <line x1={plot.x} x2={plot.x + plot.w} y1={t.y} y2={t.y} stroke="var(--line)" strokeDasharray="2 4" />
          <text x={plot.x - 6} y={t.y + 4} fontSize={11} textAnchor="end" fill="var(--muted)">{t.label}</text>
        </g>
      ))}
      {chart.xTicks.map((t) => (
        <text key={t.label} x={t.x} y={plot.y + plot.h + 16} fontSize={11} textAnchor="middle" fill="var(--muted)">{t.label}</text>
      ))}
      <text x={plot.x + plot.w / 2} y={height - 2} fontSize={11} textAnchor="middle" fill="var(--muted)">processes</text>
      {chart.ram !== null && (
        <g data-testid="ram-line">
          <line x1={plot.x} x2={plot.x + plot.w} y1={chart.ram.y} y2={chart.ram.y} stroke="var(--ink)" strokeWidth={1.5} strokeDasharray="8 4" />
          <text x={plot.x + 6} y={chart.ram.y - 5} fontSize={11} fontWeight={700} fill="var(--ink)">{chart.ram.label}</text>
        </g>
      )}
      {chart.curves.map((c) => (
        <g key={c.model}>
          <path d={c.path} fill="none" stroke={MODEL_COLOR[c.model]} strokeWidth={2.5} strokeDasharray={c.model === 'needed' ? '6 4' : undefined} />
          {c.last !== null && (
            <text x={chart.compact ? c.last.x - 4 : c.last.x + 6} y={chart.compact ? c.last.y - 6 : c.last.y + 4} textAnchor={chart.compact ? 'end' : 'start'} fontSize={11} fontWeight={700} fill={MODEL_COLOR[c.model]}>
              {formatBytes(c.last.bytes)} {SHORT[c.model]}
            </text>
          )}
        </g>
      ))}
      {chart.oom !== null && (
        <g data-testid="oom-mark">
          <circle cx={chart.oom.x} cy={chart.oom.y} r={6} fill="var(--error)" stroke="var(--panel)" strokeWidth={2} />
          <text x={chart.oom.x + 9} y={chart.oom.y + 16} fontSize={11} fontWeight={700} fill="var(--error)">
            first OOM kill: process {chart.oom.procs.toLocaleString('en-US')}
          </text>
        </g>
      )}
      {hover !== null && near.length > 0 && (
        <g pointerEvents="none" data-testid="scale-hover">
          <line x1={hx} x2={hx} y1={plot.y} y2={plot.y + plot.h} stroke="var(--muted)" />
          <g transform={`translate(${Math.min(hx + 8, width - 250)},${plot.y + 8})`}>
            <rect width={240} height={18 + near.length * 16} rx={6} fill="var(--panel)" stroke="var(--line)" />
            <text x={8} y={14} fontSize={11} fontWeight={700} fill="var(--ink)">{near[0]?.procs.toLocaleString('en-US')} processes</text>
            {near.map((p, i) => (
              <text key={p.model} x={8} y={30 + i * 16} fontSize={11} fill={MODEL_COLOR[p.model]}>
                {p.model === 'needed' ? 'needed' : SCALE_MODEL_LABELS[p.model]}: {exactBytes(measureOf(p, measure))}
              </text>
            ))}
          </g>
        </g>
      )}
    </svg>
  );
}
