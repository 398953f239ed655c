/**
 * The template language of slide texts: `{name args * N|format}` stands for a
 * value the engine computes, so narration and diagram cannot disagree.
 * Parsing never throws: an unknown name, a wrong argument or a bad format is
 * an error with its position, which resolve.ts lists as a lesson problem.
 */
import { formatBytes, LEVELS, type Level } from '../sim/geometry';
import type { Value } from './types';

/** Each name with the arguments it takes (see docs/LESSONS.md for their meaning). */
export const TEMPLATE_NAMES = {
  pgtables_bytes: ['TASK'],
  pagetables_bytes: [],
  host_pgtables_bytes: ['FILE'],
  refcount: ['FILE'],
  rss_pages: ['TASK'],
  tables: ['LEVEL', 'MM'],
  shared: ['TASK', 'ADDR'],
  access: ['TASK', 'ADDR'],
  alive: [],
  oom_killed: [],
  errno: ['LINE'],
  file_bytes: [],
  ram_bytes: [],
  vmpte_bytes: [],
  pte_bytes: [],
  max_pgtables: [],
} as const satisfies Record<string, readonly string[]>;

export type TemplateName = keyof typeof TEMPLATE_NAMES;
export type Format = 'bytes' | 'exact' | 'count';
const FORMATS: readonly Format[] = ['bytes', 'exact', 'count'];

/** One `{...}`: what to ask the engine, a whole-number factor, and how to print it. */
export interface Expr {
  readonly name: TemplateName;
  readonly args: readonly string[];
  /** Multipliers: whole numbers, or names of templates without arguments (`* alive`). */
  readonly factors: readonly (number | TemplateName)[];
  readonly format: Format | null;
  /** The template as written, braces included, for messages. */
  readonly source: string;
}

export type Part = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'expr'; readonly expr: Expr };

export type TemplateResult =
  | { readonly ok: true; readonly parts: readonly Part[] }
  | { readonly ok: false; readonly error: string };

/** Splits a text into plain parts and templates; the first malformed template is the error. */
export function parseTemplate(text: string): TemplateResult {
  const parts: Part[] = [];
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    const close = text.indexOf('}', at);
    if (close !== -1 && (open === -1 || close < open)) return { ok: false, error: `column ${close + 1}: '}' without '{'` };
    if (open === -1) break;
    if (open > at) parts.push({ kind: 'text', text: text.slice(at, open) });
    const end = text.indexOf('}', open);
    const nested = text.indexOf('{', open + 1);
    if (end === -1 || (nested !== -1 && nested < end)) return { ok: false, error: `column ${open + 1}: '{' is never closed` };
    const expr = parseExpr(text.slice(open, end + 1));
    if (typeof expr === 'string') return { ok: false, error: `column ${open + 1}: ${expr}` };
    parts.push({ kind: 'expr', expr });
    at = end + 1;
  }
  if (at < text.length) parts.push({ kind: 'text', text: text.slice(at) });
  return { ok: true, parts };
}

/** One template `{...}` (braces included) or the reason it is malformed. */
export function parseExpr(source: string): Expr | string {
  const body = source.slice(1, -1);
  const [main = '', format, ...extra] = body.split('|').map((s) => s.trim());
  if (extra.length > 0) return `${source}: one '|format' at most`;
  if (format !== undefined && !(FORMATS as readonly string[]).includes(format)) {
    return `${source}: unknown format '|${format}' (expected one of ${FORMATS.map((f) => '|' + f).join(', ')})`;
  }
  const [words = [], ...factors] = main.split('*').map((s) => s.trim().split(/\s+/).filter((w) => w !== ''));
  const [name = '', ...args] = words;
  if (name === '') return `${source}: empty template`;
  if (!(name in TEMPLATE_NAMES)) return `${source}: unknown template '${name}' (expected one of ${Object.keys(TEMPLATE_NAMES).join(', ')})`;
  const wanted: readonly string[] = TEMPLATE_NAMES[name as TemplateName];
  if (args.length !== wanted.length) {
    const usage = ['{' + name, ...wanted].join(' ') + '}';
    return `${source}: '${name}' takes ${wanted.length} argument${wanted.length === 1 ? '' : 's'} (${usage})`;
  }
  const bad = checkArgs(wanted, args);
  if (bad !== null) return `${source}: ${bad}`;
  const times: (number | TemplateName)[] = [];
  for (const f of factors) {
    const word = f[0] ?? '';
    if (f.length === 1 && /^\d+$/.test(word)) times.push(Number(word));
    else if (f.length === 1 && word in TEMPLATE_NAMES && TEMPLATE_NAMES[word as TemplateName].length === 0) times.push(word as TemplateName);
    else return `${source}: '*' takes a whole number or a template without arguments`;
  }
  return { name: name as TemplateName, args, factors: times, format: (format as Format | undefined) ?? null, source };
}

function checkArgs(wanted: readonly string[], args: readonly string[]): string | null {
  for (let i = 0; i < wanted.length; i++) {
    const kind = wanted[i];
    const arg = args[i] ?? '';
    if (kind === 'LEVEL' && !(LEVELS as readonly string[]).includes(arg)) return `'${arg}' is not a level (${LEVELS.join(', ')})`;
    if (kind === 'ADDR' && parseAddress(arg) === null) return `'${arg}' is not an address (hex 0x... or decimal)`;
    if (kind === 'LINE' && !/^[1-9]\d*$/.test(arg)) return `'${arg}' is not a line number`;
  }
  return null;
}

/** An explicit address as scenarios write it (hex or decimal, `_` allowed); null if not one. */
export function parseAddress(text: string): number | null {
  const t = text.replace(/_/g, '');
  if (!/^(0x[0-9a-fA-F]+|\d+)$/.test(t)) return null;
  const n = Number(t);
  return Number.isSafeInteger(n) ? n : null;
}

export function isLevel(text: string): text is Level {
  return (LEVELS as readonly string[]).includes(text);
}

/** A value as text: numbers with thousands separators unless a format says otherwise. */
export function formatValue(value: Value, format: Format | null): string | { error: string } {
  if (typeof value === 'string') return format === null ? value : { error: `'|${format}' needs a number, got '${value}'` };
  switch (format) {
    case 'bytes':
      return formatBytes(value);
    case 'exact':
      return `${groupDigits(value)} bytes`;
    case 'count':
    case null:
      return groupDigits(value);
  }
}

/** 16000 → "16,000": numbers read aloud in a classroom need their separators. */
export function groupDigits(n: number): string {
  return n.toLocaleString('en-US', { maximumFractionDigits: 2 });
}
