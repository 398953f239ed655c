import { describe, expect, it } from 'vitest';
import type { Bridge, BridgeHandlers, Command } from '../../../bridge/bridge';
import { createSimStore } from '../../../store/simStore';
import { applyView } from './applyLink';

function setup() {
  const sent: Command[] = [];
  let handlers: BridgeHandlers | null = null;
  const bridge = (h: BridgeHandlers): Bridge => {
    handlers = h;
    return { send: (c) => void sent.push(c), terminate: () => undefined };
  };
  const store = createSimStore({ text: 'process a\nprocess b', bridge });
  store.getState().start();
  (handlers as BridgeHandlers | null)?.onLoaded({ v: 1, type: 'loaded', loadId: 1, steps: 2, error: null });
  sent.length = 0;
  return { store, sent };
}

describe('showing a link in a running lab', () => {
  it('loads nothing again when the link shows the scenario on screen', () => {
    const { store, sent } = setup();
    applyView(store, { text: 'process a\nprocess b', step: 0, mode: 'single', vs: 'baseline', range: null });
    expect(sent.filter((c) => c.type !== 'goto')).toEqual([]);
  });

  it('sets the view first and loads the scenario last, at the step asked for', () => {
    const { store, sent } = setup();
    applyView(store, { text: 'process z', step: 1, mode: 'compare', vs: 'hugetlb', range: { lo: 0, hi: 4096 } });
    expect(sent.at(-1)).toMatchObject({ type: 'load', text: 'process z', step: 1, mode: 'compare', vs: 'hugetlb', window: { lo: 0, hi: 4096 } });
    expect(store.getState()).toMatchObject({ mode: 'compare', vs: 'hugetlb' });
  });

  it('reloads the same scenario when compare is switched on, keeping the step asked for', () => {
    const { store, sent } = setup();
    applyView(store, { step: 2, mode: 'compare' });
    expect(sent.at(-1)).toMatchObject({ type: 'load', text: 'process a\nprocess b', step: 2, mode: 'compare' });
  });

  it('goes to the step when only the step differs', () => {
    const { store, sent } = setup();
    applyView(store, { text: 'process a\nprocess b', step: 2 });
    expect(sent).toEqual([{ type: 'goto', step: 2 }]);
    expect(store.getState().step).toBe(2);
  });
});
