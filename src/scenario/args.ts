/**
 * Reading one line's arguments in order. Every read that fails throws a
 * LineError at the offending token (or just past the last one when an
 * argument is missing) and repeats the command's usage.
 */
import type { AddrExpr } from '../sim/commands';
import { LineError, quoted } from './errors';
import { readSize } from './numbers';
import { expandBrackets } from './brackets';
import { USER_TOP, hex } from '../sim/geometry';
import { columnAfter, type Token } from './tokens';
import { AUTO, isMappingName, isName } from './words';

export class Args {
  private index: number;

  constructor(
    private readonly tokens: readonly Token[],
    /** The command's usage line, repeated in errors. */
    readonly usage: string,
    start: number,
  ) {
    this.index = start;
  }

  /** The next token without consuming it. */
  peek(): Token | undefined {
    return this.tokens[this.index];
  }

  /** Consumes the next token; `what` names it when it is missing. */
  next(what: string): Token {
    const token = this.tokens[this.index];
    if (token === undefined) {
      const last = this.tokens[this.tokens.length - 1];
      throw new LineError(last === undefined ? 1 : columnAfter(last), `missing ${what} (usage: ${this.usage})`);
    }
    this.index++;
    return token;
  }

  /** Fails on anything left on the line. */
  end(): void {
    const token = this.tokens[this.index];
    if (token !== undefined) throw new LineError(token.column, `unexpected ${quoted(token.text)} (usage: ${this.usage})`);
  }

  size(what: string): number {
    return sizeOf(this.next(what));
  }

  /** One of a fixed set of words. */
  oneOf<T extends string>(what: string, words: readonly T[]): T {
    const token = this.next(what);
    const found = words.find((w) => w === token.text);
    if (found === undefined) {
      throw new LineError(token.column, `expected ${words.join(', ')} for ${what}, got ${quoted(token.text)}`);
    }
    return found;
  }
}

export function sizeOf(token: Token): number {
  const r = readSize(token.text);
  if (!r.ok) throw new LineError(token.column, r.message);
  return r.value;
}

/**
 * A naming argument with brackets expanded and paired with the line's `count`
 * tasks: one name (for every task) or exactly `count` names, one each.
 */
export function pairedNames(token: Token, count: number): string[] {
  const x = expandBrackets(token.text);
  if (!x.ok) throw new LineError(token.column, x.message);
  if (x.names.length !== 1 && x.names.length !== count) {
    throw new LineError(token.column, `${quoted(token.text)} gives ${x.names.length} names but the line has ${count} tasks; they pair up, so the counts must match`);
  }
  return x.names;
}

/** ADDR with a bracketed NAME paired as pairedNames does. */
export function pairedAddrs(token: Token, count: number): AddrExpr[] {
  const plus = token.text.indexOf('+');
  const head = plus < 0 ? token.text : token.text.slice(0, plus);
  if (/^[0-9]/.test(token.text) || !head.includes('[')) return [addrOf(token)];
  const tail = plus < 0 ? '' : token.text.slice(plus);
  return pairedNames({ text: head, column: token.column }, count).map((n) => addrOf({ text: n + tail, column: token.column }));
}

/** ADDR: a number (a canonical user address), a mapping NAME, or NAME+SIZE. */
export function addrOf(token: Token): AddrExpr {
  const text = token.text;
  if (/^[0-9]/.test(text)) {
    const r = readSize(text);
    if (!r.ok) throw new LineError(token.column, `bad address ${quoted(text)}: expected a number such as 0x7f0000000000, a mapping NAME or NAME+OFFSET`);
    if (r.value >= USER_TOP) throw new LineError(token.column, `address ${quoted(text)} is not a user address (user space is 0 to ${hex(USER_TOP - 1)})`);
    return { kind: 'abs', value: r.value };
  }
  const plus = text.indexOf('+');
  const name = plus < 0 ? text : text.slice(0, plus);
  if (text === AUTO) throw new LineError(token.column, `'auto' is only allowed as the address of mmap`);
  if (!isMappingName(name)) {
    throw new LineError(token.column, `bad address ${quoted(text)}: expected a number, a mapping NAME or NAME+OFFSET`);
  }
  if (plus < 0) return { kind: 'named', name, offset: 0 };
  const offsetText = text.slice(plus + 1);
  if (offsetText === '') throw new LineError(token.column, `missing offset after '+' in ${quoted(text)}`);
  const offset = sizeOf({ text: offsetText, column: token.column + plus + 1 });
  return { kind: 'named', name, offset };
}

/** A file word expanded: `f[1-3]` → f1 f2 f3. */
export function fileNames(token: Token): string[] {
  const expansion = expandBrackets(token.text);
  if (!expansion.ok || !expansion.names.every(isName)) {
    throw new LineError(token.column, `bad file name ${quoted(token.text)}: names are letters, digits, _ . - and start with a letter or _`);
  }
  return expansion.names;
}
