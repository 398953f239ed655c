/**
 * The scale explorer (SPEC 5): the seed's story at any size. The sliders ask
 * the worker for three engine runs (no sharing, MAP_SHARED_PT, hugetlb PMD
 * sharing) that add processes one by one; points appear as they are
 * computed, a slider move cancels and starts again, and the main thread only
 * draws. "Open this point as a scenario" takes the point to the compare view.
 */
import { useEffect, useRef, useState } from 'react';
import type { ScaleInput } from '../../../protocol/scale';
import { selectScale } from '../../../store/selectors';
import { exactBytes, formatBytes } from '../../../viz/format';
import type { ScaleMeasure } from '../../../viz/scaleChart';
import { scaleScenario } from '../../../viz/scaleScenario';
import { useActions, useSim } from '../../common/SimProvider';
import { useElementWidth } from '../../common/useElementWidth';
import { ScaleChart } from './ScaleChart';
import { ScaleControls } from './ScaleControls';
import { ScaleTable } from './ScaleTable';

/** How long the sliders must rest before new curves are asked for. */
const SETTLE_MS = 250;

export function ScaleView() {
  const scale = useSim(selectScale);
  const { setScale, run, setMode } = useActions();
  const [draft, setDraft] = useState<ScaleInput>(scale.input);
  const [measure, setMeasure] = useState<ScaleMeasure>('ptePages');
  const box = useRef<HTMLDivElement>(null);
  const width = useElementWidth(box);
  useEffect(() => setDraft(scale.input), [scale.input]);
  useEffect(() => {
    if (draft === scale.input) return;
    const t = setTimeout(() => setScale(draft), SETTLE_MS);
    return () => clearTimeout(t);
  }, [draft, scale.input, setScale]);
  const needed = scale.points.needed.at(-1) ?? scale.points.none.at(-1);
  const pct = scale.total === 0 ? 0 : Math.round((100 * scale.ran) / scale.total);
  const open = () => {
    setMode('compare');
    run(scaleScenario(scale.input, scale.input.procs), 'last');
  };
  return (
    <div className="flex min-h-0 flex-1 flex-col overflow-auto" data-testid="scale">
      <ScaleControls input={draft} onChange={setDraft} measure={measure} onMeasure={setMeasure} />
      {scale.problems.length > 0 && (
        <ul role="alert" className="mx-4 rounded-md border-2 border-[var(--error)] px-3 py-2 text-sm">
          {scale.problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
      <div className="flex flex-wrap items-center gap-3 px-4 text-sm" aria-live="polite">
        {!scale.done && (
          <span className="flex items-center gap-2 text-[var(--muted)]" data-testid="scale-progress">
            <progress max={100} value={pct} aria-label="Curves computed" /> computing in the engine, {pct}%
          </span>
        )}
        {needed !== undefined && (
          <span data-testid="scale-headline" title={exactBytes(needed.ptePageBytes)}>
            {scale.input.procs.toLocaleString('en-US')} × {formatBytes(scale.input.sizeBytes)} without sharing: <strong>{formatBytes(needed.ptePageBytes)}</strong> of PTE pages
            {scale.unsharedOomAt !== null ? (
              <strong className="text-[var(--error)]"> · on {formatBytes(scale.input.ramBytes)} of RAM the first OOM kill comes at process {scale.unsharedOomAt.toLocaleString('en-US')}</strong>
            ) : scale.done ? (
              ' · fits in RAM'
            ) : null}
          </span>
        )}
        {scale.done &&
          scale.curves
            .filter((c) => c.model === 'shared_pt' || c.model === 'hugetlb')
            .map((c) => (
              <span key={c.model} data-testid={`scale-fit-${c.model}`} title={exactBytes(c.last.pagetablesBytes)}>
                {c.model === 'shared_pt' ? `MAP_SHARED_PT: ${formatBytes(c.last.ptePageBytes)} of PTE pages` : `hugetlb PMD sharing: no PTE pages (2 MiB pages map from PMD entries), ${formatBytes(c.last.pagetablesBytes)} of tables in all`},{' '}
                {c.firstOomAt === null ? <strong>fits</strong> : <strong className="text-[var(--error)]">first OOM kill at process {c.firstOomAt.toLocaleString('en-US')}</strong>}
              </span>
            ))}
        <button type="button" className="focus-ring ml-auto rounded-md border border-[var(--line)] px-3 py-1.5 text-sm hover:bg-[var(--bg)]" onClick={open}>
          Open this point as a scenario
        </button>
      </div>
      <div ref={box} className="px-4 py-2">
        {width > 0 && <ScaleChart width={width} procs={scale.input.procs} ramBytes={scale.input.ramBytes} points={scale.points} measure={measure} unsharedOomAt={scale.unsharedOomAt} />}
      </div>
      <div className="px-4 pb-6">
        <ScaleTable points={scale.points} measure={measure} />
      </div>
    </div>
  );
}
