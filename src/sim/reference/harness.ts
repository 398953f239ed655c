/**
 * Running command lists through a model for the tests, with the invariants of
 * SPEC 1.8 checked after every step, as the headless runner does.
 */
import type { Located } from '../commands';
import { normalizeEvents, type TraceEvent } from '../events';
import type { Model } from '../model';
import { createReference } from './reference';

export interface Run {
  readonly model: Model;
  /** Each step's events, in command order. */
  readonly steps: TraceEvent[][];
}

/**
 * Steps every command; throws at the first broken invariant, naming the line.
 * `checkEveryStep: false` checks only at the end (long per-page scenarios).
 */
export function run(cmds: readonly Located[], options: { model?: Model; checkEveryStep?: boolean } = {}): Run {
  const model = options.model ?? createReference();
  const every = options.checkEveryStep ?? true;
  const steps: TraceEvent[][] = [];
  const check = (line: number): void => {
    const broken = model.invariants();
    if (broken.length > 0) throw new Error(`invariants broken after line ${line}:\n${broken.join('\n')}`);
  };
  for (const c of cmds) {
    steps.push(model.step(c));
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
