/**
 * Bracket expansion of task names, so one line can speak for many tasks:
 * `db[2-4]` → db2 db3 db4, `db[1,3,5]`, `db[01-03]` (zero padding kept),
 * `db[1-2,5]`. The seed's own scenario has 1500 processes; `process db[1-1500]`.
 */
import { excerpt, quoted } from './errors';

/** At most this many names from one line, so a typo cannot exhaust memory. */
export const MAX_EXPANSION = 100_000;

export type Expansion = { readonly ok: true; readonly names: string[] } | { readonly ok: false; readonly message: string };

interface Piece {
  readonly from: number;
  readonly to: number;
  /** Zero-padded width, or 0 for none. */
  readonly width: number;
}

const ITEM = /^([0-9]+)(?:-([0-9]+))?$/;

function padded(digits: string): boolean {
  return digits.length > 1 && digits.startsWith('0');
}

function readItem(item: string, text: string): Piece | string {
  const m = ITEM.exec(item);
  if (m === null) return `bad bracket item ${quoted(item)} in ${quoted(text)}: expected N or N-M`;
  const a = m[1] ?? '';
  const b = m[2] ?? a;
  if (a.length > 15 || b.length > 15) return `bracket number too large in ${quoted(text)}`;
  const from = Number(a);
  const to = Number(b);
  if (from > to) return `bad range [${excerpt(item)}] in ${quoted(text)}: the start is above the end`;
  const width = padded(a) || padded(b) ? Math.max(a.length, b.length) : 0;
  return { from, to, width };
}

/** Expands the one `[...]` group of a word; a word without brackets is itself. */
export function expandBrackets(text: string): Expansion {
  const open = text.indexOf('[');
  if (open < 0) {
    return text.includes(']') ? { ok: false, message: `unmatched ']' in ${quoted(text)}` } : { ok: true, names: [text] };
  }
  const prefix = text.slice(0, open);
  if (prefix.includes(']')) return { ok: false, message: `unmatched ']' in ${quoted(text)}` };
  const close = text.indexOf(']', open);
  if (close < 0) return { ok: false, message: `unclosed '[' in ${quoted(text)}` };
  const body = text.slice(open + 1, close);
  const suffix = text.slice(close + 1);
  if (/[[\]]/.test(suffix)) return { ok: false, message: `only one [...] group is allowed in ${quoted(text)}` };
  if (body === '') return { ok: false, message: `empty brackets in ${quoted(text)}` };
  const pieces: Piece[] = [];
  let count = 0;
  for (const item of body.split(',')) {
    const piece = readItem(item, text);
    if (typeof piece === 'string') return { ok: false, message: piece };
    pieces.push(piece);
    count += piece.to - piece.from + 1;
  }
  if (count > MAX_EXPANSION) {
    return { ok: false, message: `${quoted(text)} expands to ${count} names; at most ${MAX_EXPANSION} per line` };
  }
  const names: string[] = [];
  for (const { from, to, width } of pieces) {
    for (let i = from; i <= to; i++) names.push(prefix + String(i).padStart(width, '0') + suffix);
  }
  return { ok: true, names };
}
