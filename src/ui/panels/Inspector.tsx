/**
 * The inspector: what was clicked (a table, an entry, an mm, a file page) in
 * facts and plain words; a table lists its runs so every entry can be reached
 * by keyboard, and an entry steps to its neighbours.
 */
import { useMemo } from 'react';
import { selectSelectedSnapshot, selectSelection, selectSelectionSide } from '../../store/selectors';
import { dirLines } from '../../viz/entries';
import { explain } from '../../viz/explain';
import { useActions, useSim } from '../common/SimProvider';

const link = 'focus-ring rounded px-1.5 py-0.5 text-left text-sm text-[var(--shared)] underline-offset-2 hover:underline';

export function Inspector() {
  const snap = useSim(selectSelectedSnapshot);
  const selection = useSim(selectSelection);
  const side = useSim(selectSelectionSide);
  const actions = useActions();
  const select = (s: Parameters<typeof actions.select>[0]) => actions.select(s, side);
  const ex = useMemo(() => (snap === null || selection === null ? null : explain(snap, selection)), [snap, selection]);
  if (snap === null || selection === null || ex === null) {
    return (
      <div className="p-4 text-sm text-[var(--muted)]">
        <p>Click any table, entry, process or page in the diagram (or focus it and press Enter) to see what it is, who owns it and who points at it.</p>
      </div>
    );
  }
  const table = selection.kind === 'table' ? snap.tables.find((t) => t.id === selection.id) : undefined;
  const entryTable = selection.kind === 'entry' ? selection.table : null;
  return (
    <section className="space-y-3 p-4" aria-live="polite" data-testid="inspector">
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-base font-semibold">{ex.title}</h2>
        <button type="button" className="focus-ring rounded px-2 text-sm text-[var(--muted)] underline" onClick={() => select(null)}>
          Clear
        </button>
      </div>
      {ex.facts.length > 0 && (
        <dl className="grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm">
          {ex.facts.map((f, i) => (
            <div key={`${f.label}${i}`} className="contents">
              <dt className="text-[var(--muted)]">{f.label}</dt>
              <dd className={f.mono ? 'font-mono text-[12px] break-all' : ''} title={f.title}>
                {f.value}
              </dd>
            </div>
          ))}
        </dl>
      )}
      {ex.words.map((w) => (
        <p key={w} className="text-sm leading-relaxed">
          {w}
        </p>
      ))}
      {table !== undefined && table.entries.length > 0 && (
        <div>
          <h3 className="text-xs font-semibold tracking-wide text-[var(--muted)] uppercase">Entries</h3>
          <ul className="mt-1 font-mono text-[12px]">
            {dirLines(table, 64).map((l) => (
              <li key={`${l.lo}-${l.kind}`}>
                {l.kind === 'more' ? (
                  l.text
                ) : (
                  <button type="button" className={link} onClick={() => select({ kind: 'entry', table: table.id, index: l.lo })}>
                    {table.level === 'pte' ? `${l.lo}–${l.hi - 1}: ${l.hi - l.lo} PTEs` : l.text}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {entryTable !== null && selection.kind === 'entry' && (
        <div className="flex flex-wrap gap-2">
          <button type="button" className={link} disabled={selection.index === 0} onClick={() => select({ ...selection, index: selection.index - 1 })}>
            ◀ Previous entry
          </button>
          <button type="button" className={link} disabled={selection.index === 511} onClick={() => select({ ...selection, index: selection.index + 1 })}>
            Next entry ▶
          </button>
          <button type="button" className={link} onClick={() => select({ kind: 'table', id: entryTable })}>
            The whole table
          </button>
        </div>
      )}
    </section>
  );
}
