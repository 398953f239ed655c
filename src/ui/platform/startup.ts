/**
 * What the lab opens on, from the link it was opened with (SPEC 5.1): the
 * link's scenario, else the text the reader last typed, else the default
 * scenario; at the link's step, mode, side and sliders. Each bad part of the
 * link is reported and its default used; typed text a link replaces is set
 * aside and the reader told. An embedded frame never reads or writes the
 * reader's saved work.
 */
import { SEED_SCALE } from '../../store/scaleState';
import type { SimStoreOptions } from '../../store/simStore';
import { DEFAULT_SCENARIO } from './defaultScenario';
import type { ParsedLink } from './link/linkState';
import { BACKUP_KEY, loadText, save } from './storage';
import { heldRun, markerFor } from './runMarker';

/** The store's options for a page opened on `parsed`; `hash` is the raw hash (to tell a refused `s=` from none). */
export function startupOptions(parsed: ParsedLink, hash: string, prefersReduced: boolean): SimStoreOptions {
  const { link } = parsed;
  const notices = [...parsed.problems];
  const saved = link.embed ? null : loadText();
  const refused = link.scenario === null && new URLSearchParams(hash.replace(/^#/, '')).has('s');
  let text = refused ? DEFAULT_SCENARIO : (saved ?? DEFAULT_SCENARIO);
  if (link.scenario !== null) {
    text = link.scenario;
    // Opening a link replaces the editor's text: keep what was typed so it can come back.
    if (saved !== null && saved !== DEFAULT_SCENARIO && saved !== link.scenario) {
      save(BACKUP_KEY, saved);
      notices.push('This link replaced the scenario you had typed; "Restore my text" in the editor brings it back.');
    }
  }
  // The page closed while this very text was running: it waits for the reader instead of running again.
  const marker = link.embed ? null : markerFor(text);
  return {
    text,
    held: marker === null ? null : heldRun(marker),
    step: link.step ?? 0,
    mode: link.mode,
    vs: link.vs,
    scale: { procs: link.procs ?? SEED_SCALE.procs, sizeBytes: link.sizeBytes ?? SEED_SCALE.sizeBytes, ramBytes: link.ramBytes ?? SEED_SCALE.ramBytes },
    motion: link.motion ?? (prefersReduced ? 'reduced' : 'full'),
    notice: notices.length === 0 ? null : notices.join(' '),
  };
}
