/**
 * The scenario parser (SPEC 2): text in, commands with their line numbers out.
 * It never throws: the first malformed line stops parsing with a line, a
 * column and a message, which the editor underlines and the CLI prints.
 */
import { findInvisible, withoutLeadingBom } from './invisible';
import type { Command, Located } from '../sim/commands';
import { Args, fileNames } from './args';
import { expandBrackets } from './brackets';
import { LineError, quoted, type ParseError } from './errors';
import { columnAfter, splitLines, tokenize, type Token } from './tokens';
import { readTaskCommand } from './verbs';
import { readMachine, readRegionCommand } from './machine';
import { Scope, type Where } from './scope';
import { closestKeyword, DECLARATIONS, isDeclaration, isTaskName, isVerb, VERBS, type Declaration } from './words';

export type ParseResult =
  | { readonly ok: true; readonly commands: Located[] }
  | { readonly ok: false; readonly error: ParseError };

/** At most this many commands in one scenario, whatever the brackets say. */
export const MAX_COMMANDS = 1_000_000;

const USAGE: Readonly<Record<Declaration, string>> = {
  machine: 'machine [ram=SIZE] [seed=N] [pt_reclaim=on|off] [fidelity=described|as_posted] [mshare_align=SIZE]',
  file: 'file NAME SIZE [hugetlb]',
  memfd: 'memfd NAME SIZE',
  process: 'process NAME',
  thread: 'thread PARENT NAME',
  fork: 'fork PARENT CHILD',
  mshare: 'mshare NAME SIZE',
  unlink: 'unlink NAME',
};


export interface ParseOptions {
  /**
   * Whether names must be defined before use (SPEC 2; default true). Off only for
   * tests of the grammar alone, such as parse(print(x)) over arbitrary commands.
   */
  readonly scope?: boolean;
}

/** Parses a whole scenario; stops at the first malformed line or undefined name. */
export function parse(text: string, options: ParseOptions = {}): ParseResult {
  const commands: Located[] = [];
  const scope = options.scope === false ? null : new Scope();
  const lines = splitLines(withoutLeadingBom(text));
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const source = lines[i] ?? '';
    const hidden = findInvisible(source.split('#', 1)[0] as string);
    if (hidden !== null) {
      return { ok: false, error: { line, column: hidden.column, message: `${hidden.name} here: type an ordinary space, or delete it` } };
    }
    const tokens = tokenize(source);
    if (tokens.length === 0) continue;
    try {
      const found = readLine(tokens, commands.length === 0);
      if (commands.length + found.commands.length > MAX_COMMANDS) {
        throw new LineError(1, `the scenario has more than ${MAX_COMMANDS} commands`);
      }
      for (const command of found.commands) {
        scope?.apply(command, found.where);
        commands.push({ line, command });
      }
    } catch (e) {
      if (e instanceof LineError) return { ok: false, error: { line, column: e.column, message: e.message } };
      throw e;
    }
  }
  return { ok: true, commands };
}

/** One non-blank line: a declaration, or `TASK VERB ...` for each task it names. */
function readLine(tokens: readonly Token[], first: boolean): { commands: Command[]; where: Where } {
  const head = tokens[0] as Token;
  if (isDeclaration(head.text)) {
    const parent = head.text === 'thread' || head.text === 'fork' ? tokens[1]?.column : undefined;
    return { commands: readDeclaration(head.text, tokens, first), where: { task: head.column, parent } };
  }
  const verbToken = tokens[1];
  if (verbToken?.text === 'map' || verbToken?.text === 'unmap') {
    return { commands: readRegionCommand(verbToken.text, tokens), where: { task: head.column, file: head.column } };
  }
  if (verbToken === undefined || !isVerb(verbToken.text)) {
    if (isVerb(head.text)) {
      throw new LineError(head.column, `${quoted(head.text)} needs the task first: TASK ${head.text} ...`);
    }
    if (!/^[A-Za-z_]/.test(head.text) && !head.text.startsWith('[')) {
      throw new LineError(head.column, `${quoted(head.text, printable)} is not a command or a task name (names start with a letter or _)`);
    }
    const hint = closestKeyword(head.text);
    if (hint !== null && hint !== head.text) {
      throw new LineError(head.column, `unknown command ${quoted(head.text)} (did you mean ${quoted(hint)}?)`);
    }
    const verbs = `expected one of ${VERBS.join(', ')}`;
    if (verbToken === undefined) throw new LineError(columnAfter(head), `missing verb after task ${quoted(head.text)}: ${verbs}`);
    throw new LineError(
      verbToken.column,
      `unknown verb ${quoted(verbToken.text)} after task ${quoted(head.text)}: ${verbs} (a line may also start with ${DECLARATIONS.join(', ')})`,
    );
  }
  const tasks = taskNames(head);
  const { make, columns } = readTaskCommand(verbToken.text, tokens, tasks.length);
  return { commands: tasks.map((t, i) => make(t, i)), where: { task: head.column, ...columns } };
}

