import { describe, expect, it } from 'vitest';
import { parse } from '../scenario/index';
import { createEngine } from '../sim/engine/engine';
import { Run } from './run';
import { Session } from './session';
import { countingEngine } from './testEngine';

const TEXT = `file f 4M
process a
process b
a mmap 0x7f0000000000 4M rw shared,shared_pt f
b mmap 0x7f0000000000 4M rw shared,shared_pt f
a touch 0x7f0000000000 4M write
b touch 0x7f0000000000 4M read
a exit`;

function commands(text: string) {
  const parsed = parse(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.commands;
}

describe('a run', () => {
  it('runs commands into events, kinds and lines, one step at a time if asked', () => {
    let now = 0;
    const run = new Run(commands(TEXT), { makeEngine: createEngine, clock: () => (now += 10) });
    run.runFor(0);
    expect(run.ran).toBe(1);
    while (run.running) run.runFor(Infinity);
    expect(run.ran).toBe(8);
    expect([...run.lines]).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(run.eventsOf(0)).toEqual([]);
    expect(run.eventsOf(6).some((e) => e.k === 'link')).toBe(true);
    expect(run.broken).toEqual([]);
  });

  it('goes back to any step and gives the world a fresh run has there', () => {
    const run = new Run(commands(TEXT), { makeEngine: createEngine, clock: () => 0, checkpointEvery: 3 });
    while (run.running) run.runFor(Infinity);
    const figures = (e: ReturnType<Run['engineAt']>) => ({ processes: e.processes(), hosts: e.hosts(), memory: e.memory() });
    const late = figures(run.engineAt(8));
    const back = figures(run.engineAt(5));
    const fresh = new Run(commands(TEXT), { makeEngine: createEngine, clock: () => 0 });
    while (fresh.running) fresh.runFor(Infinity);
    expect(back).toEqual(figures(fresh.engineAt(5)));
    expect(back).not.toEqual(late);
    expect(figures(run.engineAt(8))).toEqual(late);
  });
});

describe('a session of runs', () => {
  it('names the side of every snapshot it draws', () => {
    const s = new Session();
    s.load({ text: TEXT, step: 'last', mode: 'single', window: null });
    while (s.running) s.runFor(Infinity);
    expect(s.snapshots().map((x) => [x.side, x.step])).toEqual([['main', 8]]);
  });
});

describe('the end of a run', () => {
  it('is drawn from the engine that ran it, with no replay, however often it is revisited', () => {
    const counter = { steps: 0, clones: 0 };
    const run = new Run(commands(TEXT), { makeEngine: () => countingEngine(counter), clock: () => 0, checkpointEvery: 3 });
    while (run.running) run.runFor(Infinity);
    const ranSteps = counter.steps;
    const end = run.engineAt(8);
    run.engineAt(2);
    const replayed = counter.steps;
    expect(run.engineAt(8)).toBe(end);
    expect(counter.steps).toBe(replayed);
    expect(ranSteps).toBe(8);
    expect(end.processes()).toEqual(run.engineAt(8).processes());
  });

  it('refuses a step not simulated yet in words', () => {
    const run = new Run(commands(TEXT), { makeEngine: createEngine, clock: () => 0 });
    expect(() => run.engineAt(5)).toThrow('step 5 has not been simulated yet');
  });
});

describe('a run that outgrows the budget', () => {
  it('stops after the step that crossed it, says so in words, and keeps every step before', () => {
    const run = new Run(commands(TEXT), { makeEngine: createEngine, clock: () => 0, budget: { objects: 6, events: 1000 } });
    while (run.running) run.runFor(Infinity);
    expect(run.stopped?.line).toBe(5);
    expect(run.stopped?.message).toMatch(/grew too large at line 5: it holds 7 page-table pages, runs of entries and mappings, over the limit of 6/);
    expect(run.total).toBe(5);
    expect(run.ran).toBe(5);
    expect(run.engineAt(5).processes().map((p) => p.name)).toEqual(['a', 'b']);
    expect(run.engineAt(1).processes()).toEqual([]);
  });

  it('stops when the steps\' trace outgrows the budget, though the world stays small', () => {
    const run = new Run(commands(TEXT), { makeEngine: createEngine, clock: () => 0, budget: { objects: 1000, events: 3 } });
    while (run.running) run.runFor(Infinity);
    expect(run.stopped?.message).toMatch(/^the trace grew too long at line \d+: the steps up to there recorded \d+ events, over the limit of 3/);
    expect(run.total).toBe(run.ran);
    expect(run.total).toBeLessThan(8);
    const recorded = Array.from({ length: run.total }, (_, i) => run.eventsOf(i + 1).length).reduce((a, b) => a + b, 0);
    expect(recorded).toBeGreaterThan(3);
    expect(recorded - run.eventsOf(run.total).length).toBeLessThanOrEqual(3);
  });

  it('is not stopped within the budget', () => {
    const run = new Run(commands(TEXT), { makeEngine: createEngine, clock: () => 0 });
    while (run.running) run.runFor(Infinity);
    expect(run.stopped).toBeNull();
    expect(run.total).toBe(8);
  });
});
