// A parse error quotes at most MAX_SHOWN characters of a token: a 50 MB token in a scenario
// is shown as its head and tail with its length, never echoed whole.
import { describe, expect, it } from 'vitest';
import { excerpt, formatParseError, MAX_SHOWN, quoted } from './errors';
import { parse } from './parser';

const HUGE = 50 * 2 ** 20;
const aaaa = 'a'.repeat(HUGE);
const head = (c: string) => c.repeat(20);
const tail = (c: string) => c.repeat(19);

function error(text: string): string {
  const r = parse(text);
  if (r.ok) throw new Error('parsed unexpectedly');
  return formatParseError(r.error);
}

describe('quoted and excerpt', () => {
  it('quote a token of up to MAX_SHOWN characters whole', () => {
    expect(MAX_SHOWN).toBe(40);
    expect(quoted('4Q')).toBe("'4Q'");
    expect(quoted('')).toBe("''");
    expect(quoted('x'.repeat(40))).toBe(`'${'x'.repeat(40)}'`);
    expect(excerpt('db1')).toBe('db1');
  });

  it('keep the head and tail of a longer one, MAX_SHOWN characters in all, and say how long it was', () => {
    expect(quoted('x'.repeat(41))).toBe(`'${head('x')}…${tail('x')}' (41 characters)`);
    expect(quoted(aaaa)).toBe(`'${head('a')}…${tail('a')}' (52,428,800 characters)`);
    expect(excerpt(aaaa)).toBe(`${head('a')}…${tail('a')} (52,428,800 characters)`);
    const cut = quoted(aaaa).split("'")[1] as string;
    expect(cut).toHaveLength(MAX_SHOWN);
  });

  it('never split a surrogate pair', () => {
    const q = quoted('😀'.repeat(30));
    expect(q).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
    expect(q).toMatch(/ \(60 characters\)$/);
  });

  it('render the kept characters with `show`', () => {
    expect(quoted('\u0000'.repeat(50), (s) => s.replaceAll('\u0000', '\\0'))).toBe(`'${'\\0'.repeat(20)}…${'\\0'.repeat(19)}' (50 characters)`);
  });
});

describe('a huge token in a parse error is shown as an excerpt', () => {
  const shownA = `'${head('a')}…${tail('a')}' (52,428,800 characters)`;
  const cases: [string, string, string][] = [
    ['verb', `process db1\ndb1 ${aaaa} 0x1000`, `line 2, column 5: unknown verb ${shownA} after task 'db1': expected one of`],
    ['task before a missing verb', `${aaaa}`, `line 1, column ${HUGE + 1}: missing verb after task ${shownA}: expected one of`],
    ['task name', `process 9${aaaa}`, `line 1, column 9: bad task name '9${head('a').slice(1)}…${tail('a')}' (52,428,801 characters): names are`],
    ['not a command', `\u0001${aaaa}`, `line 1, column 1: '\\u0001${head('a').slice(1)}…${tail('a')}' (52,428,801 characters) is not a command`],
    ['undefined task', `${aaaa} exit`, `line 1, column 1: no task named ${excerpt(aaaa)}: declare it first with process ${excerpt(aaaa)} (or thread, fork)`],
    ['file name', `file =${aaaa} 4M`, `line 1, column 6: bad file name '=${head('a').slice(1)}…${tail('a')}' (52,428,801 characters): names are`],
    ['size', `file f 4${aaaa}`, `line 1, column 8: bad size '4${head('a').slice(1)}…${tail('a')}' (52,428,801 characters): expected bytes such as 4096, 0x1000 or 4M`],
    ['size too large', `file f ${'9'.repeat(HUGE)}`, `line 1, column 8: size '${head('9')}…${tail('9')}' (52,428,800 characters) is too large (at most 2^53 - 1 bytes)`],
    ['address', `process p\np touch 0x${'g'.repeat(HUGE)} read`, `line 2, column 9: bad address '0x${head('g').slice(2)}…${tail('g')}' (52,428,802 characters): expected a number such as`],
    ['mapping name', `file f 4M\nprocess p\np touch ${aaaa} read`, `line 3, column 9: no mapping named ${excerpt(aaaa)} for p: name one first with p mmap ... as=${excerpt(aaaa)}`],
    ['prot', `process p\np mprotect 0x1000 4K ${'r'.repeat(HUGE)}`, `line 2, column 22: bad protection '${head('r')}…${tail('r')}' (52,428,800 characters): expected r, w, x`],
    ['flags', `file f 4M\nprocess p\np mmap auto 4M rw shared,${aaaa} f`, `line 3, column 26: unknown flag ${shownA}: expected a comma list`],
    ['access', `process p\np touch 0x1000 4K ${aaaa}`, `line 2, column 19: expected read, write for the access, got ${shownA}`],
    ['trailing junk', `process p ${aaaa}`, `line 1, column 11: unexpected ${shownA} (usage: process NAME)`],
    ['brackets', `process db[${aaaa}]`, `line 1, column 9: bad bracket item ${shownA} in 'db[${head('a').slice(3)}…${tail('a').slice(1)}]' (52,428,804 characters): expected N or N-M`],
    ['machine option', `machine ${aaaa}=1`, `line 1, column 9: unknown machine option '${head('a')}…${tail('a').slice(2)}=1' (52,428,802 characters)`],
    ['machine value', `machine fidelity=${aaaa}`, `line 1, column 18: fidelity must be described or as_posted, got ${shownA}`],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      const message = error(text);
      expect(message.slice(0, expected.length)).toBe(expected);
      expect(message.length).toBeLessThan(400);
    });
  }
});
