// SPEC 2 / 4: the engine returns each step's events in causal order, the order the UI
// animates and the text trace prints; canonical sorting (normalizeEvents) is only how
// the tests compare the engine with the reference model.
import { describe, expect, it } from 'vitest';
import { normalizeEvents, type TraceEvent } from '../events';
import { createReference } from '../reference/reference';
import { M, script } from '../reference/script';
import { createEngine } from './engine';

const BASE = 0x7f00_0000_0000;

function lastSteps(build: ReturnType<typeof script>): { engine: TraceEvent[]; reference: TraceEvent[] } {
  const cmds = build.build();
  const e = createEngine();
  const r = createReference();
  let engine: TraceEvent[] = [];
  let reference: TraceEvent[] = [];
  for (const c of cmds) {
    engine = e.step(c);
    reference = r.step(c);
  }
  return { engine, reference };
}

const kinds = (events: readonly TraceEvent[]): string[] => events.map((e) => (e.k === 'fault' ? `fault:${e.kind}` : e.k === 'alloc' ? `alloc:${e.mm}:${e.level}` : e.k));

const shared = () => script().file('f', 4 * M).process('a', 'b').mmap('a', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f');

describe('causal trace order', () => {
  it('rule: a plain fault reads walk, fault, the tables top-down, fill, set', () => {
    const { engine } = lastSteps(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', 'f').touch('a', BASE, null));
    expect(kinds(engine)).toEqual(['walk', 'fault:normal', 'alloc:1:pud', 'alloc:1:pmd', 'alloc:1:pte', 'fill', 'set']);
  });

  it('rule: a sharer touching a fresh chunk shows the host fault (and its work), then the link fault', () => {
    const { engine } = lastSteps(shared().touch('a', BASE, null));
    expect(kinds(engine)).toEqual(['walk', 'fault:host', 'alloc:1:pud', 'alloc:1:pmd', 'alloc:3:pud', 'alloc:3:pmd', 'alloc:3:pte', 'fill', 'set', 'fault:link', 'link']);
  });

  it('rule: a sharer touching a chunk another populated shows its link fault, then nothing more (the hit)', () => {
    const { engine } = lastSteps(shared().touch('a', BASE, null).touch('b', BASE, null));
    expect(kinds(engine)).toEqual(['walk', 'fault:link', 'alloc:2:pud', 'alloc:2:pmd', 'link']);
  });

  it('rule: canonical form is a normalisation: the two models agree once both are normalised', () => {
    const { engine, reference } = lastSteps(shared().touch('a', BASE, 4 * M, 'write'));
    expect(normalizeEvents(engine)).toEqual(normalizeEvents(reference));
    expect(engine).not.toEqual(normalizeEvents(engine));
  });
});
