import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION as v, type FromWorker } from '../protocol/messages';
import { createController } from './controller';
import { Session } from './session';
import { clientsScenario } from './testEngine';

describe('compare mode: two runs on one timeline', () => {
  it('runs the scenario as written and its baseline side by side, each snapshot naming its side', () => {
    const s = new Session();
    s.load({ text: clientsScenario(8, '64M', true), step: 'last', mode: 'compare', vs: 'baseline', window: null });
    while (s.running) s.runFor(Infinity);
    const [withSharing, without] = s.snapshots();
    expect([withSharing?.side, without?.side]).toEqual(['main', 'other']);
    expect([withSharing?.label, without?.label]).toEqual(['with MAP_SHARED_PT', 'without sharing']);
    expect(withSharing?.step).toBe(without?.step);
    expect(withSharing?.window).toEqual(without?.window);
    // SPEC 3's example: eight sharers of a touched 64 MiB region.
    expect(withSharing?.memory.pagetablesBytes).toBe(241_664);
    expect(without?.memory.pagetablesBytes).toBeGreaterThan(8 * 32 * 4096);
  });

  it('compares with hugetlb PMD sharing when asked', () => {
    const s = new Session();
    s.load({ text: clientsScenario(4, '2G', true), step: 'last', mode: 'compare', vs: 'hugetlb', window: null });
    while (s.running) s.runFor(Infinity);
    const other = s.snapshots()[1];
    expect(other?.label).toBe('hugetlb PMD sharing');
    expect(other?.files.find((f) => f.name === 'sga')?.kind).toBe('hugetlb');
  });
});

describe('the scale explorer in the worker', () => {
  function harness() {
    const posted: FromWorker[] = [];
    const queue: (() => void)[] = [];
    let now = 0;
    const controller = createController({ post: (m) => posted.push(m), schedule: (t) => queue.push(t), clock: () => (now += 1) });
    const drain = (): void => {
      while (queue.length > 0) queue.shift()?.();
    };
    return { posted, controller, drain, queue };
  }

  it('streams the points of all three curves, then says it is done', () => {
    const h = harness();
    h.controller.handle({ v, type: 'scale', scaleId: 7, input: { procs: 5, sizeBytes: 64 * 2 ** 20, ramBytes: 2 ** 36 } });
    h.drain();
    const points = h.posted.filter((m) => m.type === 'scalePoints');
    expect(new Set(points.map((p) => (p.type === 'scalePoints' ? p.model : '')))).toEqual(new Set(['none', 'shared_pt', 'hugetlb']));
    const done = h.posted[h.posted.length - 1];
    expect(done?.type).toBe('scaleDone');
  });

  it('refuses sliders out of range in words, and a new request drops the old one', () => {
    const h = harness();
    h.controller.handle({ v, type: 'scale', scaleId: 1, input: { procs: 9000, sizeBytes: 3 * 2 ** 20, ramBytes: 2 ** 36 } });
    expect(h.posted[0]).toMatchObject({ type: 'scaleRejected', scaleId: 1 });
    h.controller.handle({ v, type: 'scale', scaleId: 2, input: { procs: 400, sizeBytes: 2 ** 30, ramBytes: 2 ** 40 } });
    h.queue.shift()?.();
    h.controller.handle({ v, type: 'scale', scaleId: 3, input: { procs: 2, sizeBytes: 2 ** 21, ramBytes: 2 ** 36 } });
    h.drain();
    const after = h.posted.slice(h.posted.findIndex((m) => m.type === 'scalePoints' && m.scaleId === 3));
    expect(after.every((m) => !('scaleId' in m) || m.scaleId === 3)).toBe(true);
    expect(h.posted.some((m) => m.type === 'scaleDone' && m.scaleId === 2)).toBe(false);
  });
});
