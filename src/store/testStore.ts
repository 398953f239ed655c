/** Test helper: a store over a fake bridge that records what it sends and hands back the handlers. */
import type { Bridge, BridgeHandlers, Command } from '../bridge/bridge';
import { createSimStore, type SimStoreOptions } from './simStore';

export function storeWithFakeBridge(options: Partial<SimStoreOptions> = {}) {
  const sent: Command[] = [];
  let handlers: BridgeHandlers | null = null;
  const bridge = (h: BridgeHandlers): Bridge => {
    handlers = h;
    return { send: (c) => void sent.push(c), terminate: () => undefined };
  };
  const store = createSimStore({ text: 'process a', bridge, ...options });
  store.getState().start();
  const h = (): BridgeHandlers => {
    if (handlers === null) throw new Error('no bridge');
    return handlers;
  };
  return { store, sent, h };
}
