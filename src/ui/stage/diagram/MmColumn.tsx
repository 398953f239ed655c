/**
 * One mm's column header (its frame is ColumnFrame, drawn under the links): its name in its owner hue (slate and a
 * dashed frame for a host mm, "host mm · no task"), a stack for a folded
 * card ("db1 … db1500, 1500 × identical"), and its VmPTE with exact bytes on hover.
 */
import type { Selection } from '../../../protocol/messages';
import type { Column } from '../../../viz/layout';
import { exactBytes, formatBytes, grouped, plural } from '../../../viz/format';
import { countUp, beatProgress } from '../../../viz/beats';
import type { Plan } from '../../../viz/choreography';
import { activateProps } from '../../common/activate';
import { usePlanFrame } from '../../motion/MotionProvider';
import { hueColor } from '../../common/colors';

export function MmColumn({ col, selected, onSelect, plan }: { col: Column; selected: boolean; onSelect: (s: Selection) => void; plan: Plan | null }) {
  const { mm } = col;
  const counter = plan?.counters.get(mm.id);
  // VmPTE counts up (or down) while its tables are allocated (or freed).
  const vmpte = usePlanFrame((p, t) => (counter === undefined ? mm.pgtablesBytes : countUp(counter.from, counter.to, beatProgress(p, counter.at, t))));
  const color = hueColor(col.hue);
  const folded = mm.count > 1;
  const name = folded ? `${mm.name} … ${mm.lastName}` : mm.name;
  const sub = mm.isHost ? `host mm · no task${mm.hostOf ? ` · ${mm.hostOf}` : ''}` : folded ? `${plural(mm.count, 'process', 'processes')}, identical` : mm.tasks.length > 1 ? `threads: ${mm.tasks.join(', ')}` : 'process';
  const label = `${name}: ${sub}. VmPTE ${formatBytes(mm.pgtablesBytes)}${folded ? ' each' : ''}.`;
  return (
    <g data-testid={`column-${mm.name}`}>
      <g transform={`translate(${col.x + 10},${col.y + 20})`} {...activateProps(label, () => onSelect({ kind: 'mm', id: mm.id }))}>
        <rect className="focus-target" x={-6} y={-14} width={col.w - 8} height={48} rx={6} fill="transparent" stroke={selected ? 'var(--ink)' : 'none'} strokeWidth={2} />
        <text fontSize={14} fontWeight={700} fill={color}>
          {name}
        </text>
        <text y={15} fontSize={11} fill="var(--muted)">
          {sub}
        </text>
        <text y={30} fontSize={11} fill="var(--ink)">
          <title>{`${exactBytes(mm.pgtablesBytes)} of page tables charged${folded ? ' to each' : ''}`}</title>
          VmPTE <tspan fontWeight={700}>{formatBytes(vmpte)}</tspan>
          {folded ? ` × ${grouped(mm.count)}` : ''}
        </text>
      </g>
    </g>
  );
}
