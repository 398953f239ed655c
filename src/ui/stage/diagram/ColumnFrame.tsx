/**
 * The frame of one mm's column, drawn beneath the links: the owner hue's top
 * bar, a dashed slate frame for a host mm, a stack for a folded card; red
 * (with words beside it, in Ghosts) for a column an OOM kill is taking away.
 */
import { memo } from 'react';
import type { Column } from '../../../viz/layout';
import { hueColor } from '../../common/colors';

function ColumnFrameInner({ col, alarm = false }: { col: Column; alarm?: boolean }) {
  const { mm } = col;
  const color = hueColor(col.hue);
  const folded = mm.count > 1;
  return (
    <g aria-hidden="true">
      {folded && (
        <>
          <rect x={col.x + 8} y={col.y + 8} width={col.w} height={col.h} rx={10} fill="var(--panel)" stroke={color} strokeOpacity={0.3} />
          <rect x={col.x + 4} y={col.y + 4} width={col.w} height={col.h} rx={10} fill="var(--panel)" stroke={color} strokeOpacity={0.45} />
        </>
      )}
      <rect
        x={col.x}
        y={col.y}
        width={col.w}
        height={col.h}
        rx={10}
        fill={mm.isHost ? 'color-mix(in oklab, var(--host) 10%, var(--panel))' : 'var(--panel)'}
        stroke={alarm ? 'var(--error)' : color}
        strokeOpacity={alarm || mm.isHost ? 0.9 : 0.35}
        strokeDasharray={mm.isHost ? '6 4' : undefined}
        strokeWidth={alarm ? 3 : mm.isHost ? 1.5 : 1}
      />
      <rect x={col.x} y={col.y} width={col.w} height={4} rx={2} fill={alarm ? 'var(--error)' : color} />
    </g>
  );
}

// Memoised: a column whose mm and place did not change is not drawn again (Diagram keeps equal columns).
export const ColumnFrame = memo(ColumnFrameInner);
