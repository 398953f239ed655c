import { describe, expect, it } from 'vitest';
import type { FromWorker } from '../protocol/messages';
import { Session } from './session';
import { clientsScenario, countingEngine, type Counter } from './testEngine';

const LESSON = `file sga 4M
process db1
process db2
db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db2 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db1 touch 0x7f0000000000 2M write
db2 touch 0x7f0000000000 read
db1 mprotect 0x7f0000000000 2M r
db1 exit
db2 exit`;

function runAll(s: Session): FromWorker {
  let last = s.runFor(Infinity);
  while (s.running) last = s.runFor(Infinity);
  return last;
}

describe('a scenario session', () => {
  it('reports a parse error with its line and runs nothing', () => {
    const s = new Session();
    const out = s.load({ text: 'process a\na mmap nowhere', step: 'last', mode: 'single', window: null });
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({ type: 'loaded', steps: 0, error: { line: 2 } });
    expect(s.running).toBe(false);
  });

  it('runs every step and marks each with its kind and line', () => {
    const s = new Session();
    s.load({ text: LESSON, step: 'last', mode: 'single', window: null });
    const p = runAll(s);
    if (p.type !== 'progress') throw new Error('expected progress');
    expect(p.ran).toBe(10);
    expect([...p.lines]).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(s.snapshot().step).toBe(10);
  });

  it('shows a step with its command, events and text', () => {
    const s = new Session();
    s.load({ text: LESSON, step: 8, mode: 'single', window: null });
    runAll(s);
    const snap = s.snapshot();
    expect(snap.command).toBe('db1 mprotect 0x7f0000000000 2M r');
    expect(snap.line).toBe(8);
    expect(snap.trace.some((t) => t.startsWith('prot') && t.includes('seen by db1 db2'))).toBe(true);
    expect(snap.window).toEqual({ lo: 0x7f00_0000_0000, hi: 0x7f00_0040_0000 });
    expect(snap.autoWindow).toBe(true);
  });

  it('lists each host PTE page once, with every guest that links to it', () => {
    const s = new Session();
    s.load({ text: LESSON, step: 7, mode: 'single', window: null });
    runAll(s);
    const snap = s.snapshot();
    const host = snap.mms.find((m) => m.isHost);
    expect(host).toMatchObject({ name: 'host:sga', hostOf: 'sga' });
    const pte = snap.tables.filter((t) => t.level === 'pte');
    expect(pte).toHaveLength(1);
    expect(pte[0]?.referrers.map((id) => snap.names[id])).toEqual(['host:sga', 'db1', 'db2']);
    const db2 = snap.mms.find((m) => m.name === 'db2');
    expect(db2?.borrowed).toEqual([pte[0]?.id]);
  });

  it('gives the same snapshot going back as going forward (checkpoints are faithful)', () => {
    const forward = new Session();
    forward.load({ text: LESSON, step: 6, mode: 'single', window: null });
    runAll(forward);
    const back = new Session({ checkpointEvery: 4 });
    back.load({ text: LESSON, step: 'last', mode: 'single', window: null });
    runAll(back);
    back.snapshot();
    back.goto(6);
    expect(back.snapshot()).toEqual(forward.snapshot());
  });

  it('replays at most one checkpoint interval when going back', () => {
    const counter: Counter = { steps: 0, clones: 0 };
    const s = new Session({ makeEngine: () => countingEngine(counter), checkpointEvery: 4 });
    s.load({ text: LESSON, step: 'last', mode: 'single', window: null });
    runAll(s);
    s.snapshot();
    for (const step of [9, 2, 7, 0, 10, 5]) {
      counter.steps = 0;
      s.goto(step);
      expect(s.snapshot().step).toBe(step);
      expect(counter.steps).toBeLessThanOrEqual(4);
    }
  });

  it('shows the step reached so far while a long run goes on', () => {
    let now = 0;
    const s = new Session({ clock: () => (now += 1) });
    s.load({ text: clientsScenario(40, '2M', true), step: 'last', mode: 'single', window: null });
    s.runFor(5);
    expect(s.running).toBe(true);
    expect(s.snapshot().step).toBeLessThan(s.snapshot().total);
    runAll(s);
    expect(s.snapshot().step).toBe(s.snapshot().total);
  });

  it('answers for the window it is given, and returns to its own choice on null', () => {
    const s = new Session();
    s.load({ text: LESSON, step: 7, mode: 'single', window: { lo: 0x7f00_0020_0000, hi: 0x7f00_0040_0000 } });
    runAll(s);
    expect(s.snapshot().tables.filter((t) => t.level === 'pte')).toHaveLength(0);
    s.setWindow(null);
    expect(s.snapshot().autoWindow).toBe(true);
    expect(s.snapshot().tables.filter((t) => t.level === 'pte')).toHaveLength(1);
  });
});

describe('snapshots stay bounded', () => {
  it('folds 1500 sharing processes and stays under 200 KB', () => {
    const s = new Session({ clock: () => performance.now() });
    s.load({ text: clientsScenario(1500, '8M', true), step: 'last', mode: 'single', window: null });
    runAll(s);
    const snap = s.snapshot();
    const bytes = new TextEncoder().encode(JSON.stringify(snap)).length;
    expect(bytes).toBeLessThan(200_000);
    console.log(`1500-process snapshot: ${bytes} bytes`);
    const cards = snap.mms.filter((m) => !m.isHost);
    expect(cards).toHaveLength(1);
    expect(cards[0]).toMatchObject({ name: 'db1', count: 1500, lastName: 'db1500' });
    expect(snap.totals.processes).toBe(1500);
    const pte = snap.tables.find((t) => t.level === 'pte');
    expect(pte?.referrerCount).toBe(1501);
    expect(pte?.referrers.length).toBeLessThanOrEqual(32);
  }, 60_000);
});

describe('a session after trouble', () => {
  it('keeps the scenario on screen loaded when a new text does not parse', () => {
    const s = new Session();
    s.load({ text: LESSON, step: 4, mode: 'single', window: null });
    runAll(s);
    const out = s.load({ text: 'process a\na mmap nowhere', step: 0, mode: 'single', window: null });
    expect(out[0]).toMatchObject({ type: 'loaded', loadId: 1, error: { line: 2 } });
    expect(s.total).toBe(10);
    s.goto(6);
    expect(s.snapshot()).toMatchObject({ loadId: 1, step: 6 });
  });

  it('runs only the first `limit` commands when reopening up to a good step', () => {
    const s = new Session();
    const out = s.load({ text: LESSON, step: 3, mode: 'single', window: null, limit: 5 });
    expect(out[0]).toMatchObject({ type: 'loaded', steps: 5, error: null });
    const p = runAll(s);
    expect(p).toMatchObject({ type: 'progress', ran: 5, total: 5, stopped: null });
  });

  it('ends both sides of a comparison where one outgrew its half of the budget', () => {
    const s = new Session({ budget: { objects: 14, events: 1000 } });
    s.load({ text: LESSON, step: 'last', mode: 'compare', window: null });
    const p = runAll(s);
    if (p.type !== 'progress') throw new Error('expected progress');
    expect(p.stopped).toMatch(/over the limit of 7/);
    expect(p.total).toBe(p.ran);
    expect(p.total).toBeLessThan(10);
    expect(s.snapshots().map((x) => [x.side, x.step, x.total])).toEqual([
      ['main', p.total, p.total],
      ['other', p.total, p.total],
    ]);
  });
});
