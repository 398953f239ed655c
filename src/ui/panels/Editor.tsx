/**
 * The scenario editor: a textarea with line numbers, the step on screen
 * marked in the gutter, a parse error shown at its line in words, Run
 * (Ctrl+Enter) and Reset. Every keystroke is kept (usePersistence), and a
 * reset sets the old text aside so it can come back.
 */
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { selectCurrentLine, selectDirty, selectNotice, selectParseError, selectText } from '../../store/selectors';
import { DEFAULT_SCENARIO } from '../platform/defaultScenario';
import { BACKUP_KEY, load, save } from '../platform/storage';
import { useActions, useSim } from '../common/SimProvider';

const button = 'focus-ring rounded-md px-3 py-1.5 text-sm font-medium';

export function Editor() {
  const text = useSim(selectText);
  const error = useSim(selectParseError);
  const dirty = useSim(selectDirty);
  const current = useSim(selectCurrentLine);
  const { setText, run, setNotice } = useActions();
  const gutter = useRef<HTMLPreElement>(null);
  const [restorable, setRestorable] = useState(() => load(BACKUP_KEY) !== null);
  // Text set aside elsewhere (a link opened over it) is announced by a notice: look again then.
  const notice = useSim(selectNotice);
  useEffect(() => setRestorable(load(BACKUP_KEY) !== null), [notice]);
  const lines = text.split('\n').length;
  const onKey = (e: KeyboardEvent<HTMLTextAreaElement>): void => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    }
  };
  const reset = (): void => {
    if (text !== DEFAULT_SCENARIO) save(BACKUP_KEY, text);
    setRestorable(load(BACKUP_KEY) !== null);
    run(DEFAULT_SCENARIO, 0);
    setNotice('The default scenario is back. Your text was set aside: "Restore my text" in the editor brings it back.');
  };
  const restore = (): void => {
    const saved = load(BACKUP_KEY);
    if (saved !== null) setText(saved);
  };
  return (
    <div className="flex h-full flex-col gap-2 p-3">
      <label htmlFor="scenario-text" className="text-xs text-[var(--muted)]">
        One command per line; <kbd className="font-mono">#</kbd> starts a comment. <kbd className="font-mono">Ctrl+Enter</kbd> runs.
      </label>
      <div className="flex min-h-[220px] flex-1 overflow-hidden rounded-md border border-[var(--line)] bg-[var(--bg)] focus-within:border-[var(--shared)]">
        <pre ref={gutter} aria-hidden="true" className="overflow-hidden border-r border-[var(--line)] px-2 py-2 text-right font-mono text-[12px] leading-5 text-[var(--muted)] select-none">
          {Array.from({ length: lines }, (_, i) => {
            const n = i + 1;
            const cls = error?.line === n ? 'font-bold text-[var(--error)]' : current === n ? 'font-bold text-[var(--ink)]' : '';
            return (
              <div key={n} className={cls}>
                {error?.line === n ? '✕ ' : current === n ? '▸ ' : ''}
                {n}
              </div>
            );
          })}
        </pre>
        <textarea
          id="scenario-text"
          data-testid="editor"
          value={text}
          spellCheck={false}
          wrap="off"
          aria-invalid={error !== null}
          aria-describedby={error !== null ? 'scenario-error' : undefined}
          onChange={(e) => setText(e.target.value)}
          onKeyDown={onKey}
          onScroll={(e) => {
            if (gutter.current) gutter.current.scrollTop = e.currentTarget.scrollTop;
          }}
          className="flex-1 resize-none bg-transparent px-2 py-2 font-mono text-[12px] leading-5 text-[var(--ink)] outline-none"
        />
      </div>
      {error !== null && (
        <p id="scenario-error" role="alert" data-testid="parse-error" className="rounded-md border-l-4 border-[var(--error)] bg-[var(--bg)] px-3 py-2 font-mono text-[12px] text-[var(--ink)]">
          <strong className="text-[var(--error)]">Error</strong> line {error.line}, column {error.column}: {error.message}
        </p>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" onClick={() => run()} className={`${button} bg-[var(--shared)] text-[var(--on-shared)] hover:opacity-90`}>
          Run
        </button>
        <button type="button" onClick={reset} className={`${button} border border-[var(--line)] hover:bg-[var(--bg)]`}>
          Reset
        </button>
        {restorable && (
          <button type="button" onClick={restore} className={`${button} text-[var(--muted)] underline`}>
            Restore my text
          </button>
        )}
        <span className="text-xs text-[var(--muted)]" role="status">
          {dirty && error === null ? 'Edited: Run to see it.' : ''}
        </span>
      </div>
    </div>
  );
}
