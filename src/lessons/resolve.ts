/**
 * Runs a lesson's scenario once, step by step, and fills every slide's
 * templates when the run reaches the slide's step. Never throws: whatever is
 * wrong with the content (a parse error, an unknown template, a step out of
 * range) comes back as a problem, which CI requires to be none.
 */
import { formatParseError } from '../scenario/errors';
import { parse } from '../scenario/parser';
import { createEngine } from '../sim/engine/engine';
import { errorsOf, type ErrorReport } from '../sim/report';
import { fillText, resolveQuestion } from './fill';
import type { Lesson, LessonProblem, ResolvedLesson, ResolvedSlide, Slide } from './types';
import { contextAt, type ValueContext } from './values';

/** The lesson with every number computed by the engine, and the problems found on the way. */
export function resolveLesson(lesson: Lesson): ResolvedLesson {
  const problems: LessonProblem[] = [];
  if (lesson.status === 'coming') return { lesson, steps: 0, slides: [], problems };
  const parsed = parse(lesson.scenario);
  if (!parsed.ok) {
    problems.push({ slide: null, message: `scenario: ${formatParseError(parsed.error)}` });
    return { lesson, steps: 0, slides: lesson.slides.map(unresolved), problems };
  }
  const commands = parsed.commands;
  const steps = commands.length;
  const slides: (ResolvedSlide | null)[] = lesson.slides.map(() => null);
  const pending = lesson.slides.map((slide, index) => ({ slide, index }));
  pending.forEach(({ slide, index }) => {
    if (!Number.isInteger(slide.step) || slide.step < 0 || slide.step > steps) {
      problems.push({ slide: index, message: `step ${slide.step} is out of range 0..${steps}` });
    } else if (index > 0 && slide.step < (lesson.slides[index - 1]?.step ?? 0)) {
      problems.push({ slide: index, message: `step ${slide.step} comes before the previous slide's step` });
    }
  });
  const engine = createEngine();
  const errors: ErrorReport[] = [];
  const fillAt = (step: number): void => {
    const ctx = contextAt(engine, errors);
    for (const { slide, index } of pending) {
      if (slide.step === step) slides[index] = resolveSlide(slide, index, ctx, problems);
    }
  };
  fillAt(0);
  for (let i = 0; i < steps; i++) {
    const cmd = commands[i];
    if (cmd === undefined) break;
    try {
      errors.push(...errorsOf(cmd.line, engine.step(cmd)));
    } catch (e) {
      problems.push({ slide: null, message: `the engine failed at line ${cmd.line}: ${e instanceof Error ? e.message : String(e)}` });
      break;
    }
    fillAt(i + 1);
  }
  const broken = engine.invariants();
  if (broken.length > 0) problems.push({ slide: null, message: `invariant broken: ${broken[0] ?? ''}` });
  return { lesson, steps, slides: slides.map((s, i) => s ?? unresolved(lesson.slides[i] as Slide)), problems };
}

function resolveSlide(slide: Slide, index: number, ctx: ValueContext, problems: LessonProblem[]): ResolvedSlide {
  const report = (message: string): void => {
    problems.push({ slide: index, message });
  };
  const missing = focusMissing(slide, ctx);
  if (missing !== null) report(`focus: ${missing}`);
  const { predict, ...rest } = slide;
  const out: ResolvedSlide = { ...rest, title: fillText(slide.title, ctx, report), text: fillText(slide.text, ctx, report) };
  if (predict === undefined) return out;
  const question = resolveQuestion(predict, ctx, report);
  return question === null ? out : { ...out, predict: question };
}

/** Why the slide's focus names nothing on the diagram at its step; null when it is there. */
function focusMissing(slide: Slide, ctx: ValueContext): string | null {
  const f = slide.focus;
  if (f === undefined) return null;
  const names = f.kind === 'mm' ? [f.name] : f.kind === 'table' ? [f.mm] : [f.from, f.host];
  const live = (name: string): boolean =>
    name.startsWith('host:')
      ? ctx.engine.hosts().some((h) => `host:${h.file}` === name)
      : ctx.engine.processes().some((p) => p.name === name && p.alive);
  const gone = names.find((n) => !live(n));
  return gone === undefined ? null : `no live mm named ${gone} at step ${slide.step}`;
}

/** A slide whose step was never reached (out of range, or the run stopped): its raw text. */
function unresolved(slide: Slide): ResolvedSlide {
  const { predict: _unused, ...rest } = slide;
  return rest;
}
