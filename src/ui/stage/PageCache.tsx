/**
 * The page cache strip under the diagram: each file's cached pages along its
 * length. Pages read in this step light up; the file page of the selected PTE
 * entry (ink) and of the hovered cell (accent) are marked, so "one page, many
 * PTEs" can be seen. Click picks a page.
 */
import { useMemo, useRef } from 'react';
import { stepChanges } from '../../viz/changes';
import { pageOfEntry } from '../../viz/entries';
import { exactBytes, formatBytes } from '../../viz/format';
import { useElementWidth } from '../common/useElementWidth';
import { useActions, useSim } from '../common/SimProvider';
import { useSimLater } from '../common/useSimLater';
import { selectSnapshot } from '../../store/selectors';

const MAX_FILES = 4;

export function PageCache() {
  const snap = useSimLater(selectSnapshot);
  const selection = useSim((s) => s.selection);
  const hover = useSim((s) => s.hover);
  const { select } = useActions();
  const ref = useRef<HTMLDivElement>(null);
  const width = Math.max(0, useElementWidth(ref));
  const fresh = useMemo(() => (snap === null ? null : stepChanges(snap).pages), [snap]);
  const marked = useMemo(() => {
    if (snap === null || selection === null) return null;
    if (selection.kind === 'page') return selection;
    if (selection.kind !== 'entry') return null;
    const t = snap.tables.find((x) => x.id === selection.table);
    return t === undefined ? null : pageOfEntry(t, selection.index);
  }, [snap, selection]);
  const files = snap?.files.filter((f) => f.kind !== 'anon' || f.cached.length > 0).slice(0, MAX_FILES) ?? [];
  return (
    <section className="px-4 pt-2" aria-label="Page cache">
      <h2 className="text-xs font-semibold tracking-wide text-[var(--muted)] uppercase">Page cache</h2>
      {/* Many files scroll here rather than push the diagram off its room. */}
      <div ref={ref} className="max-h-[22vh] space-y-1.5 overflow-y-auto py-1">
        {files.length === 0 && <p className="text-xs text-[var(--muted)]">No files yet.</p>}
        {files.map((f) => {
          const pages = Math.max(1, Math.ceil(f.size / 4096));
          const x = (p: number): number => (p / pages) * width;
          const cached = f.cached.reduce((n, [a, b]) => n + b - a, 0);
          return (
            <div key={f.name} data-testid={`file-${f.name}`}>
              <div className="flex justify-between gap-2 text-xs">
                <span className="font-mono font-semibold">{f.name}</span>
                <span className="text-[var(--muted)]" title={exactBytes(cached * 4096)}>
                  {formatBytes(cached * 4096)} of {formatBytes(f.size)} cached{f.host !== null ? ' · has a host mm' : ''}
                </span>
              </div>
              <svg
                width={width}
                height={14}
                className="block cursor-pointer"
                role="img"
                aria-label={`${f.name}: ${cached} of ${pages} pages in the page cache`}
                onClick={(e) => {
                  const box = e.currentTarget.getBoundingClientRect();
                  select({ kind: 'page', file: f.name, page: Math.min(pages - 1, Math.floor(((e.clientX - box.left) / box.width) * pages)) });
                }}
              >
                <rect width={width} height={14} rx={3} fill="var(--cell-empty)" />
                {f.cached.map(([a, b]) => (
                  <rect key={a} x={x(a)} y={2} width={Math.max(1, x(b) - x(a))} height={10} fill="var(--muted)" opacity={0.7} />
                ))}
                {fresh?.get(f.name)?.map(([a, b]) => (
                  <rect key={`n${a}`} x={x(a)} y={0} width={Math.max(2, x(b) - x(a))} height={14} fill="var(--changed)" />
                ))}
                {hover?.file === f.name && (
                  <rect x={x(hover.page) - 1} y={0} width={Math.max(3, x(hover.page + 1) - x(hover.page))} height={14} fill="var(--shared)" />
                )}
                {marked?.file === f.name && <rect x={x(marked.page) - 1} y={0} width={Math.max(3, x(marked.page + 1) - x(marked.page))} height={14} fill="var(--ink)" />}
              </svg>
            </div>
          );
        })}
      </div>
    </section>
  );
}
