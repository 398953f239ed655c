/**
 * Test helpers: an engine that counts the steps it runs (to prove replays
 * stay short) and scenario texts of any size.
 */
import { createEngine, type Engine } from '../sim/engine/engine';
import type { Snapshot } from '../protocol/messages';
import { Session } from './session';

export interface Counter {
  steps: number;
  clones: number;
}

/** Wraps the real engine; every copy counts into the same counter. */
export function countingEngine(counter: Counter, inner: Engine = createEngine()): Engine {
  return {
    ...inner,
    step(cmd) {
      counter.steps += 1;
      return inner.step(cmd);
    },
    processes: () => inner.processes(),
    hosts: () => inner.hosts(),
    memory: () => inner.memory(),
    translate: (task, va) => inner.translate(task, va),
    mmName: (mm) => inner.mmName(mm),
    invariants: () => inner.invariants(),
    view: (o) => inner.view(o),
    clone() {
      counter.clones += 1;
      return countingEngine(counter, inner.clone());
    },
  };
}

/** N processes sharing (or not) one file of `size`, each touching all of it. */
export function clientsScenario(n: number, size: string, sharedPt: boolean): string {
  const flags = sharedPt ? 'shared,shared_pt' : 'shared';
  return [
    'machine ram=512G',
    `file sga ${size}`,
    `process db[1-${n}]`,
    `db[1-${n}] mmap 0x7f0000000000 ${size} rw ${flags} sga`,
    `db[1-${n}] touch 0x7f0000000000 ${size} read`,
  ].join('\n');
}

/** Runs `text` to its end, then returns the main side's snapshot at each of `steps`, all for the window the whole run chose. */
export function snapshotsAt(text: string, steps: readonly (number | 'last')[]): Snapshot[] {
  const s = new Session();
  s.load({ text, step: 'last', mode: 'single', window: null });
  while (s.running) s.runFor(Infinity);
  return steps.map((step) => {
    s.goto(step === 'last' ? s.total : step);
    return s.snapshot();
  });
}
