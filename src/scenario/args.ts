/**
 * Reading one line's arguments in order. Every read that fails throws a
 * LineError at the offending token (or just past the last one when an
 * argument is missing) and repeats the command's usage.
 */
import type { AddrExpr } from '../sim/commands';
import { LineError } from './errors';
import { readSize } from './numbers';
import { columnAfter, type Token } from './tokens';
import { AUTO, isMappingName } from './words';

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
    if (token !== undefined) throw new LineError(token.column, `unexpected '${token.text}' (usage: ${this.usage})`);
  }

  size(what: string): number {
    return sizeOf(this.next(what));
  }

  /** One of a fixed set of words. */
  oneOf<T extends string>(what: string, words: readonly T[]): T {
    const token = this.next(what);
    const found = words.find((w) => w === token.text);
    if (found === undefined) {
      throw new LineError(token.column, `expected ${words.join(', ')} for ${what}, got '${token.text}'`);
    }
    return found;
  }
}

export function sizeOf(token: Token): number {
  const r = readSize(token.text);
  if (!r.ok) throw new LineError(token.column, r.message);
  return r.value;
}

/** ADDR: a number, a mapping NAME, or NAME+SIZE. */
export function addrOf(token: Token): AddrExpr {
  const text = token.text;
  if (/^[0-9]/.test(text)) return { kind: 'abs', value: sizeOf(token) };
  const plus = text.indexOf('+');
  const name = plus < 0 ? text : text.slice(0, plus);
  if (text === AUTO) throw new LineError(token.column, `'auto' is only allowed as the address of mmap`);
  if (!isMappingName(name)) {
    throw new LineError(token.column, `bad address '${text}': expected a number, a mapping NAME or NAME+OFFSET`);
  }
  if (plus < 0) return { kind: 'named', name, offset: 0 };
  const offsetText = text.slice(plus + 1);
  if (offsetText === '') throw new LineError(token.column, `missing offset after '+' in '${text}'`);
  const offset = sizeOf({ text: offsetText, column: token.column + plus + 1 });
  return { kind: 'named', name, offset };
}
