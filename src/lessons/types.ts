/**
 * The data model of a lesson (SPEC 6): a scenario, slides of narration tied to
 * its steps, and predict-then-reveal questions whose answers the engine computes.
 * Everything here is plain data, so the UI, the tests and links share one shape.
 */

/** The twelve lessons of SPEC 6, by the names links and the embed API use. */
export type LessonId =
  | 'walk'
  | 'threads'
  | 'cost'
  | 'sga-story'
  | 'map-shared-pt'
  | 'mprotect'
  | 'teardown'
  | 'hugetlb'
  | 'abc'
  | 'aslr'
  | 'memfd'
  | 'msharefs';

/** Text in the template language of templates.ts: `{name args|format}` parts are engine values. */
export type Template = string;

export interface Lesson {
  id: LessonId;
  title: string;
  /** the question the lesson answers */
  question: string;
  minutes: number;
  scenario: string;
  slides: readonly Slide[];
  /** 'coming': listed in the picker with its title and question, not playable yet (default 'ready'). */
  status?: 'ready' | 'coming';
}

export interface Slide {
  title: string;
  /** Plain words first, kernel names in `backticks`; {templates} are filled by the engine. */
  text: string;
  /** The step the diagram shows for this slide (0 = before the first command, N = after the N-th). */
  step: number;
  /** What to look at, highlighted on the diagram. An mm is named by a task or `host:FILE`; it must be alive at the step. */
  focus?:
    | { kind: 'mm'; name: string }
    | { kind: 'table'; mm: string; level: 'pgd' | 'pud' | 'pmd' | 'pte'; va: number }
    | { kind: 'link'; from: string; host: string };
  /** A point the proposal leaves open (SPEC 1.3 (decision)): one line on the alternative. */
  open?: string;
  /** Asked before the slide's step runs (shown on the slide before it). */
  predict?: Question;
  /** Another view for this slide: compare with/without sharing, or the scale explorer. */
  view?: { mode: 'compare'; vs: 'baseline' | 'hugetlb' } | { mode: 'scale'; procs: number; size: string; ram: string };
}

/**
 * A prediction. `answer` is exactly one template (no formatter), e.g.
 * `{pgtables_bytes db1}`; prompt, hint and why may hold templates too.
 */
export type Question =
  | { kind: 'number'; prompt: string; unit: 'bytes' | 'tables' | 'pages'; answer: Template; hint: string; why: string }
  | { kind: 'choice'; prompt: string; options: readonly string[]; answer: Template; hint: string; why: string };

/** What an engine value is: a count or size, or a word such as "shared" or "EINVAL". */
export type Value = number | string;

/** A question with its templates filled in and its answer computed. */
export type ResolvedQuestion = Question & {
  /** The engine's answer: a number in the question's unit, or one of the options. */
  readonly value: Value;
  /** The answer as the reveal shows it, e.g. "16 KiB (16,384 bytes)". */
  readonly answerText: string;
};

/** A slide with its templates filled in. */
export type ResolvedSlide = Omit<Slide, 'predict'> & { readonly predict?: ResolvedQuestion };

/** Something wrong with a lesson's content; `slide` is 0-based, null for the lesson itself. */
export interface LessonProblem {
  readonly slide: number | null;
  readonly message: string;
}

/** A lesson ready to show: every number computed by running its scenario once. */
export interface ResolvedLesson {
  readonly lesson: Lesson;
  /** Number of commands in the scenario (the last step). */
  readonly steps: number;
  readonly slides: readonly ResolvedSlide[];
  /** Empty when the content is sound; CI requires that for every lesson. */
  readonly problems: readonly LessonProblem[];
}
