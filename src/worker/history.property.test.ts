// Going back draws from the views the run kept (history.ts) instead of a copy of the engine:
// at every step, in any order, that view must equal the one a fresh engine gives at that step.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scenarioArb } from '../scenario/arbitraries';
import { print } from '../scenario/printer';
import { parse } from '../scenario/index';
import type { Located } from '../sim/commands';
import { createEngine } from '../sim/engine/engine';
import { AutoWindowTracker, DEFAULT_WINDOW } from './autoWindow';
import { Run } from './run';
import { Session } from './session';
import { viewOptions } from './snapshot';
import { clientsScenario, countingEngine } from './testEngine';

const GiB = 2 ** 30;

/** Runs `commands` to the end; checks the kept view of every step it covers against a fresh engine's. */
function agrees(commands: readonly Located[], order: readonly number[]): number {
  const run = new Run(commands, { makeEngine: createEngine, clock: () => 0 });
  while (run.running) run.runFor(Infinity);
  const tracker = new AutoWindowTracker();
  for (let s = 1; s <= run.total; s++) tracker.feed(run.eventsOf(s));
  const window = tracker.window ?? DEFAULT_WINDOW;
  const fresh = createEngine();
  const truth = [fresh.view(viewOptions(window))];
  for (const c of commands.slice(0, run.total)) {
    fresh.step(c);
    truth.push(fresh.view(viewOptions(window)));
  }
  let covered = 0;
  for (const s of order.map((k) => k % (run.total + 1))) {
    const kept = run.viewAt(s, window);
    if (kept === null) continue;
    covered += 1;
    expect(kept, `step ${s} of\n${print(commands)}`).toEqual(truth[s]);
  }
  return covered;
}

describe('the views a run keeps', () => {
  it('equal a fresh engine\'s view at every step they cover, visited in any order', () => {
    let covered = 0;
    let asked = 0;
    fc.assert(
      fc.property(scenarioArb({ maxLen: 2 * GiB }), fc.array(fc.nat(), { minLength: 5, maxLength: 40 }), (commands, order) => {
        covered += agrees(commands, order);
        asked += order.length;
      }),
      { numRuns: 300 },
    );
    // Most steps are covered (the rest come before the window settles): the property is not vacuous.
    expect(covered / asked).toBeGreaterThan(0.6);
  });

  it('cover every step of a world of many sharers once its window is known, going back and forth', () => {
    for (const sharedPt of [true, false]) {
      const parsed = parse(`${clientsScenario(40, '2G', sharedPt)}\ndb[1-40] mprotect 0x7f0000000000 1G r\ndb[1-20] exit`);
      if (!parsed.ok) throw new Error(parsed.error.message);
      const total = parsed.commands.length;
      const order = Array.from({ length: total + 1 }, (_, i) => total - i);
      // The mapping lies in the window shown before anything is mapped: every step is covered.
      expect(agrees(parsed.commands, order)).toBe(total + 1);
    }
  });

  it('equal a fresh engine\'s view at every step of every scenario file (msharefs and the kernel samples too)', () => {
    const texts = import.meta.glob<string>('../../scenarios/**/*.scn', { query: '?raw', import: 'default', eager: true });
    let files = 0;
    for (const text of Object.values(texts)) {
      const parsed = parse(text);
      if (!parsed.ok) continue;
      const total = parsed.commands.length;
      agrees(parsed.commands, Array.from({ length: total + 1 }, (_, i) => total - i));
      files += 1;
    }
    expect(files).toBeGreaterThan(50);
  });
});

describe('snapshots drawn from the kept views', () => {
  it('equal the snapshots drawn from the engine, step by step, going back', () => {
    const text = `${clientsScenario(12, '1G', true)}\ndb[1-12] mprotect 0x7f0000000000 2M r\ndb[1-6] exit`;
    const counter = { steps: 0, clones: 0 };
    const kept = new Session({ makeEngine: () => countingEngine(counter) });
    const replayed = new Session({ maxKeptViews: 0 });
    for (const s of [kept, replayed]) {
      s.load({ text, step: 'last', mode: 'single', window: null });
      while (s.running) s.runFor(Infinity);
    }
    const ran = { ...counter };
    for (let step = kept.total; step >= 0; step--) {
      kept.goto(step);
      replayed.goto(step);
      expect(kept.snapshot(), `step ${step}`).toEqual(replayed.snapshot());
    }
    // Going back cost no copy of the world and no replay.
    expect(counter).toEqual(ran);
  });
});
