/**
 * Writes a link (SPEC 5.1): the inverse of parseLink. Defaults are left out
 * so links stay short (a lesson link is `#lesson=abc&slide=3`); long
 * scenarios are compressed.
 */
import type { LinkState } from './linkState';
import { writeBytes, writeRange } from './linkValues';
import { encodeScenario } from './scenarioCodec';

const join = (pairs: readonly (readonly [string, string])[]): string =>
  pairs.map(([k, v]) => `${k}=${encodeURIComponent(v).replace(/%2C/g, ',').replace(/%3A/g, ':').replace(/%2F/g, '/')}`).join('&');

/** The query (with `?`, or '' when nothing differs from the defaults): how the frame is configured. */
export function writeQuery(link: LinkState): string {
  const pairs: [string, string][] = [];
  if (link.embed) pairs.push(['embed', '1']);
  if (link.origins !== null) pairs.push(['origin', link.origins.join(',')]);
  if (link.theme !== null) pairs.push(['theme', link.theme]);
  if (link.motion !== null) pairs.push(['motion', link.motion]);
  if (link.editor) pairs.push(['editor', '1']);
  return pairs.length === 0 ? '' : `?${join(pairs)}`;
}

/** The hash (with `#`, or '' for a bare link): what is shown. */
export async function writeHash(link: LinkState): Promise<string> {
  const pairs: [string, string][] = [];
  if (link.lesson !== null) {
    pairs.push(['lesson', link.lesson]);
    if (link.slide !== null) pairs.push(['slide', String(link.slide)]);
  }
  if (link.scenario !== null) pairs.push(['s', await encodeScenario(link.scenario)]);
  if (link.step !== null) pairs.push(['step', String(link.step)]);
  if (link.mode !== 'single') pairs.push(['mode', link.mode]);
  if (link.vs !== 'baseline') pairs.push(['vs', link.vs]);
  if (link.range !== null) pairs.push(['range', writeRange(link.range)]);
  if (link.procs !== null) pairs.push(['procs', String(link.procs)]);
  if (link.sizeBytes !== null) pairs.push(['size', writeBytes(link.sizeBytes)]);
  if (link.ramBytes !== null) pairs.push(['ram', writeBytes(link.ramBytes)]);
  return pairs.length === 0 ? '' : `#${join(pairs)}`;
}

/** Both halves: `?query#hash`. */
export async function writeLink(link: LinkState): Promise<{ readonly search: string; readonly hash: string }> {
  return { search: writeQuery(link), hash: await writeHash(link) };
}
