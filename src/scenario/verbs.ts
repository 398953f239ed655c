/**
 * The task commands, `TASK VERB ...`: what follows the verb. The task name is
 * left out here because one line may stand for many tasks (`db[1-4] exit`);
 * the parser fills it in for each.
 */
import type { AddrExpr, Command } from '../sim/commands';
import { ANON_FILE } from '../sim/commands';
import { Args, pairedAddrs, pairedNames, sizeOf } from './args';
import { LineError, quoted } from './errors';
import type { Token } from './tokens';
import { ACCESSES, ADVICES, AUTO, isMappingName, isName, readFlags, readProt, type Verb } from './words';

export const VERB_USAGE: Readonly<Record<Verb, string>> = {
  mmap: 'TASK mmap ADDR|auto LEN PROT FLAGS FILE [OFFSET] [as=NAME]',
  touch: 'TASK touch ADDR [LEN] read|write',
  mprotect: 'TASK mprotect ADDR LEN PROT',
  madvise: 'TASK madvise ADDR LEN dontneed|hugepage|nohugepage',
  munmap: 'TASK munmap ADDR LEN',
  exit: 'TASK exit',
};

/**
 * A task command waiting for its task's name and its place `i` among the
 * line's tasks (bracketed naming arguments pair with the task's brackets).
 */
export type TaskCommand = (task: string, i: number) => Command;

/** A line's command maker and the columns of the arguments that name something. */
export interface TaskLine {
  readonly make: TaskCommand;
  readonly columns: NameColumns;
}

/** Columns of the arguments naming a file or a mapping, for scope errors. */
export interface NameColumns {
  readonly file?: number;
  readonly addr?: number;
}

/** ADDR, with a bracketed NAME paired with the line's `count` tasks. */
function addrsAt(args: Args, count: number): { at: (i: number) => AddrExpr; column: number } {
  const token = args.next('ADDR');
  const list = pairedAddrs(token, count);
  return { at: (i) => list[i] ?? (list[0] as AddrExpr), column: token.column };
}

/** Reads the arguments after the verb (tokens[2] on); `count` tasks share the line. */
export function readTaskCommand(verb: Verb, tokens: readonly Token[], count = 1): TaskLine {
  const args = new Args(tokens, VERB_USAGE[verb], 2);
  switch (verb) {
    case 'mmap':
      return readMmap(args, count);
    case 'touch': {
      const a = addrsAt(args, count);
      const lenOrAccess = args.next('LEN or read|write');
      const access = ACCESSES.find((x) => x === lenOrAccess.text);
      if (access !== undefined) {
        args.end();
        return { make: (task, i) => ({ op: 'touch', task, addr: a.at(i), len: null, access }), columns: { addr: a.column } };
      }
      const len = sizeOf(lenOrAccess);
      const access2 = args.oneOf('the access', ACCESSES);
      args.end();
      return { make: (task, i) => ({ op: 'touch', task, addr: a.at(i), len, access: access2 }), columns: { addr: a.column } };
    }
    case 'mprotect': {
      const a = addrsAt(args, count);
      const len = args.size('LEN');
      const prot = protOf(args.next('PROT'));
      args.end();
      return { make: (task, i) => ({ op: 'mprotect', task, addr: a.at(i), len, prot }), columns: { addr: a.column } };
    }
    case 'madvise': {
      const a = addrsAt(args, count);
      const len = args.size('LEN');
      const advice = args.oneOf('the advice', ADVICES);
      args.end();
      return { make: (task, i) => ({ op: 'madvise', task, addr: a.at(i), len, advice }), columns: { addr: a.column } };
    }
    case 'munmap': {
      const a = addrsAt(args, count);
      const len = args.size('LEN');
      args.end();
      return { make: (task, i) => ({ op: 'munmap', task, addr: a.at(i), len }), columns: { addr: a.column } };
    }
    case 'exit':
      args.end();
      return { make: (task) => ({ op: 'exit', task }), columns: {} };
  }
}

function protOf(token: Token) {
  const prot = readProt(token.text);
  if (typeof prot === 'string') throw new LineError(token.column, prot);
  return prot;
}

function readMmap(args: Args, count: number): TaskLine {
  const addrToken = args.next('ADDR');
  const addrs = addrToken.text === AUTO ? null : pairedAddrs(addrToken, count);
  const len = args.size('LEN');
  const prot = protOf(args.next('PROT'));
  const flagsToken = args.next('FLAGS');
  const flags = readFlags(flagsToken.text);
  if ('message' in flags) throw new LineError(flagsToken.column + flags.offset, flags.message);
  const fileToken = args.next('FILE');
  const files = fileToken.text === ANON_FILE ? [ANON_FILE] : pairedNames(fileToken, count);
  if (files.some((f) => f !== ANON_FILE && !isName(f))) {
    throw new LineError(fileToken.column, `bad file name ${quoted(fileToken.text)}: expected a NAME or - for anonymous memory`);
  }
  let offset = 0;
  let as: string[] | null = null;
  const maybeOffset = args.peek();
  if (maybeOffset !== undefined && !maybeOffset.text.startsWith('as=')) offset = sizeOf(args.next('OFFSET'));
  const maybeAs = args.peek();
  if (maybeAs !== undefined && maybeAs.text.startsWith('as=')) {
    args.next('as=NAME');
    const text = maybeAs.text.slice(3);
    as = text === '' ? [''] : pairedNames({ text, column: maybeAs.column + 3 }, count);
    if (as.some((n) => !isMappingName(n))) {
      throw new LineError(maybeAs.column, `bad mapping name ${quoted(text)} in as=: expected a NAME other than auto`);
    }
  }
  args.end();
  const pick = <T>(xs: readonly T[], i: number): T => xs[i] ?? (xs[0] as T);
  return {
    make: (task, i) => ({ op: 'mmap', task, addr: addrs === null ? null : pick(addrs, i), len, prot, flags, file: pick(files, i), offset, as: as === null ? null : pick(as, i) }),
    columns: { file: fileToken.column, addr: addrToken.text === AUTO ? undefined : addrToken.column },
  };
}
