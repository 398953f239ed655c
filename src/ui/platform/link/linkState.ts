/**
 * What a link says (SPEC 5.1, a public contract): the query configures the
 * frame, the hash holds what is shown. One plain object for every parameter,
 * so parsing and writing can be tested as inverses of each other.
 */
import type { AddressWindow, Mode, Vs } from '../../../protocol/index';
import type { MotionSetting } from '../../../store/simStore';

export type Theme = 'light' | 'dark';

/** The built-in lessons of SPEC 6, by the id links and the embed API use. */
export const LESSON_IDS = [
  'walk',
  'threads',
  'cost',
  'sga-story',
  'map-shared-pt',
  'mprotect',
  'teardown',
  'hugetlb',
  'abc',
  'aslr',
  'memfd',
  'msharefs',
] as const;
export type LessonId = (typeof LESSON_IDS)[number];

export interface LinkState {
  /** query `embed=1`: the compact frame for iframes. */
  readonly embed: boolean;
  /** query `origin=`: the host origins the embed API talks to; null = any. */
  readonly origins: readonly string[] | null;
  /** query `theme=`: overrides the reader's preference. */
  readonly theme: Theme | null;
  /** query `motion=`: overrides prefers-reduced-motion. */
  readonly motion: MotionSetting | null;
  /** query `editor=1`: the embed frame shows the editor too. */
  readonly editor: boolean;
  /** hash `s`: the scenario text. */
  readonly scenario: string | null;
  readonly lesson: LessonId | null;
  /** 1-based; only with a lesson. */
  readonly slide: number | null;
  /** 0 is before the first command; clamped to the scenario's steps when applied. */
  readonly step: number | null;
  readonly mode: Mode;
  readonly vs: Vs;
  readonly range: AddressWindow | null;
  /** The scale explorer's sliders; null leaves the slider where it was. */
  readonly procs: number | null;
  readonly sizeBytes: number | null;
  readonly ramBytes: number | null;
}

/** A link as read: every good part, and one sentence for each bad one (its default was used). */
export interface ParsedLink {
  readonly link: LinkState;
  readonly problems: readonly string[];
}

/** The link of a bare address: nothing asked for, every default. */
export const EMPTY_LINK: LinkState = {
  embed: false,
  origins: null,
  theme: null,
  motion: null,
  editor: false,
  scenario: null,
  lesson: null,
  slide: null,
  step: null,
  mode: 'single',
  vs: 'baseline',
  range: null,
  procs: null,
  sizeBytes: null,
  ramBytes: null,
};

/** Scenarios longer than this (UTF-8 bytes) are compressed before base64url. */
export const COMPRESS_ABOVE = 1024;
/** Longest `s=` value read (characters), and longest text a compressed one may expand to (bytes). */
export const MAX_ENCODED_CHARS = 400_000;
export const MAX_TEXT_BYTES = 4_000_000;
/** The mark of a compressed scenario: `.` is not base64url, so no link written before starts so. */
export const COMPRESSED_MARK = 'z.';

/** A value as it may appear in a sentence: quoted, and cut short when long. */
export function shown(value: string): string {
  return JSON.stringify(value.length > 24 ? `${value.slice(0, 24)}…` : value);
}
