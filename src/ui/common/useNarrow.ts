/**
 * Whether the screen is a phone's: only then do the columns stack. A
 * projector's 1024 px or a laptop's 1280 px keep them side by side (the
 * diagram scales to fit instead), so the breakpoint is the viewport's, not
 * the diagram's own width.
 */
import { useSyncExternalStore } from 'react';

export const PHONE_MAX = 640;
const QUERY = `(max-width: ${PHONE_MAX - 1}px)`;

// One query list, not one per read: React reads it on every render of every diagram part that asks.
let list: { readonly of: typeof matchMedia; readonly mq: MediaQueryList } | null = null;

function query(): MediaQueryList | null {
  if (typeof matchMedia === 'undefined') return null;
  if (list?.of !== matchMedia) list = { of: matchMedia, mq: matchMedia(QUERY) };
  return list.mq;
}

function subscribe(onChange: () => void): () => void {
  const mq = query();
  if (mq === null) return () => undefined;
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => query()?.matches ?? false,
    () => false,
  );
}
