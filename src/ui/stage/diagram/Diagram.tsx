/**
 * The diagram: one column per mm with its tables for the window in view,
 * host mms set apart, link curves across. Geometry comes from viz/ (pure);
 * this component only draws it. Narrow screens get the stacked layout.
 */
import { useMemo, useRef } from 'react';
import { selectSelection, selectSnapshot } from '../../../store/selectors';
import { stepChanges } from '../../../viz/changes';
import { fitScale } from '../../../viz/fit';
import { layoutDiagram } from '../../../viz/layout';
import { linkCurves } from '../../../viz/links';
import { ColumnFrame } from './ColumnFrame';
import { DiagramDefs } from './DiagramDefs';
import { DiagramSummary } from './DiagramSummary';
import { DirCard } from './DirCard';
import { EmptySlot } from './EmptySlot';
import { EmptyWorld } from './EmptyWorld';
import { Legend } from './Legend';
import { LinkLayer } from './LinkLayer';
import { MmColumn } from './MmColumn';
import { PteCard } from './PteCard';
import { RowLabels } from './RowLabels';
import { TreeEdges } from './TreeEdges';
import { useElementSize } from '../../common/useElementWidth';
import { useActions, useSim } from '../../common/SimProvider';

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const it of items) out.set(key(it), [...(out.get(key(it)) ?? []), it]);
  return out;
}

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
  const cardsOf = useMemo(() => groupBy(layout?.cards ?? [], (c) => c.mm), [layout]);
  const slotsOf = useMemo(() => groupBy(layout?.slots ?? [], (c) => c.mm), [layout]);
  const tableById = useMemo(() => new Map(snap?.tables.map((t) => [t.id, t]) ?? []), [snap]);
  const hueOf = useMemo(() => new Map(layout?.columns.map((c) => [c.mm.id, c.hue]) ?? []), [layout]);
  const selTable = selection?.kind === 'table' ? selection.id : selection?.kind === 'entry' ? selection.table : null;
  const selEntry = selection?.kind === 'entry' ? selection.index : null;
  const selMm = selection?.kind === 'mm' ? selection.id : null;

  return (
    <div ref={ref} className="focus-ring relative min-h-[320px] flex-1 overflow-auto px-3 pb-3" data-testid="diagram" tabIndex={0} role="region" aria-label="Diagram: scroll to see all of it">
      {snap !== null && layout !== null && width > 0 && (
        <>
          {layout.columns.length > 0 && (
          <svg
            width={layout.width * scale}
            height={(layout.height + 12) * scale}
            viewBox={`0 0 ${layout.width} ${layout.height + 12}`}
            role="group"
            aria-label={`Page tables of ${snap.mms.length} mms for the window in view`}
            className="block font-sans"
          >
            <DiagramDefs cell={layout.metrics.cell} />
            {!narrow && layout.columns.length > 0 && <RowLabels rows={layout.rows} />}
            {layout.columns.map((c) => (
              <ColumnFrame key={c.mm.id} col={c} />
            ))}
            <TreeEdges cards={layout.cards} inset={layout.metrics.inset} />
            <LinkLayer curves={curves} fresh={changes?.links ?? NO_LINKS} focus={selTable} />
            {layout.columns.map((c) => (
              // Column by column, top-down: the order keyboard focus follows.
              <g key={c.mm.id}>
                <MmColumn col={c} selected={selMm === c.mm.id} onSelect={select} />
                {[...(slotsOf.get(c.mm.id) ?? []), ...(cardsOf.get(c.mm.id) ?? [])]
                  .sort((a, b) => a.y - b.y)
                  .map((item) => {
                    if (!('table' in item)) {
                      const tree = item.target === null ? undefined : tableById.get(item.target)?.tree;
                      const owner = tree === undefined ? null : (snap.names[tree] ?? null);
                      return <EmptySlot key={item.key} slot={item} ownerName={owner} onSelect={select} />;
                    }
                    const props = {
                      card: item,
                      m: layout.metrics,
                      hue: hueOf.get(item.mm) ?? 0,
                      owner: snap.names[item.table.owner] ?? '',
                      change: changes?.tables.get(item.table.id),
                      selected: selTable === item.table.id && selEntry === null,
                      selectedEntry: selTable === item.table.id ? selEntry : null,
                      onSelect: select,
                    };
                    return item.table.level === 'pte' ? <PteCard key={item.key} {...props} /> : <DirCard key={item.key} {...props} />;
                  })}
              </g>
            ))}
          </svg>
          )}
          {snap.mms.length === 0 && <EmptyWorld step={snap.step} />}
          <DiagramSummary snap={snap} />
        </>
      )}
      <Legend />
    </div>
  );
}
