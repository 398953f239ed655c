/**
 * The frame's side of the embed API (SPEC 5.2): listens for the host page's
 * commands, posts `ready` once it can take them (its first scenario loaded), `state` after every change
 * of step, mode, lesson or playback once the new step is drawn (the
 * playback clock says when), `height` whenever the content's height changes
 * (also as `{ context: "iframe.resize", height }` for hosts that speak that
 * convention) and `error` for what it could not do. `origin=` limits both
 * directions.
 */
import { useEffect, useRef, type RefObject } from 'react';
import { useSimStore } from '../../common/SimProvider';
import { useClock } from '../../motion/MotionProvider';
import { lessonOnScreen } from '../link/lessonLink';
import { setThemeOverride } from '../useTheme';
import { EMBED_VERSION, stamp, type EmbedEvent } from './embedMessages';
import { embedState, sidesDrawn } from './embedState';
import { handleMessage } from './handleMessage';
import { parentOrigin, postTargets } from './origins';
import { runCommand } from './runCommand';

/** Speaks the embed API for the frame whose content is `content`; `allowed` is the link's origin list (null: any). */
export function useEmbedApi(content: RefObject<HTMLElement | null>, allowed: readonly string[] | null): void {
  const store = useSimStore();
  const clock = useClock();
  // Kept across a remount of the effect, so `ready` goes out once and no state twice.
  const sent = useRef({ ready: false, state: '' });
  useEffect(() => {
    const parent = window.parent;
    if (parent === window) return; // not in a frame: nobody to talk to
    let host = parentOrigin(window.location, document.referrer);
    const send = (message: Record<string, unknown>): void => {
      for (const target of postTargets(allowed, host)) parent.postMessage(message, target);
    };
    const post = (event: EmbedEvent): void => send(stamp(event));
    const postState = (): void => post({ type: 'state', ...embedState(store.getState(), lessonOnScreen(store)) });

    // state: once per change of what is shown, when it is drawn and at rest.
    const check = (): void => {
      const s = store.getState();
      // Ready once the scenario it opened on is known (its steps counted), so a first goto is not clamped to 0.
      if (!sent.current.ready && (s.loadId > 0 || s.status === 'parse-error' || s.status === 'failed')) {
        sent.current.ready = true;
        post({ type: 'ready', version: EMBED_VERSION });
      }
      const c = clock.getState();
      const drawn = sidesDrawn(s) && (s.mode === 'scale' || (!c.busy && c.key === `${s.loadId}:${s.step}`));
      const key = `${s.loadId}:${s.step}:${s.mode}:${s.vs}:${s.playing}:${lessonOnScreen(store)?.slide ?? ''}`;
      if (!drawn || key === sent.current.state) return;
      sent.current.state = key;
      postState();
    };
    const unStore = store.subscribe((s, p) => {
      if (s.parseError !== null && s.parseError !== p.parseError) post({ type: 'error', message: `The scenario does not parse: line ${s.parseError.line}, column ${s.parseError.column}: ${s.parseError.message}` });
      check();
    });
    const unClock = clock.subscribe(check);

    const onMessage = (e: MessageEvent): void => {
      if (e.source !== parent) return;
      const handled = handleMessage(e.data, e.origin, {
        allowed,
        run: (command) => runCommand(command, { store, setTheme: setThemeOverride, postState }),
        reply: post,
      });
      if (handled !== 'ignored') host = e.origin; // it spoke our API from an allowed origin: answer there only
    };
    window.addEventListener('message', onMessage);

    // height: the content's own height, not the frame's, so the host can shrink it too.
    let height = -1;
    const measure = (): void => {
      const el = content.current;
      if (el === null) return;
      const h = Math.ceil(el.getBoundingClientRect().height);
      if (h === height) return;
      height = h;
      post({ type: 'height', height: h });
      send({ context: 'iframe.resize', height: h });
    };
    const ro = typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(measure);
    if (content.current !== null) ro?.observe(content.current);
    measure();
    check();
    return () => {
      unStore();
      unClock();
      ro?.disconnect();
      window.removeEventListener('message', onMessage);
    };
  }, [store, clock, content, allowed]);
}
