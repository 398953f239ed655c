/**
 * Carries out one checked command from the host page through the store's
 * own actions (the same ones the reader's buttons use). Returns the
 * sentence for an `error` event when the command could not be carried out.
 */
import type { SimStore } from '../../../store/simStore';
import { applyView } from '../link/applyLink';
import { openLesson } from '../link/lessonLink';
import type { Theme } from '../link/linkState';
import type { EmbedCommand } from './embedMessages';

export interface CommandDeps {
  readonly store: SimStore;
  readonly setTheme: (theme: Theme) => void;
  /** Posts `state` now (getState, or a command that changed nothing). */
  readonly postState: () => void;
}

/** What `state` events follow: a command that moves none of these is answered at once. */
export function viewKey(store: SimStore): readonly unknown[] {
  const s = store.getState();
  return [s.loadId, s.step, s.mode, s.vs, s.playing, s.text, s.window];
}

const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.every((x, i) => x === b[i]);

function load(c: Extract<EmbedCommand, { type: 'load' }>, store: SimStore): string | null {
  let problem: string | null = null;
  let lessonOpen = false;
  if (c.lesson !== undefined) {
    const opened = openLesson(store, c.lesson, null);
    problem = opened.problem;
    lessonOpen = opened.shown !== null;
    if (!lessonOpen && c.scenario === undefined) return problem;
  }
  applyView(store, { text: lessonOpen ? undefined : c.scenario, step: c.step, mode: c.mode, vs: c.vs });
  return problem;
}

/** Runs `c`; null when done, else why not. */
export function runCommand(c: EmbedCommand, deps: CommandDeps): string | null {
  const { store } = deps;
  const a = store.getState();
  const before = viewKey(store);
  let problem: string | null = null;
  switch (c.type) {
    case 'load':
      problem = load(c, store);
      break;
    case 'goto':
      a.pause();
      a.goto(c.step);
      break;
    case 'play':
      if (c.speed !== undefined) a.setSpeed(c.speed);
      if (a.total === 0) problem = 'play: there is no scenario to play (it has no steps, or it did not parse).';
      else a.play();
      break;
    case 'pause':
      a.pause();
      break;
    case 'theme':
      deps.setTheme(c.theme);
      return null;
    case 'getState':
      deps.postState();
      return null;
  }
  // Nothing to wait for: answer with the state as it stands, so a host awaiting it is not left hanging.
  if (problem === null && same(viewKey(store), before)) deps.postState();
  return problem;
}
