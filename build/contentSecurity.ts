/**
 * The lab's Content-Security-Policy. Scripts, styles, the worker and requests come
 * only from the lab's own origin: no inline script, no eval. Inline style
 * *attributes* are never parsed from markup; React and D3 set styles through the
 * CSSOM, which the policy allows. Images may be data: or blob: URLs (the PNG export).
 * `frame-ancestors *` lets any page embed the lab; a meta tag cannot carry it, so it
 * is sent as a header by the preview server, and docs/EMBED.md tells hosts to send it.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "worker-src 'self'",
  "style-src 'self'",
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
