/**
 * Keeps the editor's text in localStorage (every edit, so typed text is
 * never lost, even text not yet run). The address bar's link is kept by
 * link/useLinkSync.
 */
import { useEffect } from 'react';
import { useSimStore } from '../common/SimProvider';
import { TEXT_KEY, save } from './storage';

export function usePersistence(): void {
  const store = useSimStore();
  useEffect(() => {
    let textTimer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.text !== prev.text) {
        clearTimeout(textTimer);
        textTimer = setTimeout(() => save(TEXT_KEY, s.text), 250);
      }
    });
    const flush = (): void => save(TEXT_KEY, store.getState().text);
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      clearTimeout(textTimer);
      window.removeEventListener('pagehide', flush);
    };
  }, [store]);
}
