import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Command, Located } from '../sim/commands';
import { locatedArb, scenarioArb } from './arbitraries';
import { parse } from './parser';
import { print, printCommand } from './printer';

const commandsOf = (located: readonly Located[]): Command[] => located.map((c) => c.command);

/** parse(print(x)) gives x back, line numbers aside. */
function roundTrips(x: readonly Located[]): void {
  const r = parse(print(x), { scope: false });
  if (!r.ok) throw new Error(`printed text does not parse: ${JSON.stringify(r.error)}\n${print(x)}`);
  expect(commandsOf(r.commands)).toEqual(commandsOf(x));
  expect(r.commands.map((c) => c.line)).toEqual(x.map((_, i) => i + 1));
}

describe('printCommand', () => {
  it('writes sizes readably and addresses as plain hex', () => {
    const scenario = [
      'machine ram=512G seed=7 pt_reclaim=on',
      'file sga 4M',
      'file h 1G hugetlb',
      'memfd anon 8M',
      'process db1',
      'thread db1 db1t',
      'fork db1 db1c',
      'db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga',
      'db2 mmap auto 4M rw shared,shared_pt sga as=buf',
      'db2 mmap auto 4097 rwx private,fixed - 2M as=b',
      'db2 mmap 0x0 4K none none sga',
      'db1 touch 0x7f0000000000 4M write',
      'db2 touch buf+4K read',
      'db2 touch buf read',
      'db1 mprotect 0x7f0000000000 4M r',
      'db1 madvise 0x7f0000000000 2M dontneed',
      'db1 munmap 0x7f0000000000 4M',
      'db1 exit',
    ];
    const r = parse(scenario.join('\n'), { scope: false });
    expect(r.ok && r.commands.map((c) => printCommand(c.command))).toEqual(scenario);
  });

  it('leaves default machine options out', () => {
    expect(printCommand({ op: 'machine', ram: 64 * 2 ** 30, seed: 1, ptReclaim: false })).toBe('machine');
    expect(printCommand({ op: 'machine', ram: 3 * 2 ** 20 + 1, seed: 0, ptReclaim: false })).toBe('machine ram=3145729 seed=0');
  });

  it('normalises what it reads: hex sizes, underscores, flag order', () => {
    const r = parse('a mmap 0x7f00_0000_0000 0x200000 wr shared_pt,shared f 0x1000', { scope: false });
    expect(r.ok && print(r.commands)).toBe('a mmap 0x7f0000000000 2M rw shared,shared_pt f 4K\n');
  });
});

describe('parse(print(x)) = x', () => {
  it('holds for arbitrary commands', () => {
    fc.assert(fc.property(locatedArb, roundTrips), { numRuns: 500 });
  });

  it('holds for plausible scenarios', () => {
    fc.assert(fc.property(scenarioArb({ maxLen: 2 ** 31 }), roundTrips), { numRuns: 200 });
  });
});
