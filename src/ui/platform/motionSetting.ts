/**
 * The motion setting a page opens with: the link's `motion=` (SPEC 5.1) when
 * it is one of full, reduced, off; else the reader's prefers-reduced-motion.
 * A bad value is reported in words and the default used.
 */
import { MOTION_SETTINGS, type MotionSetting } from '../../store/simStore';

export interface MotionStart {
  readonly motion: MotionSetting;
  readonly problem: string | null;
}

export function motionFromLink(search: string, prefersReduced: boolean): MotionStart {
  const fallback: MotionSetting = prefersReduced ? 'reduced' : 'full';
  const value = new URLSearchParams(search).get('motion');
  if (value === null) return { motion: fallback, problem: null };
  if ((MOTION_SETTINGS as readonly string[]).includes(value)) return { motion: value as MotionSetting, problem: null };
  const shown = value.length > 24 ? `${value.slice(0, 24)}…` : value;
  return { motion: fallback, problem: `The link's motion=${JSON.stringify(shown)} is not one of full, reduced, off; using ${fallback}.` };
}
