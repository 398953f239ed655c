/**
 * Checks a message from the host page before anything acts on it. Whatever
 * is not `app: "sptlab"` is ignored (other scripts share the channel); a
 * malformed sptlab message is refused with a sentence naming what is wrong,
 * which the frame posts back as `error`. Never throws.
 */
import { MODES, VS_CHOICES } from '../../../protocol/index';
import { SPEEDS } from '../../../store/simStore';
import { LESSON_IDS } from '../link/linkState';
import { EMBED_APP, EMBED_VERSION, type EmbedCommand } from './embedMessages';

export type ReadCommand =
  | { readonly kind: 'ignore' }
  | { readonly kind: 'bad'; readonly message: string }
  | { readonly kind: 'ok'; readonly command: EmbedCommand };

/** Longest scenario text `load` takes (characters). */
export const MAX_SCENARIO_CHARS = 2_000_000;

const isRecord = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const isStep = (x: unknown): x is number => typeof x === 'number' && Number.isSafeInteger(x) && x >= 0;
const has = (r: Record<string, unknown>, k: string): boolean => Object.prototype.hasOwnProperty.call(r, k) && r[k] !== undefined;
const among = (x: unknown, xs: readonly unknown[]): boolean => xs.includes(x);

function bad(message: string): ReadCommand {
  return { kind: 'bad', message };
}

/** What the host page's message asks for, or why it cannot be done. */
export function readCommand(data: unknown): ReadCommand {
  try {
    if (!isRecord(data) || data.app !== EMBED_APP) return { kind: 'ignore' };
    if (data.v !== EMBED_VERSION) return bad(`This frame speaks version ${EMBED_VERSION} of the embed API; the message has v=${JSON.stringify(data.v) ?? 'undefined'}.`);
    const type = data.type;
    switch (type) {
      case 'load': {
        if (has(data, 'scenario') && typeof data.scenario !== 'string') return bad('load: scenario must be the text of a scenario (a string).');
        if (typeof data.scenario === 'string' && data.scenario.length > MAX_SCENARIO_CHARS)
          return bad(`load: scenario is ${data.scenario.length.toLocaleString('en-US')} characters, over the limit of ${MAX_SCENARIO_CHARS.toLocaleString('en-US')}.`);
        if (has(data, 'lesson') && !among(data.lesson, LESSON_IDS)) return bad(`load: lesson must be one of ${LESSON_IDS.join(', ')}.`);
        if (has(data, 'mode') && !among(data.mode, MODES)) return bad(`load: mode must be one of ${MODES.join(', ')}.`);
        if (has(data, 'vs') && !among(data.vs, VS_CHOICES)) return bad(`load: vs must be one of ${VS_CHOICES.join(', ')}.`);
        if (has(data, 'step') && !isStep(data.step)) return bad('load: step must be a whole number, 0 or more.');
        const command: Record<string, unknown> = { type };
        for (const k of ['scenario', 'lesson', 'mode', 'vs', 'step']) if (has(data, k)) command[k] = data[k];
        return { kind: 'ok', command: command as EmbedCommand };
      }
      case 'goto':
        return isStep(data.step) ? { kind: 'ok', command: { type, step: data.step } } : bad('goto: step must be a whole number, 0 or more.');
      case 'play':
        if (!has(data, 'speed')) return { kind: 'ok', command: { type } };
        return among(data.speed, SPEEDS) ? { kind: 'ok', command: { type, speed: data.speed as number } } : bad(`play: speed must be one of ${SPEEDS.join(', ')}.`);
      case 'pause':
      case 'getState':
        return { kind: 'ok', command: { type } };
      case 'theme':
        return data.theme === 'light' || data.theme === 'dark' ? { kind: 'ok', command: { type, theme: data.theme } } : bad('theme: theme must be "light" or "dark".');
      default:
        return bad(`Unknown command type ${JSON.stringify(type)?.slice(0, 40) ?? 'undefined'}; the commands are load, goto, play, pause, theme, getState.`);
    }
  } catch {
    // A hostile object (a throwing getter, a proxy): refuse it, never break the frame.
    return bad('The message could not be read.');
  }
}
