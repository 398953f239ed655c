/**
 * The tokenizer: a scenario is lines of whitespace-separated words, `#` starts
 * a comment anywhere. Tokens keep their 1-based column so errors can point at them.
 */

export interface Token {
  readonly text: string;
  /** 1-based column of the token's first character. */
  readonly column: number;
}

/** Splits text into lines the way editors count them (\n, \r\n or a lone \r). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

const WORD = /[^ \t\f\v]+/g;

/** The words of one line, with the comment removed. */
export function tokenize(line: string): Token[] {
  const hash = line.indexOf('#');
  const code = hash < 0 ? line : line.slice(0, hash);
  const tokens: Token[] = [];
  for (const m of code.matchAll(WORD)) tokens.push({ text: m[0], column: m.index + 1 });
  return tokens;
}

/** The column just past a token: where a missing argument after it would start. */
export function columnAfter(token: Token): number {
  return token.column + token.text.length;
}
