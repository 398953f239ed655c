/**
 * A scenario's text in a link: base64url of its UTF-8 bytes, safe in any URL
 * and needing no server. Long texts are deflated first (the browser's
 * CompressionStream) and marked `z.`, so every link written before the
 * compression existed still opens as it did.
 */
import { COMPRESS_ABOVE, COMPRESSED_MARK, MAX_ENCODED_CHARS, MAX_TEXT_BYTES } from './linkState';

export function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

export function fromBase64Url(text: string): Uint8Array<ArrayBuffer> | null {
  if (!/^[A-Za-z0-9_-]*$/.test(text) || text.length % 4 === 1) return null;
  const b64 = text.replace(/-/g, '+').replace(/_/g, '/') + '==='.slice((text.length + 3) % 4);
  try {
    return Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** Runs bytes through a (de)compression stream, giving up past `limit` bytes out (a hostile link cannot fill memory). */
async function pipe(bytes: Uint8Array<ArrayBuffer>, stream: CompressionStream | DecompressionStream, limit: number): Promise<Uint8Array<ArrayBuffer> | null> {
  const writer = stream.writable.getWriter();
  writer.write(bytes).catch(() => undefined);
  writer.close().catch(() => undefined);
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.length;
      if (size > limit) {
        await reader.cancel().catch(() => undefined);
        return null;
      }
      chunks.push(value);
    }
  } catch {
    return null;
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/** The `s=` value for a scenario: plain base64url when short, `z.` + deflated base64url when that is shorter. */
export async function encodeScenario(text: string): Promise<string> {
  const bytes = new TextEncoder().encode(text);
  const plain = toBase64Url(bytes);
  if (bytes.length <= COMPRESS_ABOVE || typeof CompressionStream === 'undefined') return plain;
  const packed = await pipe(bytes, new CompressionStream('deflate'), Number.POSITIVE_INFINITY);
  if (packed === null) return plain;
  const marked = COMPRESSED_MARK + toBase64Url(packed);
  return marked.length < plain.length ? marked : plain;
}

export type Decoded = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly problem: string };

/** Reads an `s=` value, compressed or not; never throws, says in words what is wrong. */
export async function decodeScenario(value: string): Promise<Decoded> {
  if (value.length > MAX_ENCODED_CHARS) {
    const n = (x: number): string => x.toLocaleString('en-US');
    return { ok: false, problem: `The link is too long to hold a scenario: its s= is ${n(value.length)} characters, over the ${n(MAX_ENCODED_CHARS)} a link may carry.` };
  }
  const packed = value.startsWith(COMPRESSED_MARK);
  let bytes: Uint8Array<ArrayBuffer> | null = fromBase64Url(packed ? value.slice(COMPRESSED_MARK.length) : value);
  if (bytes === null) return { ok: false, problem: 'The link is damaged: its scenario is not valid base64url (was it cut short when copied?).' };
  if (packed) {
    if (typeof DecompressionStream === 'undefined') return { ok: false, problem: 'This browser cannot open compressed links (no DecompressionStream).' };
    bytes = await pipe(bytes, new DecompressionStream('deflate'), MAX_TEXT_BYTES);
    if (bytes === null) return { ok: false, problem: 'The link is damaged: its compressed scenario does not unpack (was it cut short when copied?).' };
  }
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { ok: false, problem: 'The link is damaged: its scenario is not valid UTF-8 text.' };
  }
}
