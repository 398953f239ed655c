/**
 * Whether the screen is a phone's: only then do the columns stack. A
 * projector's 1024 px or a laptop's 1280 px keep them side by side (the
 * diagram scales to fit instead), so the breakpoint is the viewport's, not
 * the diagram's own width.
 */
import { useSyncExternalStore } from 'react';

export const PHONE_MAX = 640;
const QUERY = `(max-width: ${PHONE_MAX - 1}px)`;

function subscribe(onChange: () => void): () => void {
  if (typeof matchMedia === 'undefined') return () => undefined;
  const mq = matchMedia(QUERY);
  mq.addEventListener('change', onChange);
  return () => mq.removeEventListener('change', onChange);
}

export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => (typeof matchMedia === 'undefined' ? false : matchMedia(QUERY).matches),
    () => false,
  );
}
