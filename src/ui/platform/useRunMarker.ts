/**
 * Keeps runMarker.ts's note true to the run: written while a run is under
 * way (at most once per progress message), removed when it finishes, fails
 * in words, or the page closes normally. An embedded frame writes nothing
 * (storage is read-only there).
 */
import { useEffect } from 'react';
import { useSimStore } from '../common/SimProvider';
import { clearMarker, textKey, writeMarker } from './runMarker';

export function useRunMarker(): void {
  const store = useSimStore();
  useEffect(() => {
    let key: string | null = null;
    const unsubscribe = store.subscribe((s, p) => {
      const runningNow = s.status === 'running' && s.loadId > 0 && s.ran < s.total;
      if (!runningNow) {
        if (p.status === 'running') clearMarker();
        return;
      }
      if (s.ran === p.ran && s.loadId === p.loadId && s.status === p.status) return;
      if (s.loadId !== p.loadId || key === null) key = textKey(s.loadedText);
      writeMarker({ key, step: s.step, ran: s.ran, total: s.total });
    });
    window.addEventListener('pagehide', clearMarker);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', clearMarker);
    };
  }, [store]);
}
