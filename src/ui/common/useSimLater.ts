/**
 * A slice of the store for what sits beside the diagram (the trace, the page
 * cache, the counters, the editor's step marker): it follows the store in a
 * transition, so a new snapshot draws the diagram first, in its frame, and
 * these a moment later in a task of their own. Use a selector that returns
 * a stored value (no new object per call), as with useSim.
 */
import { startTransition, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { SimActions, SimState } from '../../store/simStore';
import { useSimStore } from './SimProvider';

export function useSimLater<T>(selector: (state: SimState & SimActions) => T): T {
  const store = useSimStore();
  const [value, setValue] = useState(() => selector(store.getState()));
  const pick = useRef(selector);
  useLayoutEffect(() => {
    pick.current = selector;
  });
  useEffect(() => {
    let last = pick.current(store.getState());
    const follow = (): void => {
      const next = pick.current(store.getState());
      if (Object.is(next, last)) return;
      last = next;
      startTransition(() => setValue(next));
    };
    // What changed between the first render and this subscription is caught up at once.
    setValue(last);
    return store.subscribe(follow);
  }, [store]);
  return value;
}
