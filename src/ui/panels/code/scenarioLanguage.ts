/**
 * The scenario language for the editor: a small stream mode (declarations,
 * verbs, flags, sizes, hex addresses, `#` comments), its colours from the
 * app's CSS variables (so both themes follow), and completion of the words
 * and of the names defined earlier in the text. Parsing stays in the worker.
 */
import { autocompletion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { HighlightStyle, StreamLanguage, syntaxHighlighting, type StreamParser } from '@codemirror/language';
import { tags as t } from '@lezer/highlight';
import type { Extension } from '@codemirror/state';

import { ACCESSES, ADVICES, AUTO, DECLARATIONS, FLAG_WORDS, REGION_VERBS, VERBS as TASK_VERBS } from '../../../scenario/words';

// The language's own word lists (the parser reads the same ones), plus common PROT spellings.
export const DECLARATION_WORDS = DECLARATIONS;
export const VERB_WORDS = [...TASK_VERBS, ...REGION_VERBS] as const;
const OTHER_WORDS = [AUTO, ...ACCESSES, ...ADVICES, ...FLAG_WORDS, 'anon', 'hugetlb', 'rw', 'r', 'rwx', 'none'];

const KEYWORDS = new Set<string>([...DECLARATION_WORDS]);
const VERBS = new Set<string>(VERB_WORDS);
const ATOMS = new Set<string>(OTHER_WORDS);

const parser: StreamParser<null> = {
  name: 'scenario',
  startState: () => null,
  token(stream) {
    if (stream.eatSpace()) return null;
    if (stream.peek() === '#') {
      stream.skipToEnd();
      return 'comment';
    }
    if (stream.match(/^0x[0-9a-fA-F_]+/)) return 'number';
    if (stream.match(/^\d[\d_]*(\.\d+)?([KMGTP]i?B?|[kK])?(?![\w])/)) return 'number';
    const word = stream.match(/^[A-Za-z_][\w.\-[\]]*/);
    if (word && Array.isArray(word)) {
      const w = word[0];
      if (KEYWORDS.has(w)) return 'keyword';
      if (VERBS.has(w)) return 'operator';
      if (ATOMS.has(w)) return 'atom';
      if (w.includes('=')) return 'attributeName';
      return 'variableName';
    }
    stream.next();
    return null;
  },
  languageData: { commentTokens: { line: '#' } },
};

export const scenarioLanguage = StreamLanguage.define(parser);

const highlight = HighlightStyle.define([
  { tag: t.comment, color: 'var(--muted)', fontStyle: 'italic' },
  { tag: t.keyword, color: 'var(--shared)', fontWeight: '600' },
  { tag: t.operator, color: 'var(--ink)', fontWeight: '600' },
  { tag: t.number, color: 'var(--host)' },
  { tag: t.atom, color: 'var(--muted)' },
]);

/** Names the text before `pos` defines: processes, threads, forks' children, files, memfds, regions. */
export function namesBefore(text: string): string[] {
  const names = new Set<string>();
  const re = /^[ \t]*(process|thread|fork|file|memfd|mshare)[ \t]+([^\s#]+)(?:[ \t]+([^\s#]+))?/gm;
  for (let m = re.exec(text); m !== null; m = re.exec(text)) {
    const [, word, first, second] = m;
    if (word === 'thread' || word === 'fork') {
      if (second !== undefined) names.add(second);
    } else if (first !== undefined) names.add(first);
  }
  return [...names].filter((n) => /^[A-Za-z_][\w-]*$/.test(n));
}

export function completeScenario(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/[\w-]*/);
  if (word === null || (word.from === word.to && !context.explicit)) return null;
  const line = context.state.doc.lineAt(context.pos);
  const before = line.text.slice(0, word.from - line.from);
  // Names come from the text above this line only (a name is defined before use); at most 200 KB back.
  const start = Math.max(0, line.from - 200_000);
  const names = namesBefore(context.state.sliceDoc(start, line.from));
  const firstWord = before.trim() === '';
  const options = firstWord
    ? [...DECLARATION_WORDS.map((w) => ({ label: w, type: 'keyword' })), ...names.map((n) => ({ label: n, type: 'variable' }))]
    : [
        ...VERB_WORDS.map((w) => ({ label: w, type: 'function' })),
        ...names.map((n) => ({ label: n, type: 'variable' })),
        ...OTHER_WORDS.map((w) => ({ label: w, type: 'constant' })),
      ];
  return { from: word.from, options, validFor: /^[\w-]*$/ };
}

export function scenarioSupport(): Extension {
  return [scenarioLanguage, syntaxHighlighting(highlight), autocompletion({ override: [completeScenario] })];
}
