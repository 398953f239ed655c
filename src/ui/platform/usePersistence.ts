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
      // A lesson's own scenario is content, not the reader's work: it never overwrites what they typed.
      const lessonText = s.lesson?.resolved?.lesson.scenario;
      if (s.text !== prev.text && s.text !== lessonText) {
        clearTimeout(textTimer);
        textTimer = setTimeout(() => save(TEXT_KEY, s.text), 250);
      }
    });
    const flush = (): void => {
      const s = store.getState();
      if (s.text !== s.lesson?.resolved?.lesson.scenario) save(TEXT_KEY, s.text);
    };
    window.addEventListener('pagehide', flush);
    return () => {
      unsubscribe();
      clearTimeout(textTimer);
      window.removeEventListener('pagehide', flush);
    };
  }, [store]);
}
