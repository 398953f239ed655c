import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from './arbitraries';
import { parse } from './parser';
import { print } from './printer';

/** Whatever the input, parse answers: commands, or an error at a real position. */
function answers(text: string): void {
  const r = parse(text);
  if (r.ok) {
    for (const c of r.commands) expect(c.line).toBeGreaterThanOrEqual(1);
    return;
  }
  expect(Number.isInteger(r.error.line) && r.error.line >= 1).toBe(true);
  expect(Number.isInteger(r.error.column) && r.error.column >= 1).toBe(true);
  expect(r.error.line).toBeLessThanOrEqual(text.split(/\r\n|\r|\n/).length);
  expect(r.error.message.length).toBeGreaterThan(0);
}

const VOCABULARY = [
  'machine', 'file', 'memfd', 'process', 'thread', 'fork', 'mmap', 'touch', 'mprotect', 'madvise',
  'munmap', 'exit', 'auto', 'read', 'write', 'rw', 'none', 'shared', 'private', 'shared_pt', 'fixed',
  'hugetlb', 'dontneed', 'as=', 'ram=', 'seed=', 'pt_reclaim=', '4M', '0x', '[', ']', '-', ',', '+',
  '#', ' ', '\t', '\n', '\r', 'db', '1', '9', 'x', '=',
];

/** A valid scenario and an edit to it. */
const mutation = fc.tuple(
  scenarioArb().map(print),
  fc.array(
    fc.oneof(
      fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), count: fc.integer({ min: 1, max: 8 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.string({ unit: 'binary', maxLength: 4 }), fc.constantFrom(...VOCABULARY)) }),
      fc.record({ kind: fc.constant('replace' as const), at: fc.nat(), text: fc.string({ unit: 'binary-ascii', minLength: 1, maxLength: 2 }) }),
      fc.record({ kind: fc.constant('splice' as const), from: fc.nat(), to: fc.nat() }),
    ),
    { minLength: 1, maxLength: 5 },
  ),
);

type Edit = typeof mutation extends fc.Arbitrary<[string, (infer E)[]]> ? E : never;

function apply(text: string, edit: Edit): string {
  switch (edit.kind) {
    case 'delete': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + text.slice(at + edit.count);
    }
    case 'insert': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at);
    }
    case 'replace': {
      const at = edit.at % (text.length + 1);
      return text.slice(0, at) + edit.text + text.slice(at + edit.text.length);
    }
    case 'splice': {
      // Moves one line elsewhere: commands out of order (machine late, tasks used early).
      const lines = text.split('\n');
      const [line] = lines.splice(edit.from % lines.length, 1);
      lines.splice(edit.to % (lines.length + 1), 0, line ?? '');
      return lines.join('\n');
    }
  }
}

describe('parse never throws', () => {
  it('on random strings', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 200 }), answers), { numRuns: 1000 });
  });

  it('on random ASCII with control characters', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary-ascii', maxLength: 200 }), answers), { numRuns: 1000 });
  });

  it('on random words of the language', () => {
    const words = fc.array(fc.constantFrom(...VOCABULARY), { maxLength: 40 }).map((w) => w.join(''));
    fc.assert(fc.property(words, answers), { numRuns: 1000 });
  });

  it('on random bytes decoded as UTF-8 and as Latin-1', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        answers(new TextDecoder('utf-8').decode(bytes));
        answers(new TextDecoder('latin1').decode(bytes));
      }),
      { numRuns: 1000 },
    );
  });

  it('on mutations of valid scenarios', () => {
    fc.assert(
      fc.property(mutation, ([text, edits]) => answers(edits.reduce(apply, text))),
      { numRuns: 1000 },
    );
  });
});
