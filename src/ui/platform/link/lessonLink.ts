/**
 * Where a link's (or the embed API's) `lesson` and `slide` reach the lab:
 * the one seam between links and lessons. Lessons (SPEC 6) are not built
 * into this version yet, so opening one opens nothing and says so in words;
 * the lessons view fills these two functions in and nothing else changes.
 */
import type { SimStore } from '../../../store/simStore';
import type { LessonId } from './linkState';

/** A lesson on screen, as links and the embed API's `state` report it. */
export interface LessonShown {
  readonly lesson: LessonId;
  /** 1-based. */
  readonly slide: number;
  readonly slides: number;
}

export interface LessonOpened {
  /** What is on screen now; null when the lesson could not be opened. */
  readonly shown: LessonShown | null;
  /** Why not, in a sentence for the reader (null when it opened). */
  readonly problem: string | null;
}

/**
 * Opens lesson `lesson` at `slide` (null: its first): runs its scenario at the
 * slide's step and shows the narration. To fill in with the lessons view.
 */
export function openLesson(store: SimStore, lesson: LessonId, slide: number | null): LessonOpened {
  void store;
  void slide;
  return { shown: null, problem: `The lesson "${lesson}" is not built into this version of the lab yet; showing a scenario instead.` };
}

/** The lesson on screen now, if any (links and the embed API's `state` read it). To fill in with the lessons view. */
export function lessonOnScreen(store: SimStore): LessonShown | null {
  void store;
  return null;
}