function readDeclaration(word: Declaration, tokens: readonly Token[], first: boolean): Command[] {
  const args = new Args(tokens, USAGE[word], 1);
  switch (word) {
    case 'machine':
      if (!first) throw new LineError((tokens[0] as Token).column, 'machine is only allowed as the first command');
      return [readMachine(args)];
    case 'file':
    case 'memfd': {
      const names = fileNames(args.next('NAME'));
      const size = args.size('SIZE');
      const hugetlb = word === 'file' && args.peek() !== undefined && args.oneOf('hugetlb', ['hugetlb']) === 'hugetlb';
      args.end();
      return names.map((name): Command => (word === 'file' ? { op: 'file', name, size, hugetlb } : { op: 'memfd', name, size }));
    }
    case 'process': {
      const names = taskNames(args.next('NAME'));
      args.end();
      return names.map((name) => ({ op: 'process', name }));
    }
    case 'mshare': {
      const names = fileNames(args.next('NAME'));
      const size = args.size('SIZE');
      args.end();
      return names.map((name): Command => ({ op: 'mshare', name, size }));
    }
    case 'unlink': {
      const names = fileNames(args.next('NAME'));
      args.end();
      return names.map((name): Command => ({ op: 'unlink', name }));
    }
    case 'thread':
    case 'fork': {
      const pairs = pairUp(args.next('PARENT'), args.next(word === 'fork' ? 'CHILD' : 'NAME'));
      args.end();
      return pairs.map(([parent, name]) =>
        word === 'fork' ? { op: 'fork', parent, child: name } : { op: 'thread', parent, name },
      );
    }
  }
}

/** A task word expanded: `db[1-3]` → db1 db2 db3, each a valid task name. */
function taskNames(token: Token): string[] {
  const expansion = expandBrackets(token.text);
  if (!expansion.ok) throw new LineError(token.column, expansion.message);
  const sample = expansion.names[0] ?? '';
  if (isDeclaration(token.text)) {
    throw new LineError(token.column, `${quoted(token.text)} is a keyword and cannot name a task`);
  }
  if (!isTaskName(sample)) {
    throw new LineError(token.column, `bad task name ${quoted(token.text)}: names are letters, digits, _ . - and start with a letter or _`);
  }
  return expansion.names;
}

/** thread/fork: a bracketed side pairs element-wise with the other, or with its one name. */
function pairUp(parentToken: Token, childToken: Token): [string, string][] {
  const parents = taskNames(parentToken);
  const children = taskNames(childToken);
  if (parents.length > 1 && children.length > 1 && parents.length !== children.length) {
    throw new LineError(
      childToken.column,
      `${quoted(parentToken.text)} gives ${parents.length} names but ${quoted(childToken.text)} gives ${children.length}; they pair up, so the counts must match`,
    );
  }
  const n = Math.max(parents.length, children.length);
  return Array.from({ length: n }, (_, i) => [parents[i] ?? (parents[0] as string), children[i] ?? (children[0] as string)]);
}

/** A token as shown in a message: control and non-ASCII characters escaped. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
