/** Level names in the left gutter, one per row of slots, so the tree reads top-down: PGD → PTE. */
import type { Row } from '../../../viz/layout';
import { levelName } from '../../../viz/format';

export function RowLabels({ rows }: { rows: readonly Row[] }) {
  return (
    <g aria-hidden="true">
      {rows.map((r) => (
        <g key={r.level}>
          <text x={4} y={r.y + 14} fontSize={11} fontWeight={700} fill="var(--muted)" letterSpacing={0.5}>
            {levelName(r.level)}
          </text>
          {r.slots.compact && (
            <text x={4} y={r.y + 28} fontSize={9} fill="var(--muted)">
              {r.slots.more > 0 ? `in use, +${r.slots.more}` : 'in use'}
            </text>
          )}
        </g>
      ))}
    </g>
  );
}
