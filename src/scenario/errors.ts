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
