/**
 * A PGD, PUD or PMD page as a card of ptdump-like lines ("0–1 ⇢ host PTE ×2").
 * Link and shared lines use the accent; lines this step touched and a card
 * this step created get the "changed" highlight, with a word, not colour alone.
 */
import { memo } from 'react';
import { CARD_LINES } from '../../../viz/layout';
import { dirLines, usedEntries } from '../../../viz/entries';
import { hex, levelName } from '../../../viz/format';
import type { CardProps } from './cardProps';
import { activateProps } from '../../common/activate';
import { tableColor } from '../../common/colors';


function DirCardInner({ card, m, hue, owner, change, selected, selectedEntry, onSelect }: CardProps) {
  const t = card.table;
  const color = tableColor(t.shared, hue);
  const lines = dirLines(t, CARD_LINES[t.level]);
  const touched = (lo: number, hi: number): boolean => change?.entries.some(([a, b]) => a < Math.max(hi, lo + 1) && b > lo) ?? false;
  const label = `${owner}'s ${levelName(t.level)} page at ${hex(t.va)}, ${usedEntries(t)} of 512 entries used${lines.length ? ': ' + lines.map((l) => l.text).join('; ') : ''}${change?.created ? '. New this step' : ''}`;
  return (
    <g transform={`translate(${card.x},${card.y})`} data-testid={`table-${t.id}`} {...activateProps(label, () => onSelect({ kind: 'table', id: t.id }))}>
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
        {levelName(t.level)}
      </text>
      {change?.created && (
        <text x={38} y={13} fontSize={10} fontWeight={700} fill="var(--changed)">
          new
        </text>
      )}
      <text x={card.w - 8} y={13} fontSize={10} textAnchor="end" fill="var(--muted)" fontFamily="var(--font-mono)">
        {t.level === 'pgd' ? `${usedEntries(t)}/512` : hex(t.va)}
      </text>
      {lines.length === 0 && (
        <text x={8} y={m.cardHead + 11} fontSize={11} fill="var(--muted)">
          all 512 entries empty
        </text>
      )}
      {lines.map((line, i) => {
        const y = m.cardHead + i * m.lineH;
        const hot = line.kind !== 'more' && touched(line.lo, line.hi);
        const isSel = selectedEntry !== null && line.kind !== 'more' && selectedEntry >= line.lo && selectedEntry < line.hi;
        const accent = line.kind === 'link' || line.kind === 'shared';
        return (
          <g
            key={`${line.lo}-${line.kind}`}
            onClick={(e) => {
              if (line.kind === 'more') return;
              e.stopPropagation();
              onSelect({ kind: 'entry', table: t.id, index: line.lo });
            }}
          >
            {(hot || isSel) && (
              <rect x={3} y={y} width={card.w - 6} height={m.lineH} rx={3} fill={hot ? 'var(--changed)' : 'none'} fillOpacity={0.22} stroke={isSel ? 'var(--ink)' : 'none'} />
            )}
            <text x={8} y={y + 11} fontSize={11} fontFamily="var(--font-mono)" fill={accent ? 'var(--shared)' : line.kind === 'more' ? 'var(--muted)' : 'var(--ink)'} fontWeight={accent ? 600 : 400}>
              {line.text}
            </text>
          </g>
        );
      })}
    </g>
  );
}

// Memoised: a card whose table, place and highlights did not change is not drawn again (Diagram keeps equal cards).
export const DirCard = memo(DirCardInner);
