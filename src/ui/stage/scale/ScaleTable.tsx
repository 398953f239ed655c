/**
 * The chart's numbers as a table, for screen readers and for copying: for
 * a few process counts along the way (and the last), each curve's bytes in
 * binary units with the exact figure beside them.
 */
import type { ScaleModel, ScalePoint } from '../../../protocol/scale';
import { SCALE_MODEL_LABELS } from '../../../protocol/scale';
import { exactBytes, formatBytes } from '../../../viz/format';
import { measureOf, MEASURE_LABEL, type ScaleMeasure } from '../../../viz/scaleChart';

const ROWS = 8;

export function ScaleTable({ points, measure }: { points: Readonly<Record<ScaleModel, readonly ScalePoint[]>>; measure: ScaleMeasure }) {
  const models = (['none', 'needed', 'shared_pt', 'hugetlb'] as const).filter((m) => points[m].length > 0);
  const counts = [...new Set(points.none.map((p) => p.procs))];
  const picked = counts.filter((_, i) => i === counts.length - 1 || i % Math.max(1, Math.ceil(counts.length / ROWS)) === 0);
  const at = (m: ScaleModel, procs: number) => points[m].find((p) => p.procs === procs);
  return (
    <table className="w-full text-left text-xs" data-testid="scale-table">
      <caption className="py-1 text-left text-xs font-semibold text-[var(--muted)]">{MEASURE_LABEL[measure]}, by processes</caption>
      <thead>
        <tr>
          <th scope="col" className="py-1 pr-3">processes</th>
          {models.map((m) => (
            <th key={m} scope="col" className="py-1 pr-3">
              {m === 'needed' ? 'no sharing, needed' : SCALE_MODEL_LABELS[m]}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="font-mono">
        {picked.map((procs) => (
          <tr key={procs} className="border-t border-[var(--line)]">
            <th scope="row" className="py-1 pr-3 font-normal">{procs.toLocaleString('en-US')}</th>
            {models.map((m) => {
              const p = at(m, procs);
              return (
                <td key={m} className="py-1 pr-3" title={p === undefined ? undefined : exactBytes(measureOf(p, measure))}>
                  {p === undefined ? '…' : `${formatBytes(measureOf(p, measure))}${p.oomKilled > 0 ? ` (${p.oomKilled.toLocaleString('en-US')} killed)` : ''}`}
                  {p !== undefined && <span className="sr-only"> ({exactBytes(measureOf(p, measure))})</span>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
