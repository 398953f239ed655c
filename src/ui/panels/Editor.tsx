/**
 * The scenario editor: CodeMirror with line numbers, the scenario language's
 * colours and completion, the step on screen marked at its line, a parse
 * error (from the worker) marked at its line and column and said in words,
 * Run (Ctrl+Enter) and Reset. Every keystroke is kept (usePersistence), and a
 * reset sets the old text aside so it can come back. The document lives in
 * CodeMirror; the store hears each change once, and nothing renders per line.
 */
import { useEffect, useRef, useState } from 'react';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { completionKeymap } from '@codemirror/autocomplete';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, lineNumbers } from '@codemirror/view';
import { selectCurrentLine, selectDirty, selectNotice, selectParseError, selectText } from '../../store/selectors';
import { DEFAULT_SCENARIO } from '../platform/defaultScenario';
import { EarlierVersions } from './EarlierVersions';
import { BACKUP_KEY, load, save } from '../platform/storage';
import { useActions, useSim, useSimStore } from '../common/SimProvider';
import { useSimLater } from '../common/useSimLater';
import { errorMarks, setMarks } from './code/errorMarks';
import { scenarioSupport } from './code/scenarioLanguage';
import { editorTheme } from './code/theme';

const button = 'focus-ring rounded-md px-3 py-1.5 text-sm font-medium';

function contentAttrs(invalid: boolean): Record<string, string> {
  const attrs: Record<string, string> = {
    id: 'scenario-text',
    'data-testid': 'editor',
    'aria-labelledby': 'scenario-label',
    'aria-invalid': String(invalid),
    spellcheck: 'false',
    tabindex: '0',
  };
  if (invalid) attrs['aria-describedby'] = 'scenario-error';
  return attrs;
}

export function Editor() {
  const text = useSim(selectText);
  const error = useSim(selectParseError);
  const dirty = useSim(selectDirty);
  const current = useSimLater(selectCurrentLine);
  const { setText, run, setNotice } = useActions();
  const store = useSimStore();
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const attrs = useRef(new Compartment());
  // The text this editor last gave the store: when the store's text is that, the document already holds it.
  const sent = useRef<string | null>(null);
  const [restorable, setRestorable] = useState(() => load(BACKUP_KEY) !== null);
  // Text set aside elsewhere (a link opened over it) is announced by a notice: look again then.
  const notice = useSim(selectNotice);
  useEffect(() => setRestorable(load(BACKUP_KEY) !== null), [notice]);

  useEffect(() => {
    if (host.current === null) return;
    const v = new EditorView({
      parent: host.current,
      state: EditorState.create({
        doc: store.getState().text,
        extensions: [
          lineNumbers(),
          history(),
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (run(), true) }])),
          keymap.of([...completionKeymap, ...defaultKeymap, ...historyKeymap]),
          scenarioSupport(),
          errorMarks(),
          editorTheme,
          attrs.current.of(EditorView.contentAttributes.of(contentAttrs(false))),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) {
              const next = u.state.doc.toString();
              sent.current = next;
              if (next !== store.getState().text) setText(next);
            }
          }),
        ],
      }),
    });
    view.current = v;
    return () => {
      v.destroy();
      view.current = null;
    };
    // The view is made once; the store's text is followed below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [store]);

  // Text set from outside (a link, Reset, Restore, a lesson) replaces the document.
  useEffect(() => {
    const v = view.current;
    if (v === null || text === sent.current) return;
    if (v.state.doc.length !== text.length || v.state.doc.toString() !== text) {
      v.dispatch({ changes: { from: 0, to: v.state.doc.length, insert: text } });
    }
  }, [text]);

  useEffect(() => {
    view.current?.dispatch({ effects: setMarks.of({ error, current }) });
  }, [error, current]);
  // Apart from the marks: reconfiguring costs the editor a new configuration, and the step's line changes far more often.
  useEffect(() => {
    view.current?.dispatch({ effects: attrs.current.reconfigure(EditorView.contentAttributes.of(contentAttrs(error !== null))) });
  }, [error]);

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
      <label id="scenario-label" htmlFor="scenario-text" className="text-xs text-[var(--muted)]">
        One command per line; <kbd className="font-mono">#</kbd> starts a comment. <kbd className="font-mono">Ctrl+Enter</kbd> runs.
      </label>
      <div
        ref={host}
        data-testid="editor-frame"
        className="min-h-[220px] flex-1 overflow-hidden rounded-md border border-[var(--line)] bg-[var(--bg)] focus-within:border-[var(--shared)]"
      />
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
        <EarlierVersions
          text={text}
          onChoose={(t) => {
            setText(t);
            setRestorable(true);
          }}
        />
        <span className="text-xs text-[var(--muted)]" role="status">
          {dirty && error === null ? 'Edited: Run to see it.' : ''}
        </span>
      </div>
    </div>
  );
}
