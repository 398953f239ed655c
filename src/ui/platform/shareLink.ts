/**
 * Links that reproduce a scenario and a step: `#s=<text>&step=<n>`, the text
 * as base64url of its UTF-8 bytes (safe in any URL, no server needed). A
 * link that does not decode is reported in words; the caller falls back to
 * the default scenario, never crashes.
 */

export type LinkResult =
  | { readonly kind: 'none' }
  | { readonly kind: 'ok'; readonly text: string; readonly step: number }
  | { readonly kind: 'bad'; readonly message: string };

/** Longest scenario text a link may carry (characters of its encoded form). */
export const MAX_LINK_CHARS = 400_000;

function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  try {
    const bin = atob(b64);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** The hash (with its `#`) for a scenario at a step. */
export function encodeLink(text: string, step: number): string {
  return `#s=${toBase64Url(new TextEncoder().encode(text))}&step=${Math.max(0, Math.floor(step))}`;
}

/** Reads a location hash; an empty or unrelated hash is `none`. */
export function decodeLink(hash: string): LinkResult {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const s = params.get('s');
  if (s === null) return { kind: 'none' };
  if (s.length > MAX_LINK_CHARS) return { kind: 'bad', message: 'The link is too long to hold a scenario.' };
  const bytes = fromBase64Url(s);
  if (bytes === null) return { kind: 'bad', message: 'The link is damaged: its scenario is not valid base64url (was it cut short when copied?).' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'bad', message: 'The link is damaged: its scenario is not valid UTF-8 text.' };
  }
  const rawStep = params.get('step') ?? '0';
  if (!/^\d{1,9}$/.test(rawStep)) return { kind: 'bad', message: `The link's step "${rawStep.slice(0, 20)}" is not a step number.` };
  return { kind: 'ok', text, step: Number(rawStep) };
}
