// The engine checks SPEC 1.8 incrementally (only the mms a step touched); this drives
// hugetlb-sharing and MAP_SHARED_PT scenarios and requires both the incremental check and
// a check from scratch (on a copy of the engine) to find nothing after every step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { print } from '../../scenario/printer';
import { windowScenarioArb } from '../../scenario/arbitraries';
import type { Command, Located } from '../commands';
import { createEngine } from './engine';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const BASE = 0x4000_0000_0000;

const scenario: fc.Arbitrary<Located[]> = (() => {
  const task = fc.constantFrom('a', 'b', 'c');
  const file = fc.constantFrom('h', 'h', 'f');
  const at = fc.constantFrom(0, GiB, 2 * GiB, 2 * MiB, 3 * GiB);
  const len = fc.constantFrom(GiB, 2 * GiB, 2 * MiB, 4 * MiB);
  const addr = (o: number) => ({ kind: 'abs' as const, value: BASE + o });
  const step: fc.Arbitrary<Command> = fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('mmap' as const), task, addr: at.map(addr), len, prot: fc.constantFrom({ read: true, write: true, exec: false }, { read: true, write: false, exec: false }), flags: fc.record({ shared: fc.constant(true), private: fc.constant(false), sharedPt: fc.boolean(), fixed: fc.boolean() }), file, offset: fc.constantFrom(0, GiB), as: fc.constant(null) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('touch' as const), task, addr: at.map(addr), len: fc.option(len), access: fc.constantFrom('read' as const, 'write' as const) }) },
    fc.record({ op: fc.constant('mprotect' as const), task, addr: at.map(addr), len, prot: fc.constant({ read: true, write: false, exec: false }) }),
    fc.record({ op: fc.constant('madvise' as const), task, addr: at.map(addr), len, advice: fc.constant('dontneed' as const) }),
    fc.record({ op: fc.constant('munmap' as const), task, addr: at.map(addr), len }),
    fc.record({ op: fc.constant('exit' as const), task }),
    fc.record({ op: fc.constant('fork' as const), parent: task, child: fc.constantFrom('d', 'e') }),
  );
  const setup: Command[] = [
    { op: 'file', name: 'h', size: 4 * GiB, hugetlb: true },
    { op: 'file', name: 'f', size: 4 * GiB, hugetlb: false },
    { op: 'process', name: 'a' },
    { op: 'process', name: 'b' },
    { op: 'process', name: 'c' },
  ];
  return fc.array(step, { minLength: 3, maxLength: 25 }).map((steps) => [...setup, ...steps].map((command, i) => ({ line: i + 1, command })));
})();

/** Every step of `commands`: the incremental check and one from scratch (a copy's checker walks every table) find nothing. */
function soundAfterEveryStep(commands: Located[]): void {
  const engine = createEngine();
  commands.forEach((c, i) => {
    engine.step(c);
    const why = print(commands.slice(0, i + 1));
    expect(engine.invariants(), why).toEqual([]);
    expect(engine.clone().invariants(), why).toEqual([]);
  });
}

describe('incremental invariant checks', () => {
  it('agree with a check from scratch after every step', () => {
    fc.assert(fc.property(scenario, soundAfterEveryStep), { numRuns: 150 });
  });

  it('agree with a check from scratch where PMD pages are kept as PUD runs', () => {
    fc.assert(fc.property(windowScenarioArb, soundAfterEveryStep), { numRuns: 100 });
  });
});
