import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION as v, type Snapshot } from '../protocol/messages';
import { storeWithFakeBridge } from './testStore';
import { createSimStore } from './simStore';

const setup = (text = 'process a', step: number | 'last' = 0) => storeWithFakeBridge({ text, step });

const snapshot = (loadId: number, step: number, total: number): Snapshot => ({ loadId, side: 'main', step, total }) as Snapshot;

describe('the simulation store', () => {
  it('loads its text at once, asking for the step it was given', () => {
    const { sent, store } = setup('process a', 'last');
    expect(sent).toEqual([{ type: 'load', text: 'process a', step: 'last', mode: 'single', vs: 'baseline', window: null }]);
    expect(store.getState().status).toBe('running');
  });

  it('takes the step count from loaded and the step from a link, clamped', () => {
    const { store, h } = setup('x', 40);
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 12, error: null });
    expect(store.getState()).toMatchObject({ total: 12, step: 12, loadId: 1 });
  });

  it('keeps the scenario on screen when a run fails to parse', () => {
    const { store, h } = setup();
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 3, error: null });
    h().onSnapshot(snapshot(1, 0, 3));
    store.getState().setText('garbage here');
    store.getState().run();
    h().onLoaded({ v, type: 'loaded', loadId: 2, steps: 0, error: { line: 1, column: 1, message: 'bad' } });
    expect(store.getState()).toMatchObject({ status: 'parse-error', loadId: 1, total: 3, text: 'garbage here', loadedText: 'process a' });
    expect(store.getState().snapshot?.step).toBe(0);
  });

  it('clamps goto and stepBy to the scenario, sending only real moves', () => {
    const { store, sent, h } = setup();
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 5, error: null });
    sent.length = 0;
    store.getState().goto(9);
    store.getState().stepBy(-2);
    store.getState().goto(-4);
    expect(sent).toEqual([
      { type: 'goto', step: 5 },
      { type: 'goto', step: 3 },
      { type: 'goto', step: 0 },
    ]);
  });

  it("marks the moment a run finishes ('run finished', for the profiler and bench:ui), once", () => {
    const { h } = setup();
    const marks = (): number => performance.getEntriesByName('run finished').length;
    const before = marks();
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 4, error: null });
    const progress = (ran: number) => h().onProgress({ v, type: 'progress', loadId: 1, ran, total: 4, stopped: null, kinds: new Uint8Array(ran), lines: new Uint32Array(ran) });
    progress(2);
    expect(marks()).toBe(before);
    progress(4);
    progress(4);
    expect(marks()).toBe(before + 1);
  });

  it('ignores snapshots and progress of an older load', () => {
    const { store, h } = setup();
    h().onLoaded({ v, type: 'loaded', loadId: 2, steps: 5, error: null });
    h().onSnapshot(snapshot(1, 4, 9));
    h().onProgress({ v, type: 'progress', loadId: 1, ran: 9, total: 9, stopped: null, kinds: new Uint8Array(9), lines: new Uint32Array(9) });
    expect(store.getState().snapshot).toBeNull();
    expect(store.getState().ran).toBe(0);
  });

  it('plays from the start when at the end, and pauses on failure', () => {
    const { store, h } = setup();
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 2, error: null });
    store.getState().goto(2);
    store.getState().togglePlay();
    expect(store.getState()).toMatchObject({ playing: true, step: 0 });
    h().onFailure('worker died');
    expect(store.getState()).toMatchObject({ playing: false, status: 'failed', failure: 'worker died' });
  });

  it('starts a fresh worker after dispose, resuming the step on screen', () => {
    const { store, sent, h } = setup();
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 5, error: null });
    store.getState().goto(3);
    store.getState().dispose();
    sent.length = 0;
    store.getState().start();
    expect(sent).toEqual([{ type: 'load', text: 'process a', step: 3, mode: 'single', vs: 'baseline', window: null }]);
  });

  it('sends a new window, and null to let the worker choose again', () => {
    const { store, sent } = setup();
    store.getState().setWindow({ lo: 0, hi: 4096 });
    store.getState().setWindow(null);
    expect(sent.slice(1)).toEqual([
      { type: 'window', window: { lo: 0, hi: 4096 } },
      { type: 'window', window: null },
    ]);
  });
});

