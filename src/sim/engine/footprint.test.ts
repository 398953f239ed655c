// The budget (sim/budget.ts) reads the engine's footprint after every step; it is kept
// incrementally (only the mms a step named are recounted), so it must equal a count from
// scratch (a copy of the engine counts every mm) after any step of any scenario.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb, windowScenarioArb } from '../../scenario/arbitraries';
import { print } from '../../scenario/printer';
import { parse } from '../../scenario/index';
import { createEngine } from './engine';
import type { Located } from '../commands';

const GiB = 2 ** 30;

/** After every step of `commands`, the footprint kept step by step equals a copy's count from scratch. */
function keptEqualsScratch(commands: Located[]): void {
  const engine = createEngine();
  commands.forEach((c, i) => {
    engine.step(c);
    expect(engine.footprint(), print(commands.slice(0, i + 1))).toBe(engine.clone().footprint());
  });
}

describe('the footprint of the world', () => {
  it('kept step by step equals a count from scratch', () => {
    fc.assert(fc.property(scenarioArb({ maxLen: 2 * GiB }), keptEqualsScratch), { numRuns: 150 });
  });

  it('kept step by step equals a count from scratch where PMD pages are kept as PUD runs', () => {
    fc.assert(fc.property(windowScenarioArb, keptEqualsScratch), { numRuns: 100 });
  });

  it('counts what is kept explicitly, not the page-table pages a uniform run stands for', () => {
    const parsed = parse('machine ram=1T\nfile f 64G\nprocess a\na mmap 0x7f0000000000 64G r shared f\na touch 0x7f0000000000 64G read');
    if (!parsed.ok) throw new Error(parsed.error.message);
    const engine = createEngine();
    for (const c of parsed.commands) engine.step(c);
    // 32,768 PTE pages, 64 PMD pages and a PUD page exist; the engine holds the mm, its VMA,
    // the PUD page, one run standing for the 64 uniform PMD pages, and the file.
    expect(engine.memory().pagetables_bytes / 4096).toBe(1 + 1 + 64 + 32768);
    expect(engine.footprint()).toBe(1 + 1 + 1 + 1 + 1);
    // Kept as PMD pages instead, each with one run of uniform PTE pages.
    const explicit = createEngine({ pudRuns: false });
    for (const c of parsed.commands) explicit.step(c);
    expect(explicit.footprint()).toBe(1 + 1 + 1 + 64 * 2 + 1);
  });
});
