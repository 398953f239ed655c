/**
 * Parse errors of the scenario language. A scenario is read line by line and
 * the first malformed line stops parsing, so one error is all there is.
 */

/** Where a scenario stopped making sense: 1-based line and column. */
export interface ParseError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** The one text form every reader (editor, CLI, lessons) shows: "line N, column C: message". */
export function formatParseError(error: ParseError): string {
  return `line ${error.line}, column ${error.column}: ${error.message}`;
}

/**
 * Thrown inside the parser to abandon the current line; `parse` catches only
 * this class and adds the line number, so a real bug still surfaces in tests.
 */
export class LineError extends Error {
  constructor(
    readonly column: number,
    message: string,
  ) {
    super(message);
    this.name = 'LineError';
  }
}

/** Longest token a message shows whole; a longer one is shown by its head and tail. */
export const MAX_SHOWN = 40;

/** Cuts `text` at `at` without splitting a surrogate pair, moving the cut by one if it would. */
function cut(text: string, at: number): number {
  const code = text.charCodeAt(at);
  return code >= 0xdc00 && code <= 0xdfff ? at - 1 : at;
}

/** The characters of `text` a message keeps (head…tail when long) and, when cut, how long it was. */
function shorten(text: string, show: (s: string) => string): { kept: string; length: string | null } {
  if (text.length <= MAX_SHOWN) return { kept: show(text), length: null };
  const head = cut(text, Math.ceil((MAX_SHOWN - 1) / 2));
  const tail = cut(text, text.length - Math.floor((MAX_SHOWN - 1) / 2));
  return { kept: `${show(text.slice(0, head))}…${show(text.slice(tail))}`, length: ` (${text.length.toLocaleString('en-US')} characters)` };
}

const asIs = (s: string): string => s;

/**
 * A token as a message shows it bare (`no task named db1`): whole up to MAX_SHOWN
 * characters, else its head and tail around '…' (MAX_SHOWN characters in all) and
 * its length, so a 50 MB token costs a line, not 50 MB: `aaaa…aaaa (52,428,800 characters)`.
 * `show` renders the kept characters (for example escaping control characters).
 */
export function excerpt(text: string, show: (s: string) => string = asIs): string {
  const { kept, length } = shorten(text, show);
  return kept + (length ?? '');
}

/**
 * A token as a message quotes it: `'4Q'`, or `'aaaa…aaaa' (52,428,800 characters)` when
 * long. Every token a parse error quotes goes through here or through excerpt.
 */
export function quoted(text: string, show: (s: string) => string = asIs): string {
  const { kept, length } = shorten(text, show);
  return `'${kept}'${length ?? ''}`;
}
