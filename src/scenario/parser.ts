/**
 * The scenario parser (SPEC 2): text in, commands with their line numbers out.
 * It never throws: the first malformed line stops parsing with a line, a
 * column and a message, which the editor underlines and the CLI prints.
 */
import type { Command, Located } from '../sim/commands';
import { ANON_FILE, DEFAULT_RAM, DEFAULT_SEED, type Fidelity, type Prot } from '../sim/commands';
import { Args } from './args';
import { expandBrackets } from './brackets';
import { LineError, type ParseError } from './errors';
import { columnAfter, splitLines, tokenize, type Token } from './tokens';
import { readTaskCommand } from './verbs';
import { Scope, type Where } from './scope';
import { closestKeyword, DECLARATIONS, isDeclaration, isName, isTaskName, isVerb, readProt, VERBS, type Declaration } from './words';

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

const REGION_USAGE = {
  map: 'NAME map OFFSET LEN FILE|- [FILE_OFFSET] [PROT]',
  unmap: 'NAME unmap OFFSET LEN',
} as const;

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
  const lines = splitLines(text);
  for (let i = 0; i < lines.length; i++) {
    const line = i + 1;
    const tokens = tokenize(lines[i] ?? '');
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
      throw new LineError(head.column, `'${head.text}' needs the task first: TASK ${head.text} ...`);
    }
    if (!/^[A-Za-z_]/.test(head.text) && !head.text.startsWith('[')) {
      throw new LineError(head.column, `'${printable(head.text)}' is not a command or a task name (names start with a letter or _)`);
    }
    const hint = closestKeyword(head.text);
    if (hint !== null && hint !== head.text) {
      throw new LineError(head.column, `unknown command '${head.text}' (did you mean '${hint}'?)`);
    }
    const verbs = `expected one of ${VERBS.join(', ')}`;
    if (verbToken === undefined) throw new LineError(columnAfter(head), `missing verb after task '${head.text}': ${verbs}`);
    throw new LineError(
      verbToken.column,
      `unknown verb '${verbToken.text}' after task '${head.text}': ${verbs} (a line may also start with ${DECLARATIONS.join(', ')})`,
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

/** `NAME map OFFSET LEN FILE|- [FILE_OFFSET] [PROT]` and `NAME unmap OFFSET LEN`. */
function readRegionCommand(verb: 'map' | 'unmap', tokens: readonly Token[]): Command[] {
  const regions = fileNames(tokens[0] as Token);
  const args = new Args(tokens, REGION_USAGE[verb], 2);
  const offset = args.size('OFFSET');
  const len = args.size('LEN');
  if (verb === 'unmap') {
    args.end();
    return regions.map((region): Command => ({ op: 'mshare_unmap', region, offset, len }));
  }
  const fileToken = args.next('FILE');
  if (fileToken.text !== ANON_FILE && !isName(fileToken.text)) throw new LineError(fileToken.column, `bad file name '${fileToken.text}': expected a NAME or - for anonymous memory`);
  let fileOffset = 0;
  let prot: Prot = { read: true, write: true, exec: false };
  if (args.peek() !== undefined && /^[0-9]/.test(args.peek()!.text)) fileOffset = args.size('FILE_OFFSET');
  const protToken = args.peek();
  if (protToken !== undefined) {
    args.next('PROT');
    const p = readProt(protToken.text);
    if (typeof p === 'string') throw new LineError(protToken.column, p);
    prot = p;
  }
  args.end();
  return regions.map((region): Command => ({ op: 'mshare_map', region, offset, len, file: fileToken.text, fileOffset, prot }));
}

function readMachine(args: Args): Command {
  const seen = new Set<string>();
  let ram = DEFAULT_RAM;
  let seed = DEFAULT_SEED;
  let ptReclaim = false;
  const extra: { fidelity?: Fidelity; mshareAlign?: number } = {};
  for (let token = args.peek(); token !== undefined; token = args.peek()) {
    args.next('option');
    const eq = token.text.indexOf('=');
    const key = eq < 0 ? token.text : token.text.slice(0, eq);
    const value: Token = { text: token.text.slice(eq + 1), column: token.column + eq + 1 };
    if (eq < 0 || !['ram', 'seed', 'pt_reclaim', 'fidelity', 'mshare_align'].includes(key)) {
      throw new LineError(token.column, `unknown machine option '${token.text}' (usage: ${args.usage})`);
    }
    if (seen.has(key)) throw new LineError(token.column, `machine option ${key}= given twice`);
    seen.add(key);
    if (key === 'ram') ram = ramArg(value);
    else if (key === 'seed') seed = seedArg(value);
    else if (key === 'fidelity') {
      if (value.text !== 'described' && value.text !== 'as_posted') throw new LineError(value.column, `fidelity must be described or as_posted, got '${value.text}'`);
      extra.fidelity = value.text;
    } else if (key === 'mshare_align') extra.mshareAlign = alignArg(value);
    else if (value.text === 'on' || value.text === 'off') ptReclaim = value.text === 'on';
    else throw new LineError(value.column, `pt_reclaim must be on or off, got '${value.text}'`);
  }
  return { op: 'machine', ram, seed, ptReclaim, ...extra };
}

/** The least RAM a machine can have: one process's first tables, PGD, PUD, PMD and PTE pages. */
export const MIN_RAM = 4 * 4096;

/** An impossible machine is a mistake in the scenario, not an out-of-memory story. */
function ramArg(token: Token): number {
  const ram = sizeArg(token);
  if (ram < MIN_RAM) {
    throw new LineError(token.column, `ram=${token.text} cannot hold one process's first tables (PGD, PUD, PMD and PTE pages): at least 16K`);
  }
  return ram;
}

/** msharefs's alignment: the lab pages in four levels, so whole PGD entries (512 GiB). */
function alignArg(token: Token): number {
  const align = sizeArg(token);
  if (align === 0 || align % 2 ** 39 !== 0) throw new LineError(token.column, `mshare_align must be a multiple of 512G (one PGD entry), got '${token.text}'`);
  return align;
}

function sizeArg(token: Token): number {
  return new Args([token], '', 0).size('SIZE');
}

/** The seed feeds a 32-bit generator: larger values would silently alias smaller ones. */
function seedArg(token: Token): number {
  if (/^(?:0[xX][0-9a-fA-F_]+|[0-9_]+)$/.test(token.text)) {
    const seed = sizeArg(token);
    if (seed <= 0xffff_ffff) return seed;
  }
  throw new LineError(token.column, `seed must be a whole number from 0 to 4294967295, got '${token.text}'`);
}

/** A file word expanded: `f[1-3]` → f1 f2 f3. */
function fileNames(token: Token): string[] {
  const expansion = expandBrackets(token.text);
  if (!expansion.ok || !expansion.names.every(isName)) {
    throw new LineError(token.column, `bad file name '${token.text}': names are letters, digits, _ . - and start with a letter or _`);
  }
  return expansion.names;
}

/** A task word expanded: `db[1-3]` → db1 db2 db3, each a valid task name. */
function taskNames(token: Token): string[] {
  const expansion = expandBrackets(token.text);
  if (!expansion.ok) throw new LineError(token.column, expansion.message);
  const sample = expansion.names[0] ?? '';
  if (isDeclaration(token.text)) {
    throw new LineError(token.column, `'${token.text}' is a keyword and cannot name a task`);
  }
  if (!isTaskName(sample)) {
    throw new LineError(token.column, `bad task name '${token.text}': names are letters, digits, _ . - and start with a letter or _`);
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
      `'${parentToken.text}' gives ${parents.length} names but '${childToken.text}' gives ${children.length}; they pair up, so the counts must match`,
    );
  }
  const n = Math.max(parents.length, children.length);
  return Array.from({ length: n }, (_, i) => [parents[i] ?? (parents[0] as string), children[i] ?? (children[0] as string)]);
}

/** A token as shown in a message: control and non-ASCII characters escaped. */
function printable(text: string): string {
  return text.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
