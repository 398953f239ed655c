/**
 * A built-in lesson for the page: its numbers filled in by running its
 * scenario here, in the worker, so the page never waits on the engine.
 * Resolved lessons are kept: each runs once per worker.
 */
import { lessonById, resolveLesson } from '../lessons/index';
import { PROTOCOL_VERSION as v, type FromWorker } from '../protocol/messages';
import type { ResolvedLesson } from '../lessons/types';

const resolved = new Map<string, ResolvedLesson>();

/** The answer to a `lesson` request: the lesson resolved, or why not, in words. */
export function lessonMessage(id: string): FromWorker {
  const lesson = lessonById(id);
  if (lesson === null) return { v, type: 'lessonResolved', id, lesson: null, problem: `There is no lesson called ${JSON.stringify(id.slice(0, 40))}.` };
  if (lesson.status === 'coming') return { v, type: 'lessonResolved', id, lesson: null, problem: `The lesson “${lesson.title}” is coming: its model is not built yet.` };
  let r = resolved.get(id);
  if (r === undefined) {
    r = resolveLesson(lesson);
    resolved.set(id, r);
  }
  return { v, type: 'lessonResolved', id, lesson: r, problem: r.problems.length > 0 ? `This lesson has problems: ${r.problems[0]?.message ?? ''}` : null };
}
