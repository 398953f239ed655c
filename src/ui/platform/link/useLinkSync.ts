/**
 * Keeps the address bar a link to the view (SPEC 5.1): once the reader acts
 * (a click, a key, typing), every change of scenario, step, mode, side,
 * range or sliders is written with replaceState, so a link the reader was
 * sent is never rewritten before they touch anything. A `hashchange` (a new
 * link opened in this tab) shows the new link in place.
 */
import { useEffect, useRef } from 'react';
import { useSimStore } from '../../common/SimProvider';
import type { SimStore } from '../../../store/simStore';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { BACKUP_KEY, save } from '../storage';
import { applyView } from './applyLink';
import { linkOfView } from './currentLink';
import { lessonOnScreen, openLesson } from './lessonLink';
import type { ParsedLink } from './linkState';
import { parseLink } from './parseLink';
import { writeHash } from './writeLink';

const ACTS = ['pointerdown', 'keydown', 'input'] as const;

/** Opens a link's lesson (when it has one) and its view; the reader is told what could not be opened. */
export function showLink(store: SimStore, parsed: ParsedLink, hash: string): void {
  const { link } = parsed;
  const problems = [...parsed.problems];
  let lessonOpen = false;
  if (link.lesson !== null) {
    const opened = openLesson(store, link.lesson, link.slide);
    if (opened.problem !== null) problems.push(opened.problem);
    lessonOpen = opened.shown !== null;
  }
  const { text: typed, loadedText } = store.getState();
  if (link.scenario !== null && !lessonOpen && typed !== loadedText && typed !== link.scenario && typed !== DEFAULT_SCENARIO) {
    // Text typed but not run would be replaced: set it aside, as a link opened at startup does.
    save(BACKUP_KEY, typed);
    problems.push('This link replaced the scenario you had typed; "Restore my text" in the editor brings it back.');
  }
  const scale = store.getState().scale.input;
  // A scenario that does not decode gives way to the default one; no `s=` keeps the scenario on screen.
  const refused = link.scenario === null && new URLSearchParams(hash.replace(/^#/, '')).has('s');
  applyView(store, {
    text: lessonOpen ? undefined : (link.scenario ?? (refused ? DEFAULT_SCENARIO : undefined)),
    step: link.step ?? 0,
    mode: link.mode,
    vs: link.vs,
    range: link.range,
    scale: { procs: link.procs ?? scale.procs, sizeBytes: link.sizeBytes ?? scale.sizeBytes, ramBytes: link.ramBytes ?? scale.ramBytes },
  });
  store.getState().setNotice(problems.length === 0 ? null : problems.join(' '));
}

/** Follows the view in the address bar and opens links that arrive by `hashchange`. `opened` is the link the page started from. */
export function useLinkSync(opened: ParsedLink): void {
  const store = useSimStore();
  const started = useRef(false);
  useEffect(() => {
    // The link's range and lesson, once, before the store's first load when it can be.
    if (!started.current && opened.link.range !== null) store.getState().setWindow(opened.link.range);
    if (!started.current && opened.link.lesson !== null) {
      const { problem } = openLesson(store, opened.link.lesson, opened.link.slide);
      if (problem !== null) store.getState().setNotice([store.getState().notice, problem].filter((n) => n !== null).join(' '));
    }
    started.current = true;
    let acted = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let writes = 0;
    const write = (): void => {
      if (!acted) return;
      clearTimeout(timer);
      timer = setTimeout(() => {
        const mine = ++writes;
        void writeHash(linkOfView(store.getState(), lessonOnScreen(store))).then((hash) => {
          if (mine !== writes || !acted || hash === window.location.hash) return;
          window.history.replaceState(window.history.state, '', `${window.location.pathname}${window.location.search}${hash}`);
        });
      }, 200);
    };
    const act = (): void => {
      acted = true;
      write();
    };
    const unsubscribe = store.subscribe((s, p) => {
      if (s.loadedText !== p.loadedText || s.step !== p.step || s.loadId !== p.loadId || s.mode !== p.mode || s.vs !== p.vs || s.window !== p.window || s.scale.input !== p.scale.input || s.lesson !== p.lesson) write();
    });
    const onHash = (): void => {
      const hash = window.location.hash;
      acted = false; // the new link is what the reader was sent now
      writes++;
      void parseLink(window.location.search, hash).then((parsed) => showLink(store, parsed, hash));
    };
    for (const a of ACTS) document.addEventListener(a, act, true);
    window.addEventListener('hashchange', onHash);
    return () => {
      unsubscribe();
      clearTimeout(timer);
      for (const a of ACTS) document.removeEventListener(a, act, true);
      window.removeEventListener('hashchange', onHash);
    };
  }, [store, opened]);
}

/** The hook as an element, for the page's entry to mount beside the lab. */
export function LinkSync({ opened }: { opened: ParsedLink }): null {
  useLinkSync(opened);
  return null;
}
