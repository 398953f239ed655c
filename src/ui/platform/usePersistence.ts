/**
 * Keeps the editor's text in localStorage (debounced, 400 ms, and on
 * leaving the page), with the last few distinct versions in backup slots
 * (storage.ts). A text that cannot be saved (over the limit, storage full)
 * is said in a notice and stays in the editor. When another tab saves a
 * different text, this tab is told and offered it; nothing is overwritten
 * silently. The address bar's link is kept by link/useLinkSync.
 */
import { useCallback, useEffect, useState } from 'react';
import { useSimStore } from '../common/SimProvider';
import type { SimStore } from '../../store/simStore';
import { TEXT_KEY, MAX_SAVED_CHARS, saveText } from './storage';

export const SAVE_DELAY_MS = 400;

/** Saves the store's text now; a problem becomes the store's notice. */
export function saveNow(store: SimStore): void {
  const s = store.getState();
  // A lesson's own scenario is content, not the reader's work: it never overwrites what they typed.
  if (s.text === s.lesson?.resolved?.lesson.scenario) return;
  const result = saveText(s.text);
  if (!result.ok) s.setNotice(result.problem);
}

/** The text another tab saved, if it differs from this tab's; null otherwise. */
export function otherTabText(e: Pick<StorageEvent, 'key' | 'newValue'>, current: string): string | null {
  if (e.key !== TEXT_KEY || typeof e.newValue !== 'string') return null;
  if (e.newValue.length > MAX_SAVED_CHARS || e.newValue === current) return null;
  return e.newValue;
}

export interface OtherTab {
  readonly text: string | null;
  loadIt(): void;
  dismiss(): void;
}

export function usePersistence(): OtherTab {
  const store = useSimStore();
  const [other, setOther] = useState<string | null>(null);
  useEffect(() => {
    let textTimer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.text !== prev.text) {
        clearTimeout(textTimer);
        textTimer = setTimeout(() => saveNow(store), SAVE_DELAY_MS);
      }
    });
    const flush = (): void => {
      clearTimeout(textTimer);
      saveNow(store);
    };
    const onStorage = (e: StorageEvent): void => {
      const text = otherTabText(e, store.getState().text);
      if (text !== null) setOther(text);
    };
    window.addEventListener('pagehide', flush);
    window.addEventListener('storage', onStorage);
    return () => {
      unsubscribe();
      clearTimeout(textTimer);
      window.removeEventListener('pagehide', flush);
      window.removeEventListener('storage', onStorage);
    };
  }, [store]);
  const loadIt = useCallback(() => {
    if (other !== null) store.getState().setText(other);
    setOther(null);
  }, [other, store]);
  const dismiss = useCallback(() => setOther(null), []);
  return { text: other, loadIt, dismiss };
}
