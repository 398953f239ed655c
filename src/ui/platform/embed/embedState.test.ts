import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../protocol/index';
import { createSimStore } from '../../../store/simStore';
import { embedState, sidesDrawn } from './embedState';

const snap = (side: 'main' | 'other', label: string, step: number, bytes: number): Snapshot =>
  ({ loadId: 1, side, label, step, total: 9, memory: { ramBytes: 1, pagetablesBytes: bytes, fileBytes: 0 }, totals: { processes: 2, shown: 2, processPgtablesBytes: bytes / 2, hosts: 1 } }) as unknown as Snapshot;

describe('the state a host page reads', () => {
  it('has one side in single and two in compare, with their page-table figures', () => {
    const store = createSimStore({ text: 'process a' });
    store.setState({ loadId: 1, step: 4, total: 9, snapshot: snap('main', 'with MAP_SHARED_PT', 4, 8192), other: snap('other', 'without sharing', 4, 16384) });
    expect(embedState(store.getState(), null)).toEqual({
      step: 4,
      steps: 9,
      mode: 'single',
      vs: 'baseline',
      lesson: null,
      slide: null,
      slides: null,
      playing: false,
      speed: 1,
      sides: [{ label: 'with MAP_SHARED_PT', pagetables_bytes: 8192, vmpte_bytes: 4096, processes_alive: 2 }],
    });
    store.setState({ mode: 'compare' });
    expect(embedState(store.getState(), { lesson: 'abc', slide: 2, slides: 5 })).toMatchObject({
      lesson: 'abc',
      slide: 2,
      slides: 5,
      sides: [{ label: 'with MAP_SHARED_PT' }, { label: 'without sharing', pagetables_bytes: 16384 }],
    });
  });

  it('is drawn only once every side shown is at the step asked for', () => {
    const store = createSimStore({ text: 'process a' });
    store.setState({ loadId: 1, step: 5, snapshot: snap('main', 'm', 4, 0) });
    expect(sidesDrawn(store.getState())).toBe(false);
    store.setState({ snapshot: snap('main', 'm', 5, 0) });
    expect(sidesDrawn(store.getState())).toBe(true);
    store.setState({ mode: 'compare', other: snap('other', 'o', 4, 0) });
    expect(sidesDrawn(store.getState())).toBe(false);
    store.setState({ other: snap('other', 'o', 5, 0) });
    expect(sidesDrawn(store.getState())).toBe(true);
  });
});
