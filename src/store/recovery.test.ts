import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION as v, type Snapshot } from '../protocol/messages';
import { storeWithFakeBridge } from './testStore';

const setup = storeWithFakeBridge;

const snapshot = (loadId: number, step: number, total: number): Snapshot => ({ loadId, side: 'main', step, total }) as Snapshot;
const progress = (ran: number, total: number, stopped: string | null = null) =>
  ({ v, type: 'progress', loadId: 1, ran, total, stopped, kinds: new Uint8Array(ran), lines: new Uint32Array(ran) }) as const;

describe('recovering from a failed worker', () => {
  it('says in words where the run was, keeps the picture and the text, and reopens up to the last good step', () => {
    const { store, sent, h } = setup();
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 40, error: null });
    h().onProgress(progress(12, 40));
    h().onSnapshot(snapshot(1, 7, 40));
    store.getState().setText('process a # edited');
    h().onCrash?.('an error inside the simulation (RangeError: boom)');
    const s = store.getState();
    expect(s.status).toBe('failed');
    expect(s.failure).toBe('An error inside the simulation (RangeError: boom), while running step 13 of 40. A fresh simulation has taken its place; your scenario is kept as you left it.');
    expect(s.recovery).toEqual({ step: 7, limit: 12 });
    expect(s.snapshot?.step).toBe(7);
    expect(s.text).toBe('process a # edited');
    // Moves wait for the reopening: the fresh worker holds nothing.
    sent.length = 0;
    store.getState().goto(3);
    expect(sent).toEqual([]);
    store.getState().reopen();
    expect(sent).toEqual([{ type: 'load', text: 'process a', step: 7, mode: 'single', vs: 'baseline', window: null, limit: 12 }]);
    expect(store.getState()).toMatchObject({ failure: null, recovery: null, status: 'running' });
  });

  it('runs it all again on request, without a limit', () => {
    const { store, sent, h } = setup();
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 5, error: null });
    h().onProgress(progress(5, 5));
    h().onSnapshot(snapshot(1, 5, 5));
    h().onCrash?.('the simulation stopped answering for 15 seconds');
    expect(store.getState().failure).toMatch(/^The simulation stopped answering for 15 seconds\. A fresh/);
    sent.length = 0;
    store.getState().reopen(true);
    expect(sent).toEqual([{ type: 'load', text: 'process a', step: 5, mode: 'single', vs: 'baseline', window: null }]);
  });

  it('holds back a run that closed the page last time, until the reader asks', () => {
    const { store, sent } = setup({ held: { message: 'Last time, the page closed.', step: 3, limit: 9 } });
    expect(sent).toEqual([]);
    expect(store.getState()).toMatchObject({ status: 'failed', failure: 'Last time, the page closed.', recovery: { step: 3, limit: 9 } });
    store.getState().reopen();
    expect(sent).toEqual([{ type: 'load', text: 'process a', step: 3, mode: 'single', vs: 'baseline', window: null, limit: 9 }]);
  });

  it('ends the timeline where a run stopped at the lab\'s limit, and says why', () => {
    const { store, h } = setup({ step: 'last' });
    h().onLoaded({ v, type: 'loaded', loadId: 1, steps: 300, error: null });
    expect(store.getState().step).toBe(300);
    h().onProgress(progress(24, 24, 'the simulated world grew too large at line 72'));
    expect(store.getState()).toMatchObject({ total: 24, step: 24, ran: 24, status: 'ready', stopped: 'the simulated world grew too large at line 72' });
    // A new run starts with no such message.
    store.getState().run('process b');
    h().onLoaded({ v, type: 'loaded', loadId: 2, steps: 1, error: null });
    expect(store.getState().stopped).toBeNull();
  });
});
