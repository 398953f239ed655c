/**
 * Keeps what the person has in two places that survive a reload: the editor
 * text in localStorage (every edit, so typed text is never lost) and the
 * scenario on screen plus its step in the URL hash (so the address bar is
 * always a link to exactly this view).
 */
import { useEffect } from 'react';
import { useSimStore } from '../common/SimProvider';
import { encodeLink } from './shareLink';
import { TEXT_KEY, save } from './storage';

export function usePersistence(): void {
  const store = useSimStore();
  useEffect(() => {
    let textTimer: ReturnType<typeof setTimeout> | undefined;
    let urlTimer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((s, prev) => {
      // A lesson's own scenario is content, not the reader's work: it never overwrites what they typed.
      const lessonText = s.lesson?.resolved?.lesson.scenario;
      if (s.text !== prev.text && s.text !== lessonText) {
        clearTimeout(textTimer);
        textTimer = setTimeout(() => save(TEXT_KEY, s.text), 250);
      }
      if (s.loadedText !== prev.loadedText || s.step !== prev.step || s.loadId !== prev.loadId) {
        clearTimeout(urlTimer);
        urlTimer = setTimeout(() => {
          const { loadedText, step } = store.getState();
          window.history.replaceState(null, '', encodeLink(loadedText, step));
        }, 200);
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
      clearTimeout(urlTimer);
      window.removeEventListener('pagehide', flush);
    };
  }, [store]);
}
