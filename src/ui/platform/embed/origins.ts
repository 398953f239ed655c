/**
 * Who the embed API talks to (SPEC 5.2 with the link's `origin=`): with a
 * list, commands are taken only from those origins and events posted only to
 * them; without one, from and to any page that embeds the frame.
 */

/** Whether a command from `origin` may be carried out. */
export function acceptsFrom(origin: string, allowed: readonly string[] | null): boolean {
  return allowed === null || allowed.includes(origin);
}

/**
 * The target origins to post events to. `host` is the embedding page's
 * origin when known (a command came from it, or the browser says who the
 * parent is); posting only there keeps the browser from refusing the others.
 */
export function postTargets(allowed: readonly string[] | null, host: string | null): readonly string[] {
  if (allowed === null) return [host ?? '*'];
  if (host === null) return allowed;
  return allowed.includes(host) ? [host] : [];
}

/** The embedding page's origin as the browser reports it (ancestorOrigins, else the referrer), or null. */
export function parentOrigin(loc: { ancestorOrigins?: DOMStringList }, referrer: string): string | null {
  const first = loc.ancestorOrigins?.[0];
  if (first !== undefined && first !== 'null') return first;
  try {
    return referrer === '' ? null : new URL(referrer).origin;
  } catch {
    return null;
  }
}
