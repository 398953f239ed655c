/**
 * The task commands, `TASK VERB ...`: what follows the verb. The task name is
 * left out here because one line may stand for many tasks (`db[1-4] exit`);
 * the parser fills it in for each.
 */
import type { Command } from '../sim/commands';
import { ANON_FILE } from '../sim/commands';
import { addrOf, Args, sizeOf } from './args';
import { LineError } from './errors';
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

/** A task command waiting for its task's name. */
export type TaskCommand = (task: string) => Command;

/** Reads the arguments after the verb (tokens[2] on). */
export function readTaskCommand(verb: Verb, tokens: readonly Token[]): TaskCommand {
  const args = new Args(tokens, VERB_USAGE[verb], 2);
  switch (verb) {
    case 'mmap':
      return readMmap(args);
    case 'touch': {
      const addr = addrOf(args.next('ADDR'));
      const lenOrAccess = args.next('LEN or read|write');
      const access = ACCESSES.find((a) => a === lenOrAccess.text);
      if (access !== undefined) {
        args.end();
        return (task) => ({ op: 'touch', task, addr, len: null, access });
      }
      const len = sizeOf(lenOrAccess);
      const access2 = args.oneOf('the access', ACCESSES);
      args.end();
      return (task) => ({ op: 'touch', task, addr, len, access: access2 });
    }
    case 'mprotect': {
      const addr = addrOf(args.next('ADDR'));
      const len = args.size('LEN');
      const prot = protOf(args.next('PROT'));
      args.end();
      return (task) => ({ op: 'mprotect', task, addr, len, prot });
    }
    case 'madvise': {
      const addr = addrOf(args.next('ADDR'));
      const len = args.size('LEN');
      const advice = args.oneOf('the advice', ADVICES);
      args.end();
      return (task) => ({ op: 'madvise', task, addr, len, advice });
    }
    case 'munmap': {
      const addr = addrOf(args.next('ADDR'));
      const len = args.size('LEN');
      args.end();
      return (task) => ({ op: 'munmap', task, addr, len });
    }
    case 'exit':
      args.end();
      return (task) => ({ op: 'exit', task });
  }
}

function protOf(token: Token) {
  const prot = readProt(token.text);
  if (typeof prot === 'string') throw new LineError(token.column, prot);
  return prot;
}

function readMmap(args: Args): TaskCommand {
  const addrToken = args.next('ADDR');
  const addr = addrToken.text === AUTO ? null : addrOf(addrToken);
  const len = args.size('LEN');
  const prot = protOf(args.next('PROT'));
  const flagsToken = args.next('FLAGS');
  const flags = readFlags(flagsToken.text);
  if ('message' in flags) throw new LineError(flagsToken.column + flags.offset, flags.message);
  const fileToken = args.next('FILE');
  const file = fileToken.text;
  if (file !== ANON_FILE && !isName(file)) {
    throw new LineError(fileToken.column, `bad file name '${file}': expected a NAME or - for anonymous memory`);
  }
  let offset = 0;
  let as: string | null = null;
  const maybeOffset = args.peek();
  if (maybeOffset !== undefined && !maybeOffset.text.startsWith('as=')) offset = sizeOf(args.next('OFFSET'));
  const maybeAs = args.peek();
  if (maybeAs !== undefined && maybeAs.text.startsWith('as=')) {
    args.next('as=NAME');
    as = maybeAs.text.slice(3);
    if (!isMappingName(as)) {
      throw new LineError(maybeAs.column, `bad mapping name '${as}' in as=: expected a NAME other than auto`);
    }
  }
  args.end();
  return (task) => ({ op: 'mmap', task, addr, len, prot, flags, file, offset, as });
}
