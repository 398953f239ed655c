/**
 * What the lab opens on: the scenario and step of a link, else the text the
 * person last typed, else the default lesson. A bad link is reported and the
 * default shown; text typed before is set aside, never overwritten.
 */
import type { SimStoreOptions } from '../../store/simStore';
import { DEFAULT_SCENARIO } from './defaultScenario';
import { decodeLink } from './shareLink';
import { BACKUP_KEY, TEXT_KEY, load, save } from './storage';

export function startupOptions(hash: string): SimStoreOptions {
  const link = decodeLink(hash);
  const saved = load(TEXT_KEY);
  if (link.kind === 'none') return { text: saved ?? DEFAULT_SCENARIO, step: 0 };
  // Opening a link replaces the editor's text: keep what was typed so it can come back.
  if (saved !== null && saved !== DEFAULT_SCENARIO) save(BACKUP_KEY, saved);
  if (link.kind === 'ok') return { text: link.text, step: link.step };
  return { text: DEFAULT_SCENARIO, step: 0, notice: `${link.message} Showing the default scenario instead.` };
}
