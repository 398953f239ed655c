/**
 * Where a link's (or the embed API's) `lesson` and `slide` reach the lab:
 * the one seam between links and lessons. Opening one asks the store for
 * the lesson (the worker fills in its numbers, then the slide's step shows);
 * a lesson not built yet is refused in words.
 */
import { lessonById } from '../../../lessons/catalog';
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

/** Opens lesson `lesson` at `slide` (1-based; null: its first), clamped to the slides it has. */
export function openLesson(store: SimStore, lesson: LessonId, slide: number | null): LessonOpened {
  const content = lessonById(lesson);
  if (content === null) return { shown: null, problem: `There is no lesson called "${lesson}".` };
  if (content.status === 'coming') return { shown: null, problem: `The lesson "${content.title}" is coming: its model is not built yet; showing a scenario instead.` };
  const index = Math.max(0, Math.min(content.slides.length - 1, (slide ?? 1) - 1));
  store.getState().openLesson(lesson, index);
  return { shown: { lesson, slide: index + 1, slides: content.slides.length }, problem: null };
}

/** The lesson on screen now, if any (links and the embed API's `state` read it). */
export function lessonOnScreen(store: SimStore): LessonShown | null {
  const l = store.getState().lesson;
  if (l === null || l.exploring) return null;
  const content = lessonById(l.id);
  if (content === null) return null;
  return { lesson: content.id, slide: l.slide + 1, slides: l.resolved?.slides.length ?? content.slides.length };
}
