// SPEC 1.8: the checker must find what is wrong, not only stay quiet on a sound world.
// Each case corrupts one thing in a world the engine built and requires the check from
// scratch, and the incremental check of a step naming that range, to report it.
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands';
import { createMachine } from './machine';
import { createProcess } from './lifecycle';
import { InvariantChecker, checkInvariants } from './invariants';
import { mmap } from './mmap';
import { touch } from './touch';
import { newObject, type Machine, type Task } from './state';
import { pmdOf, pudOf } from './walk';
import { PmdTable } from './tables';
import { indexAt } from '../geometry';
import { namedBy } from './named';
import { createEngine } from './engine';
import { parse } from '../../scenario';

const BASE = 0x7f00_0000_0000;
const MiB = 2 ** 20;

function world(touchLen: number, size = 8 * MiB): { m: Machine; task: Task } {
  const m = createMachine();
  createProcess(m, 'a');
  const task = m.tasks.get('a')!;
  m.objects.set('f', newObject('f', 'file', size));
  const c: Extract<Command, { op: 'mmap' }> = {
    op: 'mmap', task: 'a', addr: { kind: 'abs', value: BASE }, len: size, prot: { read: true, write: true, exec: false },
    flags: { shared: true, private: false, sharedPt: false, fixed: false }, file: 'f', offset: 0, as: null,
  };
  mmap(m, task, c, BASE);
  touch(m, task, BASE, BASE + touchLen, 'read');
  return { m, task };
}

/** A checker that has seen the world sound (later checks are incremental). */
function soundChecker(m: Machine): InvariantChecker {
  const checker = new InvariantChecker();
  expect(checker.check(m)).toEqual([]);
  return checker;
}

describe('the invariant check finds', () => {
  it('uniform PTE pages mapping the wrong file pages', () => {
    const { m, task } = world(4 * MiB);
    const checker = soundChecker(m);
    const run = pmdOf(task.mm, BASE)!.runs[0]!;
    expect(run.t).toBe('uniform');
    if (run.t === 'uniform') run.page0 += 1;
    expect(checkInvariants(m)).toContain('a: the leaves at 0x7f00_0000_0000 do not match their VMA');
    checker.touched([task.mm.id], namedBy([{ k: 'set', mm: task.mm.id, level: 'pte', va: BASE, len: 4096, bits: 0 }]));
    expect(checker.check(m)).toContain('a: the leaves at 0x7f00_0000_0000 do not match their VMA');
  });

  it('a PTE in a page-by-page table mapping an uncached page, when a step names its range', () => {
    const { m, task } = world(4096 * 3);
    const checker = soundChecker(m);
    const run = pmdOf(task.mm, BASE)!.runs[0]!;
    expect(run.t).toBe('table');
    if (run.t === 'table') run.table.runs[0]!.page0 = 1000;
    const bad = ['a: the PTEs at 0x7f00_0000_0000 do not match their VMA', 'a: the PTEs at 0x7f00_0000_0000 map uncached pages'];
    expect(checkInvariants(m)).toEqual(expect.arrayContaining(bad));
    // A step naming another PMD entry of the same page checks only that entry's runs.
    checker.touched([task.mm.id], namedBy([{ k: 'set', mm: task.mm.id, level: 'pte', va: BASE + 2 * MiB, len: 4096, bits: 0 }]));
    expect(checker.check(m)).toEqual([]);
    checker.touched([task.mm.id], namedBy([{ k: 'set', mm: task.mm.id, level: 'pte', va: BASE + 4096, len: 4096, bits: 0 }]));
    expect(checker.check(m)).toEqual(expect.arrayContaining(bad));
  });

  it('a charge that differs from the pages an mm owns, and a system figure that differs from the pages that exist', () => {
    const { m, task } = world(4 * MiB);
    task.mm.charged += 1;
    m.tablePages += 1;
    expect(checkInvariants(m)).toEqual(expect.arrayContaining([expect.stringMatching(/^a is charged \d+ table pages but \d+ are its own$/), expect.stringMatching(/^the system counts \d+ table pages but \d+ exist/)]));
  });

  it('a PMD page that does not list the mm pointing at it', () => {
    const { m, task } = world(4 * MiB);
    pmdOf(task.mm, BASE)!.removeUser(task.mm);
    expect(checkInvariants(m)).toContain('a points at a PMD page that does not list it as a user');
  });

  it('PUD runs mapping the wrong pages, standing where a PMD page is, or charged for pages that are not there', () => {
    const GiB = 2 ** 30;
    const { m, task } = world(3 * GiB, 3 * GiB);
    const checker = soundChecker(m);
    const pud = pudOf(task.mm, BASE)!;
    expect(pud.runs).toHaveLength(1);
    pud.runs[0]!.page0 += 1;
    expect(checkInvariants(m)).toContain('a: the uniform PMD pages at 0x7f00_0000_0000 do not match their VMA');
    checker.touched([task.mm.id], namedBy([{ k: 'set', mm: task.mm.id, level: 'pte', va: BASE + GiB, len: 4096, bits: 0 }]));
    expect(checker.check(m)).toContain('a: the uniform PMD pages at 0x7f00_0000_0000 do not match their VMA');
    pud.runs[0]!.page0 -= 1;
    pud.children.set(indexAt('pud', BASE + GiB), new PmdTable(task.mm, 'stray'));
    expect(checkInvariants(m)).toEqual(expect.arrayContaining(['a: the PUD entry at 0x7f00_4000_0000 is both a PMD page and a run', expect.stringMatching(/^a is charged \d+ table pages but \d+ are its own$/)]));
    pud.children.delete(indexAt('pud', BASE + GiB));
    pud.runs[0]!.hi -= 1;
    expect(checkInvariants(m)).toEqual(expect.arrayContaining([expect.stringMatching(/^a is charged \d+ table pages but \d+ are its own$/), expect.stringMatching(/^the system counts \d+ table pages but \d+ exist/)]));
  });

  it('nothing wrong in a MAP_SHARED_PT host of 131,000 PMD pages checked again whole, without running out of stack', () => {
    const text = ['machine ram=4096T', 'file f 0x7ffe00000000', 'process p[1-2]', 'p[1-2] mmap 0x100000000 0x7ffe00000000 r shared,shared_pt f', 'p[1-2] touch 0x100000000 0x7ffe00000000 read'].join('\n');
    const parsed = parse(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const engine = createEngine();
    for (const c of parsed.commands) {
      engine.step(c);
      // A host's summary is rebuilt whole each time: it hands over every PMD page it points at.
      expect(engine.invariants()).toEqual([]);
    }
  });
});