describe('the views of the store', () => {
  it('reloads with the other side when compare opens, at the same step, and keeps that side beside the main one', () => {
    const sent: unknown[] = [];
    let h: import('../bridge/bridge').BridgeHandlers | null = null;
    const store = createSimStore({ text: 'process a', bridge: (handlers) => ((h = handlers), { send: (c) => void sent.push(c), terminate: () => undefined }) });
    store.getState().start();
    h!.onLoaded({ v, type: 'loaded', loadId: 1, steps: 3, error: null });
    store.getState().goto(2);
    sent.length = 0;
    store.getState().setMode('compare');
    expect(sent).toEqual([{ type: 'load', text: 'process a', step: 2, mode: 'compare', vs: 'baseline', window: null }]);
    h!.onLoaded({ v, type: 'loaded', loadId: 2, steps: 3, error: null });
    h!.onSnapshot({ loadId: 2, side: 'other', step: 2, total: 3 } as Snapshot);
    h!.onSnapshot({ loadId: 2, side: 'main', step: 2, total: 3 } as Snapshot);
    expect(store.getState().other?.side).toBe('other');
    expect(store.getState().snapshot?.side).toBe('main');
    sent.length = 0;
    store.getState().setVs('hugetlb');
    expect(sent).toMatchObject([{ type: 'load', mode: 'compare', vs: 'hugetlb' }]);
  });

  it('starts the scale explorer when it is shown, and a slider move cancels the running request', () => {
    const sent: { type: string; scaleId?: number }[] = [];
    const store = createSimStore({ text: 'process a', bridge: () => ({ send: (c) => void sent.push(c as { type: string }), terminate: () => undefined }) });
    store.getState().start();
    store.getState().setMode('scale');
    expect(sent.filter((c) => c.type === 'scale').map((c) => c.scaleId)).toEqual([1]);
    store.getState().setScale({ procs: 10, sizeBytes: 2 ** 21, ramBytes: 2 ** 30 });
    expect(sent.slice(-2).map((c) => [c.type, c.scaleId])).toEqual([
      ['scaleCancel', 1],
      ['scale', 2],
    ]);
  });
});

describe('a lesson slide with another view', () => {
  it('reloads straight at the slide step when its view needs compare, and comes back to one side after', () => {
    const sent: { type: string; step?: unknown; mode?: string; vs?: string }[] = [];
    let h: import('../bridge/bridge').BridgeHandlers | null = null;
    const store = createSimStore({ text: 'process a', bridge: (handlers) => ((h = handlers), { send: (c) => void sent.push(c as never), terminate: () => undefined }) });
    store.getState().start();
    store.getState().openLesson('hugetlb', 0);
    const lesson = {
      lesson: { id: 'hugetlb', title: 't', question: 'q', minutes: 1, scenario: 'process a\nprocess b\nprocess c', slides: [] },
      steps: 3,
      slides: [
        { title: 'one', text: '', step: 1 },
        { title: 'two', text: '', step: 3, view: { mode: 'compare', vs: 'hugetlb' } },
      ],
      problems: [],
    };
    h!.onLesson?.({ v, type: 'lessonResolved', id: 'hugetlb', lesson: lesson as never, problem: null });
    h!.onLoaded({ v, type: 'loaded', loadId: 2, steps: 3, error: null });
    sent.length = 0;
    store.getState().setSlide(1);
    expect(sent).toEqual([{ type: 'load', text: 'process a\nprocess b\nprocess c', step: 3, mode: 'compare', vs: 'hugetlb', window: null }]);
    h!.onLoaded({ v, type: 'loaded', loadId: 3, steps: 3, error: null });
    expect(store.getState()).toMatchObject({ mode: 'compare', vs: 'hugetlb', step: 3 });
    sent.length = 0;
    store.getState().setSlide(0);
    expect(sent).toMatchObject([{ type: 'load', step: 1, mode: 'single' }]);
  });
});
