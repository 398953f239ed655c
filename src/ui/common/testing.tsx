/**
 * Component-test helpers: render into happy-dom with a store whose bridge is
 * a fake (no worker), and a real snapshot made by the worker's session.
 */
import { act, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import type { Bridge, BridgeHandlers, Command } from '../../bridge/bridge';
import type { Snapshot } from '../../protocol/messages';
import { Session } from '../../worker/session';
import { SimProvider } from './SimProvider';
import type { SimStore, SimStoreOptions } from '../../store/simStore';
import { useSimStore } from './SimProvider';
import { MotionProvider } from '../motion/MotionProvider';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

export interface Rendered {
  readonly container: HTMLElement;
  readonly store: SimStore;
  readonly sent: Command[];
  readonly handlers: BridgeHandlers;
  unmount(): void;
}

function Grab({ into }: { into: { store: SimStore | null } }) {
  into.store = useSimStore();
  return null;
}

export function render(ui: ReactNode, options: Partial<SimStoreOptions> = {}): Rendered {
  const sent: Command[] = [];
  let handlers: BridgeHandlers | null = null;
  const bridge = (h: BridgeHandlers): Bridge => {
    handlers = h;
    return { send: (c) => void sent.push(c), terminate: () => undefined };
  };
  const container = document.createElement('div');
  document.body.appendChild(container);
  const root = createRoot(container);
  const grabbed: { store: SimStore | null } = { store: null };
  act(() =>
    root.render(
      <SimProvider options={{ text: 'process a', ...options, bridge }}>
        <Grab into={grabbed} />
        <MotionProvider speed={1} motion="off">{ui}</MotionProvider>
      </SimProvider>,
    ),
  );
  if (grabbed.store === null || handlers === null) throw new Error('store not created');
  return {
    container,
    store: grabbed.store,
    sent,
    handlers,
    unmount: () => {
      act(() => root.unmount());
      container.remove();
    },
  };
}

/** Feeds a run of `text` at `step` into a rendered store, as the worker would. */
export function feed(r: Rendered, text: string, step: number): Snapshot {
  const s = new Session();
  const loaded = s.load({ text, step, mode: 'single', window: null })[0];
  let progress = s.runFor(Infinity);
  while (s.running) progress = s.runFor(Infinity);
  const snap = s.snapshot();
  act(() => {
    if (loaded?.type === 'loaded') r.handlers.onLoaded(loaded);
    if (progress.type === 'progress') r.handlers.onProgress(progress);
    r.handlers.onSnapshot(snap);
  });
  return snap;
}

export { act };
