/**
 * Plays the timeline: while playing, one step forward each 1/speed seconds,
 * waiting for the worker to show a step before asking for the next, and
 * pausing at the end.
 */
import { useEffect } from 'react';
import { selectPlaying, selectSpeed } from '../../store/selectors';
import { useActions, useSim } from '../common/SimProvider';

export function usePlayback(): void {
  const playing = useSim(selectPlaying);
  const speed = useSim(selectSpeed);
  const shown = useSim((s) => s.snapshot?.step ?? -1);
  const step = useSim((s) => s.step);
  const total = useSim((s) => s.total);
  const { stepBy, pause } = useActions();
  useEffect(() => {
    if (!playing) return;
    if (step >= total) {
      pause();
      return;
    }
    if (shown !== step) return; // wait until the current step is on screen
    const t = setTimeout(() => stepBy(1), 1000 / speed);
    return () => clearTimeout(t);
  }, [playing, speed, shown, step, total, stepBy, pause]);
}
