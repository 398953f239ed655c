/**
 * The link to what is on screen: the store's view as a LinkState, and the
 * full addresses the Share button copies and the embed frame's "open in
 * the lab" opens (the same view, full size, without the frame's settings).
 */
import { SEED_SCALE } from '../../../store/scaleState';
import type { SimActions, SimState } from '../../../store/simStore';
import type { LessonShown } from './lessonLink';
import { EMPTY_LINK, type LinkState } from './linkState';
import { writeHash } from './writeLink';

/** The hash half of a link to this view (a lesson's link when a lesson is on screen). */
export function linkOfView(s: SimState & SimActions, lesson: LessonShown | null): LinkState {
  const input = s.scale.input;
  const slidersMoved = input.procs !== SEED_SCALE.procs || input.sizeBytes !== SEED_SCALE.sizeBytes || input.ramBytes !== SEED_SCALE.ramBytes;
  return {
    ...EMPTY_LINK,
    scenario: lesson === null ? s.loadedText : null,
    lesson: lesson?.lesson ?? null,
    slide: lesson?.slide ?? null,
    // A lesson's slide says its step (and its view): the link stays `#lesson=ID&slide=N`.
    step: lesson === null ? s.step : null,
    mode: s.mode,
    vs: s.vs,
    range: s.window,
    procs: slidersMoved ? input.procs : null,
    sizeBytes: slidersMoved ? input.sizeBytes : null,
    ramBytes: slidersMoved ? input.ramBytes : null,
  };
}

/** The query the full-size lab opens with: the frame's own settings (embed, origin, editor) dropped, the rest kept. */
export function fullSizeQuery(search: string): string {
  const q = new URLSearchParams(search);
  for (const k of ['embed', 'origin', 'editor']) q.delete(k);
  const text = q.toString();
  return text === '' ? '' : `?${text}`;
}

/** The full address of this view: `where` supplies origin, path and query (the page's own location). */
export async function viewUrl(s: SimState & SimActions, lesson: LessonShown | null, where: { origin: string; pathname: string; search: string }): Promise<string> {
  return `${where.origin}${where.pathname}${where.search}${await writeHash(linkOfView(s, lesson))}`;
}
