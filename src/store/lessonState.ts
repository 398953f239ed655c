/**
 * A lesson in the store: which one, which slide, its numbers once the worker
 * has filled them in, which predictions were answered, and whether the
 * reader has stepped out to explore. Pure helpers: where a slide puts the
 * diagram, before and after its question.
 */
import type { ResolvedLesson, ResolvedSlide } from '../protocol/index';

export interface LessonState {
  readonly id: string;
  /** 0-based. */
  readonly slide: number;
  readonly resolved: ResolvedLesson | null;
  /** Why the lesson cannot be shown, in words. */
  readonly problem: string | null;
  /** Slides whose prediction was answered right, or revealed: their step may play. */
  readonly answered: readonly number[];
  /** Esc: the same scenario at the same step, free to explore; "back to the lesson" returns. */
  readonly exploring: boolean;
}

export function freshLesson(id: string, slide: number): LessonState {
  return { id, slide: Math.max(0, slide), resolved: null, problem: null, answered: [], exploring: false };
}

export function slideOf(l: LessonState): ResolvedSlide | null {
  return l.resolved?.slides[l.slide] ?? null;
}

/** Whether the slide still waits for its prediction (its step has not run yet). */
export function waitsForAnswer(l: LessonState): boolean {
  const s = slideOf(l);
  return s?.predict !== undefined && !l.answered.includes(l.slide);
}

/** The step the diagram shows on this slide: before its step while the question is open. */
export function slideStep(l: LessonState): number {
  const s = slideOf(l);
  if (s === null) return 0;
  return waitsForAnswer(l) ? Math.max(0, s.step - 1) : s.step;
}
