/**
 * Plays the timeline: while playing, the next step is asked for only once
 * the step on screen is drawn and its animation has come to rest (the
 * clock says so), plus a short pause, both scaled by the speed; with motion
 * off the pause is the whole step. It pauses at the end.
 */
import { useEffect } from 'react';
import { selectPlaying, selectSpeed } from '../../store/selectors';
import { useActions, useSim } from '../common/SimProvider';
import { useClockValue, useMotionSetting } from '../motion/MotionProvider';

/** Milliseconds at 1× between one step's end and the next step. */
export const PAUSE_MS = 220;
/** With motion off, a step shows for this long at 1×. */
export const STILL_MS = 1000;

export function usePlayback(): void {
  const playing = useSim(selectPlaying);
  const speed = useSim(selectSpeed);
  const loadId = useSim((s) => s.loadId);
  const step = useSim((s) => s.step);
  const total = useSim((s) => s.total);
  const motion = useMotionSetting();
  const { stepBy, pause } = useActions();
  // At rest on exactly the step asked for: drawn, and done animating.
  const rested = useClockValue((c) => !c.busy && c.key === `${loadId}:${step}`);
  useEffect(() => {
    if (!playing) return;
    if (step >= total) {
      pause();
      return;
    }
    if (!rested) return;
    const t = setTimeout(() => stepBy(1), (motion === 'off' ? STILL_MS : PAUSE_MS) / speed);
    return () => clearTimeout(t);
  }, [playing, speed, rested, step, total, motion, stepBy, pause]);
}
