// Every built-in lesson, run headlessly through the engine: its content must
// resolve with no problem, and every prediction must be answerable.
import { describe, expect, it } from 'vitest';
import { checkAnswer } from './answers';
import { LESSONS, lessonById } from './index';
import { resolveLesson } from './resolve';
import type { ResolvedLesson } from './types';

const SPEC_ORDER = ['walk', 'threads', 'cost', 'sga-story', 'map-shared-pt', 'mprotect', 'teardown', 'hugetlb', 'abc', 'aslr', 'memfd', 'msharefs'];
const resolved = new Map<string, ResolvedLesson>();
const ready = LESSONS.filter((l) => l.status !== 'coming');

function get(id: string): ResolvedLesson {
  let r = resolved.get(id);
  if (r === undefined) {
    const lesson = lessonById(id);
    if (lesson === null) throw new Error(`no lesson ${id}`);
    r = resolveLesson(lesson);
    resolved.set(id, r);
  }
  return r;
}

describe('the lesson list', () => {
  it('holds the twelve lessons of SPEC 6 in order, every one ready', () => {
    expect(LESSONS.map((l) => l.id)).toEqual(SPEC_ORDER);
    expect(ready.map((l) => l.id)).toEqual(SPEC_ORDER);
    expect(lessonById('msharefs')?.title).toMatch(/msharefs/);
    expect(lessonById('nope')).toBeNull();
  });

  it('resolves a lesson listed as coming to nothing, without running it', () => {
    const walk = lessonById('walk');
    if (walk === null) throw new Error('no lesson walk');
    const r = resolveLesson({ ...walk, status: 'coming' });
    expect([r.steps, r.slides, r.problems]).toEqual([0, [], []]);
  });

  it('gives every lesson a title, a question and a length', () => {
    for (const l of LESSONS) {
      expect(l.title.length, l.id).toBeGreaterThan(0);
      expect(l.question.endsWith('?'), l.id).toBe(true);
      expect(l.minutes, l.id).toBeGreaterThan(0);
    }
  });
});

describe.each(ready.map((l) => l.id))('lesson %s', (id) => {
  it('resolves with no problem', { timeout: 60_000 }, () => {
    expect(get(id).problems).toEqual([]);
  });

  it('has 4 to 8 slides on steps within range, never going back', () => {
    const r = get(id);
    expect(r.slides.length).toBeGreaterThanOrEqual(4);
    expect(r.slides.length).toBeLessThanOrEqual(8);
    let last = 0;
    for (const s of r.slides) {
      expect(s.step).toBeGreaterThanOrEqual(last);
      expect(s.step).toBeLessThanOrEqual(r.steps);
      last = s.step;
    }
  });

  it('fills every template, so no brace is left in what the reader sees', () => {
    for (const s of get(id).slides) {
      const shown = [s.title, s.text, s.predict?.prompt ?? '', s.predict?.hint ?? '', s.predict?.why ?? ''].join(' ');
      expect(shown, s.title).not.toMatch(/[{}]/);
    }
  });

  it('asks at least one question, and each answer is a value checkAnswer accepts', () => {
    const questions = get(id).slides.flatMap((s) => (s.predict === undefined ? [] : [s.predict]));
    expect(questions.length).toBeGreaterThanOrEqual(1);
    for (const q of questions) {
      expect(['number', 'string']).toContain(typeof q.value);
      expect(checkAnswer(q, q.value, String(q.value)).ok, q.prompt).toBe(true);
      expect(checkAnswer(q, q.value, q.answerText.split(' (')[0] ?? '').ok, q.answerText).toBe(true);
      const wrong = q.kind === 'number' ? String(Number(q.value) + 4096) : q.options.find((o) => o !== q.value) ?? '';
      const verdict = checkAnswer(q, q.value, wrong);
      expect(verdict.ok).toBe(false);
      expect(verdict.message).toContain(q.hint);
    }
  });

  it('marks the open points of the proposal with one line', () => {
    for (const s of get(id).slides) if (s.open !== undefined) expect(s.open.split('\n')).toHaveLength(1);
  });
});
