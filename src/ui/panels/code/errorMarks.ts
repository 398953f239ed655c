/**
 * The parse error the worker reported, marked at its line and column (a
 * lint-style underline and a line tint, the message as the mark's title),
 * and the step on screen marked at its line. The editor never parses.
 */
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state';
import { Decoration, EditorView, type DecorationSet } from '@codemirror/view';

export interface Marks {
  readonly error: { readonly line: number; readonly column: number; readonly message: string } | null;
  readonly current: number | null;
}

export const setMarks = StateEffect.define<Marks>();

export function marksDecorations(state: EditorState, marks: Marks): DecorationSet {
  const ranges = [];
  const doc = state.doc;
  const { error, current } = marks;
  if (current !== null && current >= 1 && current <= doc.lines && current !== error?.line) {
    ranges.push(Decoration.line({ class: 'cm-step-line' }).range(doc.line(current).from));
  }
  if (error !== null && error.line >= 1 && error.line <= doc.lines) {
    const line = doc.line(error.line);
    ranges.push(Decoration.line({ class: 'cm-error-line' }).range(line.from));
    const from = Math.min(line.to, line.from + Math.max(0, error.column - 1));
    const rest = line.text.slice(from - line.from);
    const len = Math.max(1, rest.search(/\s|$/));
    const to = Math.min(line.to, from + len);
    if (to > from) {
      ranges.push(Decoration.mark({ class: 'cm-error-mark', attributes: { title: error.message } }).range(from, to));
    }
  }
  return Decoration.set(ranges, true);
}

const field = StateField.define<{ marks: Marks; deco: DecorationSet }>({
  create: () => ({ marks: { error: null, current: null }, deco: Decoration.none }),
  update(value, tr) {
    let next = value;
    for (const e of tr.effects) if (e.is(setMarks)) next = { marks: e.value, deco: marksDecorations(tr.state, e.value) };
    if (next === value && tr.docChanged) next = { marks: value.marks, deco: value.deco.map(tr.changes) };
    return next;
  },
  provide: (f) => EditorView.decorations.from(f, (v) => v.deco),
});

export function errorMarks(): Extension {
  return field;
}
