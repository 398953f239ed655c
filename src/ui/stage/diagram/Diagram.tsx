/**
 * The diagram: one column per mm with its tables for the window in view,
 * host mms set apart beside their sharers, link curves across. Geometry
 * comes from viz/ (pure); the step's plan (useStepPlan) says how the picture
 * moves from the last step to this one, and the clock plays it. Layers, back
 * to front: frames, tree edges, links, columns and cards, what is leaving,
 * then the walk, the ripple and the badges, so nothing important hides.
 */
import { useCallback, useMemo, useRef } from 'react';
import type { Side, Snapshot } from '../../../protocol/messages';
import { selectSelection, selectSelectionSide, selectSnapshot } from '../../../store/selectors';
import { counterpart } from '../../../viz/counterpart';
import { stepChanges } from '../../../viz/changes';
import { fitScale } from '../../../viz/fit';
import { layoutDiagram, type Card, type Place, type Slot } from '../../../viz/layout';
import { linkCurves } from '../../../viz/links';
import type { Plan } from '../../../viz/choreography';
import { useElementSize } from '../../common/useElementWidth';
import { useKeptEqual } from '../../common/useKeptEqual';
import { useActions, useSim } from '../../common/SimProvider';
import { useNarrow } from '../../common/useNarrow';
import { PlanContext } from '../../motion/MotionProvider';
import { CardMotion } from './CardMotion';
import { ColumnFrame } from './ColumnFrame';
import { DiagramDefs } from './DiagramDefs';
import { DiagramSummary } from './DiagramSummary';
import { EmptySlot } from './EmptySlot';
import { EmptyWorld } from './EmptyWorld';
import { Waiting } from './Waiting';
import { GapColumn } from './GapColumn';
import { GhostCards, GhostColumns } from './Ghosts';
import { Legend } from './Legend';
import { LinkBadges, LinkLayer } from './LinkLayer';
import { MmColumn } from './MmColumn';
import { RippleOverlay } from './RippleOverlay';
import { RowLabels } from './RowLabels';
import { Shift } from './Shift';
import { StageSvg } from './StageSvg';
import { TreeEdges } from './TreeEdges';
import { useStepPlan } from './useStepPlan';
import { WalkOverlay } from './WalkOverlay';

function groupBy<T>(items: readonly T[], key: (t: T) => number): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const it of items) out.set(key(it), [...(out.get(key(it)) ?? []), it]);
  return out;
}

const NO_LINKS: ReadonlySet<string> = new Set();

/** How far a card moves within its column (its column's own slide carries the rest). */
function relativeMove(plan: Plan | null, card: Card): { dx: number; dy: number } | undefined {
  const own = plan?.stage.cards.moved.get(card.key);
  if (own === undefined) return undefined;
  const col = plan?.stage.columns.moved.get(card.mm);
  const dx = own.dx - (col?.dx ?? 0);
  const dy = own.dy - (col?.dy ?? 0);
  return dx === 0 && dy === 0 ? undefined : { dx, dy };
}

/** The single view's diagram: the main side, from the store. */
export function MainDiagram() {
  const snap = useSim(selectSnapshot);
  return <Diagram snap={snap} side="main" />;
}

interface DiagramProps {
  readonly snap: Snapshot | null;
  readonly side: Side;
  /** Compare mode: the columns' places, so both sides put the same process at the same place. */
  readonly align?: readonly Place[];
  /** The snapshot a selection on the other side was made in, to find its counterpart here. */
  readonly otherSnap?: Snapshot | null;
}

