/**
 * The built-in lessons of SPEC 6, in the order the picker lists them, and the
 * functions the UI calls: resolve a lesson (every number from the engine) and
 * check a reader's prediction.
 */
import { abc } from './abc';
import { aslr } from './aslr';
import { cost } from './cost';
import { hugetlb } from './hugetlb';
import { mapSharedPt } from './mapSharedPt';
import { memfd } from './memfd';
import { mprotect } from './mprotect';
import { msharefs } from './msharefs';
import { sgaStory } from './sgaStory';
import { teardown } from './teardown';
import { threads } from './threads';
import type { Lesson } from './types';
import { walk } from './walk';

export type * from './types';
export { resolveLesson } from './resolve';
export { checkAnswer, type AnswerCheck } from './answers';
export { parseTemplate, TEMPLATE_NAMES, type TemplateName } from './templates';

/** Every lesson, in SPEC 6 order (msharefs last, listed as coming). */
export const LESSONS: readonly Lesson[] = [walk, threads, cost, sgaStory, mapSharedPt, mprotect, teardown, hugetlb, abc, aslr, memfd, msharefs];

/** The lesson a link or the embed API names; null for an unknown id, so the caller can say so. */
export function lessonById(id: string): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
