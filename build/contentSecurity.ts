/**
 * The lab's Content-Security-Policy. Scripts, styles, the worker and requests come
 * only from the lab's own origin: no inline script, no eval. Styles may be inline:
 * the editor (CodeMirror) writes its styles into <style> elements at run time, and a
 * static page cannot hand it a nonce; a style cannot run code. Images may be data: or blob: URLs (the PNG export).
 * `frame-ancestors *` lets any page embed the lab; a meta tag cannot carry it, so it
 * is sent as a header by the preview server, and docs/EMBED.md tells hosts to send it.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
];

/** The policy for a meta tag in the built page. */
export const META_POLICY = DIRECTIVES.join('; ');

/** The policy as a response header, where frame-ancestors counts. */
export const HEADER_POLICY = [...DIRECTIVES, 'frame-ancestors *'].join('; ');
