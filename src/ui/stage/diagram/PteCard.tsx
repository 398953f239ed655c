/**
 * A PTE page as its 32 x 16 grid of 512 entries: empty, read-only (light),
 * writable (full), dirty (a dot), PROT_NONE (hatched), in its owner's hue or
 * the shared accent. What this step wrote lights up; a click picks an entry.
 */
import { memo, useMemo, type MouseEvent } from 'react';
import { CELL, pageOfEntry, pteCells, usedEntries } from '../../../viz/entries';
import { GRID_COLS, GRID_ROWS, cellAt, gridSegments, isDirty, rangeOutline } from '../../../viz/grid';
import { hex, plural } from '../../../viz/format';
import type { CardProps } from './cardProps';
import { activateProps } from '../../common/activate';
import { tableColor } from '../../common/colors';
import { useActions } from '../../common/SimProvider';


function PteCardInner({ card, m, hue, owner, change, selected, selectedEntry, onSelect }: CardProps) {
  const t = card.table;
  const { setHover } = useActions();
  const color = tableColor(t.shared, hue);
  const segments = useMemo(() => gridSegments(pteCells(t)), [t]);
  const cell = m.cell;
  const hot = useMemo(() => (change?.entries ?? []).map(([lo, hi]) => rangeOutline(lo, hi, cell)), [change, cell]);
  const gx = (card.w - GRID_COLS * cell) / 2;
  const gy = m.cardHead;
  const used = usedEntries(t);
  const sharers = t.referrerCount - 1;
  const label = `${owner}'s PTE page at ${hex(t.va)}${t.shared ? `, shared, reached by ${plural(sharers, 'other mm')}` : ''}: ${used} of 512 entries used${change ? ', changed this step' : ''}`;
  const indexAt = (e: MouseEvent<SVGGElement>): number | null => {
    const box = (e.currentTarget as SVGGElement).getBoundingClientRect();
    const scale = box.width / card.w || 1;
    return cellAt((e.clientX - box.left) / scale - gx, (e.clientY - box.top) / scale - gy, cell);
  };
  const pick = (e?: MouseEvent<SVGGElement>): void => {
    const index = e === undefined ? null : indexAt(e);
    onSelect(index === null ? { kind: 'table', id: t.id } : { kind: 'entry', table: t.id, index });
  };
  const hover = (e: MouseEvent<SVGGElement>): void => {
    const index = indexAt(e);
    setHover(index === null ? null : pageOfEntry(t, index));
  };
  return (
    <g
      transform={`translate(${card.x},${card.y})`}
      data-testid={`table-${t.id}`}
      {...activateProps(label, pick)}
      onMouseMove={hover}
      onMouseLeave={() => setHover(null)}
    >
      <rect
        className="focus-target"
        width={card.w}
        height={card.h}
        rx={6}
        fill="var(--card)"
        stroke={selected ? 'var(--ink)' : change?.created ? 'var(--changed)' : color}
        strokeWidth={selected || change?.created ? 2.5 : 1.25}
      />
      <text x={8} y={13} fontSize={11} fontWeight={700} fill={color}>
        PTE
      </text>
      <text x={8} y={card.h - 6} fontSize={10} fill={t.shared ? 'var(--shared)' : 'var(--muted)'} fontWeight={t.shared ? 600 : 400}>
        {t.shared ? (sharers > 0 ? `shared · ${plural(sharers, 'link')}` : 'shared · in the host') : `private · ${used}/512 used`}
      </text>
      {change !== undefined && (
        <text x={card.w - 8} y={card.h - 6} fontSize={10} fontWeight={700} fill="var(--changed)" textAnchor="end">
          {change.created ? 'new' : 'changed'}
        </text>
      )}
      <text x={card.w - 8} y={13} fontSize={10} textAnchor="end" fill="var(--muted)" fontFamily="var(--font-mono)">
        {hex(t.va)}
      </text>
      <g transform={`translate(${gx},${gy})`}>
        <rect width={GRID_COLS * cell} height={GRID_ROWS * cell} fill="var(--cell-empty)" />
        {segments.map((s) => {
          const base = s.state & 3;
          const x = s.col * cell;
          const y = s.row * cell;
          const w = s.len * cell;
          return (
            <g key={`${s.row}-${s.col}`}>
              <rect x={x} y={y} width={w} height={cell} fill={base === CELL.none ? 'url(#hatch)' : color} fillOpacity={base === CELL.ro ? 'var(--ro-opacity)' : 1} />
              {isDirty(s.state) && <rect x={x} y={y} width={w} height={cell} fill="url(#dirty-dots)" />}
            </g>
          );
        })}
        <rect width={GRID_COLS * cell} height={GRID_ROWS * cell} fill="url(#cell-grid)" />
        {hot.map((d) => (
          <path key={d} d={d} fill="none" stroke="var(--changed)" strokeWidth={2} strokeLinejoin="round" />
        ))}
        {selectedEntry !== null && (
          <rect
            x={(selectedEntry % GRID_COLS) * cell - 1}
            y={Math.floor(selectedEntry / GRID_COLS) * cell - 1}
            width={cell + 2}
            height={cell + 2}
            fill="none"
            stroke="var(--ink)"
            strokeWidth={1.5}
          />
        )}
      </g>
    </g>
  );
}

// Memoised: a card whose table, place and highlights did not change is not drawn again (Diagram keeps equal cards).
export const PteCard = memo(PteCardInner);
