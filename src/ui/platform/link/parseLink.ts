/**
 * Reads a whole link (SPEC 5.1): the query and the hash, parameter by
 * parameter. A bad part is named in one sentence and its default used while
 * every other part still opens; unknown parameters are ignored; nothing
 * here throws, whatever the address bar holds.
 */
import { MODES, VS_CHOICES, type Mode, type Vs } from '../../../protocol/index';
import { MOTION_SETTINGS, type MotionSetting } from '../../../store/simStore';
import { EMPTY_LINK, LESSON_IDS, shown, type LessonId, type LinkState, type ParsedLink, type Theme } from './linkState';
import { readOrigins, readProcs, readRam, readRange, readSize, readSlide, readStep, type Read } from './linkValues';
import { decodeScenario } from './scenarioCodec';

function params(part: string, lead: string): URLSearchParams {
  try {
    return new URLSearchParams(part.startsWith(lead) ? part.slice(1) : part);
  } catch {
    return new URLSearchParams();
  }
}

function oneOf<T extends string>(name: string, raw: string, choices: readonly T[], fallback: string): Read<T> {
  return (choices as readonly string[]).includes(raw)
    ? { ok: true, value: raw as T }
    : { ok: false, problem: `The link's ${name}=${shown(raw)} is not one of ${choices.join(', ')}; using ${fallback}.` };
}

function flag(name: string, raw: string): Read<boolean> {
  if (raw === '1') return { ok: true, value: true };
  if (raw === '0') return { ok: true, value: false };
  return { ok: false, problem: `The link's ${name}=${shown(raw)} is not 1 or 0; using 0.` };
}

/** Reads `search` (with or without `?`) and `hash` (with or without `#`) into a link and its problems. */
export async function parseLink(search: string, hash: string): Promise<ParsedLink> {
  const q = params(search, '?');
  const h = params(hash, '#');
  const problems: string[] = [];
  const take = <T>(from: URLSearchParams, name: string, read: (raw: string) => Read<T>): T | null => {
    const raw = from.get(name);
    if (raw === null) return null;
    const r = read(raw);
    if (r.ok) return r.value;
    problems.push(r.problem);
    return null;
  };

  const originRaw = q.get('origin');
  let origins: readonly string[] | null = null;
  if (originRaw !== null) {
    const read = readOrigins(originRaw);
    origins = read.origins;
    problems.push(...read.problems);
  }
  const link: LinkState = {
    ...EMPTY_LINK,
    embed: take(q, 'embed', (r) => flag('embed', r)) ?? false,
    origins,
    theme: take(q, 'theme', (r) => oneOf<Theme>('theme', r, ['light', 'dark'], "the reader's preference")),
    motion: take(q, 'motion', (r) => oneOf<MotionSetting>('motion', r, MOTION_SETTINGS, "the reader's preference")),
    editor: take(q, 'editor', (r) => flag('editor', r)) ?? false,
    lesson: take(h, 'lesson', (r) => oneOf<LessonId>('lesson', r, LESSON_IDS, 'no lesson')),
    step: take(h, 'step', readStep),
    mode: take(h, 'mode', (r) => oneOf<Mode>('mode', r, MODES, 'single')) ?? 'single',
    vs: take(h, 'vs', (r) => oneOf<Vs>('vs', r, VS_CHOICES, 'baseline')) ?? 'baseline',
    range: take(h, 'range', readRange),
    procs: take(h, 'procs', readProcs),
    sizeBytes: take(h, 'size', readSize),
    ramBytes: take(h, 'ram', readRam),
  };
  const slide = take(h, 'slide', readSlide);
  const withSlide = slide !== null && link.lesson === null && h.get('lesson') === null ? null : slide;
  if (slide !== null && withSlide === null) problems.push(`The link's slide=${slide} belongs to a lesson, and it names none; ignoring it.`);

  const s = h.get('s');
  let scenario: string | null = null;
  if (s !== null) {
    const decoded = await decodeScenario(s);
    if (decoded.ok) scenario = decoded.text;
    else problems.push(`${decoded.problem} Showing the default scenario instead.`);
  }
  return { link: { ...link, slide: link.lesson === null ? null : withSlide, scenario }, problems };
}
