/**
 * Characters that look like a space or like nothing at all, pasted from web pages and
 * word processors. In a scenario they would hide inside a word ("db1" and "db1" with a
 * zero-width space are different names), so the parser names them instead.
 */
const INVISIBLE: Readonly<Record<string, string>> = {
  '\u00a0': 'a no-break space (U+00A0)',
  '\u2007': 'a figure space (U+2007)',
  '\u202f': 'a narrow no-break space (U+202F)',
  '\u200b': 'a zero-width space (U+200B)',
  '\u200c': 'a zero-width non-joiner (U+200C)',
  '\u200d': 'a zero-width joiner (U+200D)',
  '\u2060': 'a word joiner (U+2060)',
  '\ufeff': 'a byte order mark (U+FEFF)',
  '\u00ad': 'a soft hyphen (U+00AD)',
};
// An alternation, not a class: a class would join the zero-width joiner with its neighbours.
const PATTERN = new RegExp(Object.keys(INVISIBLE).join('|'));

/** The first invisible character in the code part of a line: its 1-based column and its name. */
export function findInvisible(code: string): { column: number; name: string } | null {
  const m = PATTERN.exec(code);
  return m === null ? null : { column: m.index + 1, name: INVISIBLE[m[0]] as string };
}

/** A byte order mark at the very start of a text is how some editors save files: drop it. */
export function withoutLeadingBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
