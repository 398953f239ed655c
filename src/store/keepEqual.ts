/**
 * Structural sharing for what arrives as a structured clone: every part of
 * `next` equal in content to its counterpart in `prev` is replaced by the
 * object already held, so React's identity checks (memo, useMemo, selectors)
 * see that nothing changed there. Array items that carry an `id` or a `key`
 * are matched by it (a table added in front keeps the others matched);
 * other items by position. The result is equal in content to `next`.
 */

type Plain = Record<string, unknown>;

function isPlain(x: unknown): x is Plain {
  if (typeof x !== 'object' || x === null) return false;
  const proto: unknown = Object.getPrototypeOf(x);
  return proto === Object.prototype || proto === null;
}

/** What an array item is known by across two versions, if anything. */
function itemKey(x: unknown): unknown {
  if (!isPlain(x)) return undefined;
  return x.id ?? x.key;
}

function keepArray(prev: readonly unknown[], next: readonly unknown[]): readonly unknown[] {
  const byKey = new Map<unknown, unknown>();
  for (const p of prev) {
    const k = itemKey(p);
    if (k !== undefined) byKey.set(k, p);
  }
  let same = prev.length === next.length;
  const out = next.map((n, i) => {
    const k = itemKey(n);
    const counterpart = k !== undefined ? byKey.get(k) : prev[i];
    const kept = counterpart === undefined ? n : keepEqual(counterpart, n);
    if (kept !== prev[i]) same = false;
    return kept;
  });
  return same ? prev : out;
}

function keepObject(prev: Plain, next: Plain): Plain {
  const keys = Object.keys(next);
  let same = keys.length === Object.keys(prev).length;
  const out: Plain = {};
  for (const k of keys) {
    const kept = k in prev ? keepEqual(prev[k], next[k]) : next[k];
    if (kept !== prev[k] || !(k in prev)) same = false;
    out[k] = kept;
  }
  return same ? prev : out;
}

/** `next`, with every part equal to the one in `prev` taken from `prev` (`prev` itself when all is equal). */
export function keepEqual<T>(prev: T, next: T): T {
  if (Object.is(prev, next)) return prev;
  if (Array.isArray(prev) && Array.isArray(next)) return keepArray(prev, next) as T;
  if (isPlain(prev) && isPlain(next)) return keepObject(prev, next) as T;
  return next;
}
