import { describe, expect, it, vi } from 'vitest';
import type { Bridge, BridgeHandlers, Command } from '../../../bridge/bridge';
import { createSimStore } from '../../../store/simStore';
import { runCommand } from './runCommand';

function setup() {
  const sent: Command[] = [];
  let handlers: BridgeHandlers | null = null;
  const bridge = (h: BridgeHandlers): Bridge => {
    handlers = h;
    return { send: (c) => void sent.push(c), terminate: () => undefined };
  };
  const store = createSimStore({ text: 'process a\nprocess b\na exit', bridge });
  store.getState().start();
  (handlers as BridgeHandlers | null)?.onLoaded({ v: 1, type: 'loaded', loadId: 1, steps: 3, error: null });
  const deps = { store, setTheme: vi.fn(), postState: vi.fn() };
  return { store, sent, deps };
}

describe('carrying out a host page\'s command', () => {
  it('goto moves the step (clamped, as links are) and pauses', () => {
    const { store, deps } = setup();
    store.getState().play();
    expect(runCommand({ type: 'goto', step: 99 }, deps)).toBeNull();
    expect(store.getState()).toMatchObject({ step: 3, playing: false });
  });

  it('load runs a scenario at a step in a mode', () => {
    const { store, sent, deps } = setup();
    expect(runCommand({ type: 'load', scenario: 'process z', step: 1, mode: 'compare', vs: 'hugetlb' }, deps)).toBeNull();
    expect(store.getState()).toMatchObject({ mode: 'compare', vs: 'hugetlb', text: 'process z' });
    expect(sent.at(-1)).toMatchObject({ type: 'load', text: 'process z', step: 1, mode: 'compare', vs: 'hugetlb' });
  });

  it('a lesson opens by its id: the worker is asked for its numbers, at the slide asked for', () => {
    const { store, sent, deps } = setup();
    expect(runCommand({ type: 'load', lesson: 'abc' }, deps)).toBeNull();
    expect(sent).toContainEqual({ type: 'lesson', id: 'abc' });
    expect(store.getState().lesson).toMatchObject({ id: 'abc', slide: 0 });
  });

  it('play takes a speed; pause stops; theme and getState answer at once', () => {
    const { store, deps } = setup();
    expect(runCommand({ type: 'play', speed: 4 }, deps)).toBeNull();
    expect(store.getState()).toMatchObject({ playing: true, speed: 4 });
    runCommand({ type: 'pause' }, deps);
    expect(store.getState().playing).toBe(false);
    runCommand({ type: 'theme', theme: 'dark' }, deps);
    expect(deps.setTheme).toHaveBeenCalledWith('dark');
    deps.postState.mockClear();
    runCommand({ type: 'getState' }, deps);
    expect(deps.postState).toHaveBeenCalledTimes(1);
  });

  it('a command that changes nothing is answered with the state at once', () => {
    const { deps } = setup();
    runCommand({ type: 'goto', step: 0 }, deps);
    expect(deps.postState).toHaveBeenCalledTimes(1);
  });
});
