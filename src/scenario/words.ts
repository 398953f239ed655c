/**
 * The words of the scenario language: keywords, names, PROT, FLAGS, advice and
 * access. Kept apart from the parser so the printer writes exactly what the
 * parser reads.
 */
import type { Access, Advice, MmapFlags, Prot } from '../sim/commands';
import { quoted } from './errors';

/** Commands that start a line; a task with one of these names would be ambiguous. */
export const DECLARATIONS = ['machine', 'file', 'memfd', 'process', 'thread', 'fork', 'mshare', 'unlink'] as const;
export type Declaration = (typeof DECLARATIONS)[number];

/** What a task does: the second word of `TASK VERB ...`. */
export const VERBS = ['mmap', 'touch', 'mprotect', 'madvise', 'munmap', 'exit'] as const;
export type Verb = (typeof VERBS)[number];

/** What an msharefs region does: `NAME map ...` and `NAME unmap ...` (SPEC 2). */
export const REGION_VERBS = ['map', 'unmap'] as const;

export const ADVICES: readonly Advice[] = ['dontneed', 'hugepage', 'nohugepage'];
export const ACCESSES: readonly Access[] = ['read', 'write'];

/** The mmap ADDR that asks the kernel to choose; so no mapping may be named `auto`. */
export const AUTO = 'auto';

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

export function isName(text: string): boolean {
  return NAME.test(text);
}

export function isDeclaration(text: string): text is Declaration {
  return (DECLARATIONS as readonly string[]).includes(text);
}

export function isVerb(text: string): text is Verb {
  return (VERBS as readonly string[]).includes(text);
}

/** A task name may be any name but a line-starting keyword. */
export function isTaskName(text: string): boolean {
  return isName(text) && !isDeclaration(text);
}

/** A mapping name (`as=NAME`) may be any name but `auto`. */
export function isMappingName(text: string): boolean {
  return isName(text) && text !== AUTO;
}

/** Reads PROT: `none`, or r, w, x each at most once in any order; a message when malformed. */
export function readProt(text: string): Prot | string {
  if (text === 'none') return { read: false, write: false, exec: false };
  const bad = `bad protection ${quoted(text)}: expected r, w, x (each at most once) or none`;
  if (!/^[rwx]{1,3}$/.test(text) || new Set(text).size !== text.length) return bad;
  return { read: text.includes('r'), write: text.includes('w'), exec: text.includes('x') };
}

/** The words of FLAGS, for the editor's highlighting and completion as for the parser. */
export const FLAG_WORDS = ['shared', 'private', 'shared_pt', 'fixed'] as const;

const FLAG_NAMES: readonly (readonly [(typeof FLAG_WORDS)[number], keyof MmapFlags])[] = [
  ['shared', 'shared'],
  ['private', 'private'],
  ['shared_pt', 'sharedPt'],
  ['fixed', 'fixed'],
];

/** A FLAGS problem and its offset inside the token, so the error points at the item. */
export interface FlagError {
  readonly offset: number;
  readonly message: string;
}

/**
 * Reads FLAGS: a comma list of shared, private, shared_pt, fixed without
 * repeats, or `none` for the empty set. Whether shared and private agree is
 * the kernel's question (EINVAL at run time), not the parser's.
 */
export function readFlags(text: string): MmapFlags | FlagError {
  const flags = { shared: false, private: false, sharedPt: false, fixed: false };
  if (text === 'none') return flags;
  let offset = 0;
  for (const item of text.split(',')) {
    const key = FLAG_NAMES.find(([word]) => word === item)?.[1];
    if (key === undefined) {
      const what = item === '' ? 'empty flag' : `unknown flag ${quoted(item)}`;
      return { offset, message: `${what}: expected a comma list of shared, private, shared_pt, fixed` };
    }
    if (flags[key]) return { offset, message: `duplicate flag ${quoted(item)}` };
    flags[key] = true;
    offset += item.length + 1;
  }
  return flags;
}

/** FLAGS as the printer writes them, in a fixed order. */
export function flagsText(flags: MmapFlags): string {
  const words = FLAG_NAMES.filter(([, key]) => flags[key]).map(([word]) => word);
  return words.length === 0 ? 'none' : words.join(',');
}

/** Edit distance, for "did you mean" hints on mistyped keywords. */
export function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost));
    }
    prev = row;
  }
  return prev[b.length] ?? 0;
}

/** The keyword a mistyped word was probably meant to be, if one is close. */
export function closestKeyword(word: string): string | null {
  if (word.length > 20) return null;
  let best: string | null = null;
  let bestDistance = 3;
  for (const k of [...DECLARATIONS, ...VERBS]) {
    const d = distance(word, k);
    if (d < bestDistance && 2 * d <= word.length) [best, bestDistance] = [k, d];
  }
  return best;
}
