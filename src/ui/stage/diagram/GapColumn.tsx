/**
 * A place kept empty in compare mode: the column the other side has here
 * and this side does not (no host mm without MAP_SHARED_PT; a process this
 * side lost to an OOM kill or a signal), said in words so the empty space
 * reads as part of the comparison.
 */
import type { DiagramLayout } from '../../../viz/layout';

export function GapColumn({ gap }: { gap: DiagramLayout['gaps'][number] }) {
  const words = gap.isHost ? ['no host mm here:', 'every process keeps', 'its own tables'] : [`${gap.name} is not`, 'running on this side', '(killed)'];
  return (
    <g aria-hidden="true" data-testid={`gap-${gap.name}`}>
      <rect x={gap.x} y={gap.y} width={gap.w} height={gap.h} rx={10} fill="none" stroke={gap.isHost ? 'var(--line)' : 'var(--error)'} strokeDasharray="6 5" />
      <text x={gap.x + 10} y={gap.y + 20} fontSize={13} fontWeight={700} fill="var(--muted)">
        {gap.name}
      </text>
      {words.map((w, i) => (
        <text key={w} x={gap.x + gap.w / 2} y={gap.y + 90 + i * 16} fontSize={12} textAnchor="middle" fill={gap.isHost ? 'var(--muted)' : 'var(--error)'}>
          {w}
        </text>
      ))}
    </g>
  );
}
