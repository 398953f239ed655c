/**
 * The plain form of a scenario link, `#s=<base64url>&step=N`, written at
 * once (no compression, so no promise) for tools that build links, such as
 * the UI benchmark. The lab itself writes links with link/writeLink, which
 * reads this form too: links of this shape always open.
 */

// Kept free of the app's imports: the benchmark type-checks it without the DOM library.
function toBase64Url(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** The hash (with its `#`) for a scenario at a step, uncompressed. */
export function encodeLink(text: string, step: number): string {
  return `#s=${toBase64Url(new TextEncoder().encode(text))}&step=${Math.max(0, Math.floor(step))}`;
}
