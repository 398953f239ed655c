/**
 * The built-in lessons of SPEC 6, in the order the picker lists them, and the
 * functions the UI calls: resolve a lesson (every number from the engine) and
 * check a reader's prediction.
 */
export type * from './types';
export { resolveLesson } from './resolve';
export { checkAnswer, type AnswerCheck } from './answers';
export { parseTemplate, TEMPLATE_NAMES, type TemplateName } from './templates';

export { LESSONS, lessonById } from './catalog';
