/**
 * Running command lists through a model for the tests, with the invariants of
 * SPEC 1.8 checked after every step, as the headless runner does.
 */
import type { Located } from '../commands';
import { normalizeEvents, type TraceEvent } from '../events';
import type { Model } from '../model';
import { createEngine } from '../engine/engine';
import { crossCheck } from './crosscheck';
import { createReference } from './reference';

export interface Run {
  readonly model: Model;
  /** Each step's events, in command order. */
  readonly steps: TraceEvent[][];
}

/**
 * Steps every command; throws at the first broken invariant, naming the line.
 * `checkEveryStep: false` checks only at the end (long per-page scenarios).
 * Unless a model is given, the same commands also run through the fast engine,
 * which must agree step by step (crossCheck): so every named rule test holds
 * for both models, and its figures are the engine's figures too.
 */
export function run(cmds: readonly Located[], options: { model?: Model; checkEveryStep?: boolean } = {}): Run {
  if (options.model === undefined) {
    const both = crossCheck(cmds, createReference, createEngine, { probes: probesOf(cmds), everyStep: options.checkEveryStep ?? true });
    return { model: both.ref, steps: both.steps };
  }
  const model = options.model;
  const every = options.checkEveryStep ?? true;
  const steps: TraceEvent[][] = [];
  const check = (line: number): void => {
    const broken = model.invariants();
    if (broken.length > 0) throw new Error(`invariants broken after line ${line}:\n${broken.join('\n')}`);
  };
  for (const c of cmds) {
    steps.push(normalizeEvents(model.step(c)));
    if (every) check(c.line);
  }
  if (!every) check(cmds[cmds.length - 1]?.line ?? 0);
  return { model, steps };
}

/** Expected events written in reading order, put in the canonical order the models return. */
export function canon(events: TraceEvent[]): TraceEvent[] {
  return normalizeEvents(events);
}

/** The events of a kind in one step, typed. */
export function ofKind<K extends TraceEvent['k']>(events: readonly TraceEvent[], k: K): Extract<TraceEvent, { k: K }>[] {
  return events.filter((e): e is Extract<TraceEvent, { k: K }> => e.k === k);
}

/** The last step's events. */
export function last(r: Run): TraceEvent[] {
  return r.steps[r.steps.length - 1] ?? [];
}

/** pgtables_bytes of a task by name. */
export function pgtables(r: Run, task: string): number {
  const p = r.model.processes().find((x) => x.name === task);
  if (p === undefined) throw new Error(`no task ${task}`);
  return p.pgtables_bytes;
}

/** Addresses the cross-check translates at: every address the commands name, and neighbours. */
function probesOf(cmds: readonly Located[]): number[] {
  const out = new Set<number>();
  for (const { command: c } of cmds) {
    if (!('addr' in c) || c.addr === null || c.addr.kind !== 'abs') continue;
    const a = c.addr.value - (c.addr.value % 4096);
    for (const o of [0, 4096, 2 * 1024 * 1024]) out.add(a + o);
  }
  return [...out];
}