export function Diagram({ snap, side, align, otherSnap = null }: DiagramProps) {
  const picked = useSim(selectSelection);
  const pickedSide = useSim(selectSelectionSide);
  const actions = useActions();
  const select = useCallback((s: Parameters<typeof actions.select>[0]) => actions.select(s, side), [actions, side]);
  // A selection made on the other side shows here where the same table stands.
  const selection = useMemo(
    () => (picked === null || pickedSide === side || snap === null || otherSnap === null ? picked : counterpart(picked, otherSnap, snap)),
    [picked, pickedSide, side, snap, otherSnap],
  );
  const ref = useRef<HTMLDivElement>(null);
  const { width, height } = useElementSize(ref);
  const narrow = useNarrow();
  const layout = useKeptEqual(useMemo(() => (snap === null || width === 0 ? null : layoutDiagram(snap, narrow, Math.max(0, width - 24), align)), [snap, narrow, width, align]));
  const changes = useMemo(() => (snap === null ? null : stepChanges(snap)), [snap]);
  const curves = useMemo(() => (layout === null ? [] : linkCurves(layout)), [layout]);
  const staged = useStepPlan(snap, layout, curves);
  const plan = staged?.plan ?? null;
  const cardsOf = useMemo(() => groupBy(layout?.cards ?? [], (c) => c.mm), [layout]);
  const slotsOf = useMemo(() => groupBy(layout?.slots ?? [], (c) => c.mm), [layout]);
  const hueOf = useMemo(() => new Map(layout?.columns.map((c) => [c.mm.id, c.hue]) ?? []), [layout]);
  const tableById = useMemo(() => new Map(snap?.tables.map((t) => [t.id, t]) ?? []), [snap]);
  const selTable = selection?.kind === 'table' ? selection.id : selection?.kind === 'entry' ? selection.table : null;
  const selEntry = selection?.kind === 'entry' ? selection.index : null;
  const selMm = selection?.kind === 'mm' ? selection.id : null;
  const layoutH = layout?.height ?? 0;
  const scaleFor = useCallback((w: number) => fitScale(w, layoutH + 60, width - 24, height, narrow), [layoutH, width, height, narrow]);

  const item = (it: Card | Slot) => {
    if (snap === null || layout === null) return null;
    if (!('table' in it)) {
      const tree = it.target === null ? undefined : tableById.get(it.target)?.tree;
      const owner = tree === undefined ? null : (snap.names[tree] ?? null);
      return <EmptySlot key={it.key} slot={it} ownerName={owner} onSelect={select} plan={plan} />;
    }
    return (
      <CardMotion
        key={it.key}
        plan={plan}
        move={relativeMove(plan, it)}
        card={it}
        m={layout.metrics}
        hue={hueOf.get(it.mm) ?? 0}
        owner={snap.names[it.table.owner] ?? ''}
        change={changes?.tables.get(it.table.id)}
        selected={selTable === it.table.id && selEntry === null}
        selectedEntry={selTable === it.table.id ? selEntry : null}
        onSelect={select}
      />
    );
  };

  return (
    <div
      ref={ref}
      className="focus-ring relative min-h-[320px] flex-1 overflow-auto px-3 pb-3"
      data-testid={side === 'main' ? 'diagram' : 'diagram-other'}
      tabIndex={0}
      role="region"
      aria-label={`Diagram${snap !== null && snap.mode === 'compare' ? ` ${snap.label}` : ''}: scroll to see all of it`}
    >
      {side === 'main' && <Waiting />}
      {snap !== null && layout !== null && width > 0 && (
        <PlanContext.Provider value={staged}>
          {(layout.columns.length > 0 || (plan?.stage.columns.removed.length ?? 0) > 0) && (
            <StageSvg width={layout.width} height={layout.height + 16} scaleFor={scaleFor} label={`Page tables of ${snap.mms.length} mms for the window in view`} step={snap.step}>
              <DiagramDefs cell={layout.metrics.cell} />
              {!narrow && <RowLabels rows={layout.rows} />}
              {layout.gaps.map((g) => (
                <GapColumn key={g.name} gap={g} />
              ))}
              {plan !== null && <GhostColumns plan={plan} />}
              {layout.columns.map((c) => (
                <Shift key={c.mm.id} move={plan?.stage.columns.moved.get(c.mm.id)}>
                  <ColumnFrame col={c} />
                  <TreeEdges cards={cardsOf.get(c.mm.id) ?? []} inset={layout.metrics.inset} plan={plan} />
                </Shift>
              ))}
              <LinkLayer curves={curves} plan={plan} fresh={changes?.links ?? NO_LINKS} focus={selTable} />
              {layout.columns.map((c) => (
                // Column by column, top-down: the order keyboard focus follows.
                <Shift key={c.mm.id} move={plan?.stage.columns.moved.get(c.mm.id)}>
                  <MmColumn col={c} selected={selMm === c.mm.id} onSelect={select} plan={plan} />
                  {[...(slotsOf.get(c.mm.id) ?? []), ...(cardsOf.get(c.mm.id) ?? [])].sort((a, b) => a.y - b.y).map(item)}
                </Shift>
              ))}
              {plan !== null && <GhostCards plan={plan} m={layout.metrics} />}
              {plan !== null && <WalkOverlay plan={plan} />}
              {plan !== null && <RippleOverlay plan={plan} columns={layout.columns} />}
              <LinkBadges curves={curves} plan={plan} />
            </StageSvg>
          )}
          {snap.mms.length === 0 && <EmptyWorld step={snap.step} />}
          <DiagramSummary snap={snap} />
        </PlanContext.Provider>
      )}
      <Legend />
    </div>
  );
}
