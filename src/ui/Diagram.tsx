/**
 * The diagram: one column per mm with its tables for the window in view,
 * host mms set apart, link curves across. Geometry comes from viz/ (pure);
 * this component only draws it. Narrow screens get the stacked layout.
 */
import { useMemo, useRef } from 'react';
import { selectSelection, selectSnapshot } from '../store/selectors';
import { stepChanges } from '../viz/changes';
import { fitScale } from '../viz/fit';
import { layoutDiagram } from '../viz/layout';
import { linkCurves } from '../viz/links';
import { DiagramDefs } from './DiagramDefs';
import { DiagramSummary } from './DiagramSummary';
import { DirCard } from './DirCard';
import { EmptySlot } from './EmptySlot';
import { Legend } from './Legend';
import { LinkLayer } from './LinkLayer';
import { MmColumn } from './MmColumn';
import { PteCard } from './PteCard';
import { RowLabels } from './RowLabels';
import { TreeEdges } from './TreeEdges';
import { useElementSize } from './useElementWidth';
import { useActions, useSim } from './SimProvider';

const NO_LINKS: ReadonlySet<string> = new Set();

/** Below this width the columns stack. */
export const NARROW = 640;

export function Diagram() {
  const snap = useSim(selectSnapshot);
  const selection = useSim(selectSelection);
  const { select } = useActions();
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  const narrow = width > 0 && width < NARROW;
  const layout = useMemo(() => (snap === null ? null : layoutDiagram(snap, narrow, Math.max(0, width - 24))), [snap, narrow, width]);
  const changes = useMemo(() => (snap === null ? null : stepChanges(snap)), [snap]);
  const curves = useMemo(() => (layout === null ? [] : linkCurves(layout)), [layout]);
  const scale = layout === null ? 1 : fitScale(layout.width, layout.height + 60, width - 24, height, narrow);
  const hueOf = useMemo(() => new Map(layout?.columns.map((c) => [c.mm.id, c.hue]) ?? []), [layout]);
  const selTable = selection?.kind === 'table' ? selection.id : selection?.kind === 'entry' ? selection.table : null;
  const selEntry = selection?.kind === 'entry' ? selection.index : null;
  const selMm = selection?.kind === 'mm' ? selection.id : null;

  return (
    <div ref={ref} className="focus-ring relative min-h-[320px] flex-1 overflow-auto px-3 pb-3" data-testid="diagram" tabIndex={0} role="region" aria-label="Diagram: scroll to see all of it">
      {snap !== null && layout !== null && width > 0 && (
        <>
          <svg
            width={layout.width * scale}
            height={(layout.height + 12) * scale}
            viewBox={`0 0 ${layout.width} ${layout.height + 12}`}
            role="group"
            aria-label={`Page tables of ${snap.mms.length} mms for the window in view`}
            className="block font-sans"
          >
            <DiagramDefs cell={layout.metrics.cell} />
            {!narrow && <RowLabels rows={layout.rows} />}
            {layout.columns.map((c) => (
              <MmColumn key={c.mm.id} col={c} selected={selMm === c.mm.id} onSelect={select} />
            ))}
            <TreeEdges cards={layout.cards} inset={layout.metrics.inset} />
            <LinkLayer curves={curves} fresh={changes?.links ?? NO_LINKS} focus={selTable} />
            {layout.slots.map((s) => (
              <EmptySlot key={s.key} slot={s} ownerName={s.target === null ? null : (snap.names[Number(s.target.split('/')[0])] ?? null)} onSelect={select} />
            ))}
            {layout.cards.map((c) => {
              const props = {
                card: c,
                m: layout.metrics,
                hue: hueOf.get(c.mm) ?? 0,
                change: changes?.tables.get(c.table.id),
                selected: selTable === c.table.id && selEntry === null,
                selectedEntry: selTable === c.table.id ? selEntry : null,
                onSelect: select,
              };
              return c.table.level === 'pte' ? <PteCard key={c.key} {...props} /> : <DirCard key={c.key} {...props} />;
            })}
          </svg>
          <DiagramSummary snap={snap} />
        </>
      )}
      <Legend />
    </div>
  );
}
