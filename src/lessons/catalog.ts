/**
 * The built-in lessons of SPEC 6 as data, in the order the picker lists them.
 * Content only (no engine), so the page can list lessons without loading the
 * engine; the worker resolves their numbers.
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

/** Every lesson, in SPEC 6 order. */
export const LESSONS: readonly Lesson[] = [walk, threads, cost, sgaStory, mapSharedPt, mprotect, teardown, hugetlb, abc, aslr, memfd, msharefs];

/** The lesson a link or the embed API names; null for an unknown id, so the caller can say so. */
export function lessonById(id: string): Lesson | null {
  return LESSONS.find((l) => l.id === id) ?? null;
}
