/**
 * A value recomputed on every step (a layout), sharing every part equal to the one the render
 * before drew (store/keepEqual.ts): a card that did not change keeps its identity, so the
 * memoised components drawing it skip their work.
 */
import { useLayoutEffect, useMemo, useRef } from 'react';
import { keepEqual } from '../../store/keepEqual';

export function useKeptEqual<T>(value: T): T {
  const drawn = useRef(value);
  // The value drawn last is read, not depended on: sharing happens once per new value.
  const kept = useMemo(() => keepEqual(drawn.current, value), [value]);
  useLayoutEffect(() => {
    drawn.current = kept;
  }, [kept]);
  return kept;
}
