/**
 * The store's lesson actions: open a lesson (the worker fills in its
 * numbers), move between slides (each puts the diagram at its view and its
 * step; a step forward plays), mark a prediction answered, step out to
 * explore and back, and close (the reader's own text comes back).
 */
import type { Command } from '../bridge/bridge';
import type { FromWorker } from '../protocol/index';
import { parseSize } from '../protocol/sizes';
import { freshLesson, slideOf, slideStep, type LessonState } from './lessonState';
import type { SimActions, SimState } from './simStore';

type S = SimState & SimActions;
type Get = () => S;
type Set = (partial: Partial<SimState>) => void;

/** Puts the diagram where a slide wants it: its view, and its step (one step forward plays). */
function showSlide(get: Get, set: Set, l: LessonState): void {
  const slide = slideOf(l);
  if (slide === null) return;
  const s = get();
  const mode = slide.view?.mode ?? 'single';
  const vs = slide.view?.mode === 'compare' ? slide.view.vs : s.vs;
  const step = slideStep(l);
  if (slide.view?.mode === 'scale') s.setScale({ procs: slide.view.procs, sizeBytes: parseSize(slide.view.size) ?? 0, ramBytes: parseSize(slide.view.ram) ?? 0 });
  // Compare needs the other side's run (and the right one): reload straight at the slide's step.
  const reload = (mode === 'compare') !== (s.mode === 'compare') || (mode === 'compare' && vs !== s.vs);
  if (mode !== s.mode || vs !== s.vs) set({ mode, vs, playing: false });
  if (reload) {
    s.run(s.loadedText, step);
    return;
  }
  if (step === s.step + 1) s.stepBy(1);
  else s.goto(step);
}

type LessonActions = Pick<SimActions, 'openLesson' | 'setSlide' | 'answered' | 'exploreLesson' | 'closeLesson'>;

/** The actions, and the handler for the worker's resolved lesson. */
export function lessonActions(get: Get, set: Set, send: (c: Command) => void): { actions: LessonActions; onLesson(m: Extract<FromWorker, { type: 'lessonResolved' }>): void } {
  // What the reader had in the editor before the lesson, to give back when it closes.
  let before: { text: string; loaded: string; step: number } | null = null;
  const actions: LessonActions = {
    openLesson: (id, slide = 0) => {
      if (get().lesson === null) before = { text: get().text, loaded: get().loadedText, step: get().step };
      set({ lesson: freshLesson(id, slide), playing: false });
      send({ type: 'lesson', id });
    },
    setSlide: (n) => {
      const l = get().lesson;
      if (l?.resolved == null) return;
      const next = { ...l, slide: Math.max(0, Math.min(l.resolved.slides.length - 1, n)), exploring: false };
      set({ lesson: next, playing: false });
      showSlide(get, set, next);
    },
    answered: () => {
      const l = get().lesson;
      if (l === null || l.answered.includes(l.slide)) return;
      const next = { ...l, answered: [...l.answered, l.slide] };
      set({ lesson: next });
      showSlide(get, set, next);
    },
    exploreLesson: (exploring) => {
      const l = get().lesson;
      if (l === null) return;
      set({ lesson: { ...l, exploring } });
      if (!exploring) showSlide(get, set, l);
    },
    closeLesson: () => {
      const back = before;
      before = null;
      set({ lesson: null, presenting: false });
      if (back !== null) {
        get().run(back.loaded, back.step);
        set({ text: back.text });
      }
    },
  };
  return {
    actions,
    onLesson: (m) => {
      const l = get().lesson;
      if (l === null || l.id !== m.id) return;
      if (m.lesson === null) {
        set({ lesson: { ...l, problem: m.problem } });
        return;
      }
      const ready = { ...l, resolved: m.lesson, problem: m.problem, slide: Math.min(l.slide, m.lesson.slides.length - 1) };
      set({ lesson: ready, mode: 'single' });
      // The lesson's scenario, opened where its slide wants it.
      get().run(m.lesson.lesson.scenario, slideStep(ready));
      if (slideOf(ready)?.view !== undefined) showSlide(get, set, ready);
    },
  };
}
