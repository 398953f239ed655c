import { describe, expect, it } from 'vitest';
import { parse } from './parser';

describe('invisible characters in a scenario', () => {
  it.each([
    ['\u00a0', 'a no-break space (U+00A0)'],
    ['\u200b', 'a zero-width space (U+200B)'],
    ['\ufeff', 'a byte order mark (U+FEFF)'],
  ])('names %j at its line and column', (ch, name) => {
    const r = parse(`file f 2M\nprocess a\na mmap${ch}0x7f0000000000 2M rw shared f`);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error).toEqual({ line: 3, column: 7, message: `${name} here: type an ordinary space, or delete it` });
  });

  it('leaves them alone in a comment', () => {
    expect(parse('file f 2M # a\u00a0note\u200b').ok).toBe(true);
  });

  it('ignores a byte order mark at the very start, as editors save it', () => {
    const r = parse('\ufefffile f 2M\nprocess a');
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.commands).toHaveLength(2);
  });
});
