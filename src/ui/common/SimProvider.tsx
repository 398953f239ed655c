/**
 * Creates one simulation store per mounted lab (ARCHITECTURE habit 7) and
 * starts its worker while mounted. Components read it through `useSim`
 * with a named selector; nothing else reaches the worker.
 */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { useStore } from 'zustand';
import { createSimStore, type SimActions, type SimState, type SimStore, type SimStoreOptions } from '../../store/simStore';

const SimContext = createContext<SimStore | null>(null);

export function SimProvider({ options, children }: { options: SimStoreOptions; children: ReactNode }) {
  const [store] = useState(() => createSimStore(options));
  useEffect(() => {
    store.getState().start();
    return () => store.getState().dispose();
  }, [store]);
  return <SimContext.Provider value={store}>{children}</SimContext.Provider>;
}

/** The store itself, for effects that subscribe outside React's render. */
export function useSimStore(): SimStore {
  const store = useContext(SimContext);
  if (store === null) throw new Error('useSim needs a <SimProvider> above it');
  return store;
}

/** A narrow slice of the store; re-renders only when that slice changes. */
export function useSim<T>(selector: (state: SimState & SimActions) => T): T {
  return useStore(useSimStore(), selector);
}

// Each store's actions, picked once: the state object holding them is new after every change,
// and a callback made from it would be too, defeating memo'd components that take it.
const actionsOf = new WeakMap<SimStore, SimActions>();

/** The store's actions: created once, so reading them subscribes to nothing, and the same object every render. */
export function useActions(): SimActions {
  const store = useSimStore();
  let actions = actionsOf.get(store);
  if (actions === undefined) {
    actions = Object.fromEntries(Object.entries(store.getState()).filter(([, v]) => typeof v === 'function')) as unknown as SimActions;
    actionsOf.set(store, actions);
  }
  return actions;
}
