/**
 * The link curves: guest PMD entries into host PTE pages (hugetlb PUD
 * entries into shared PMD pages), in the shared accent; a curve drawn this
 * step traces itself in, in the "changed" colour; a folded card's curve is
 * wider and labelled with how many processes it stands for.
 */
import type { LinkCurve } from '../../../viz/links';

export function LinkLayer({ curves, fresh, focus }: { curves: readonly LinkCurve[]; fresh: ReadonlySet<string>; focus: string | null }) {
  return (
    <g aria-hidden="true" pointerEvents="none">
      {curves.map((c) => {
        const isNew = fresh.has(c.key);
        const lit = focus !== null && (c.to === focus || String(c.from) === focus);
        const width = 1.6 + Math.log10(c.count) * 1.6 + (lit ? 1.5 : 0);
        return (
          <g key={c.key}>
            <path
              d={c.path}
              fill="none"
              stroke={isNew ? 'var(--changed)' : 'var(--shared)'}
              strokeWidth={width}
              strokeOpacity={lit || isNew ? 1 : 0.75}
              className={isNew ? 'link-new' : undefined}
            />
            <circle cx={c.x1} cy={c.y1} r={2.5} fill="var(--shared)" />
            <path d={`M${c.x2 - 6},${c.y2 - 4}L${c.x2},${c.y2}L${c.x2 - 6},${c.y2 + 4}`} fill="none" stroke="var(--shared)" strokeWidth={1.5} />
            {c.count > 1 && (
              <text x={c.x1 + 6} y={c.y1 - 5} fontSize={10} fontWeight={700} fill="var(--shared)">
                ×{c.count.toLocaleString('en-US')}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
