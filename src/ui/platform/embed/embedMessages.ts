/**
 * The embed API's vocabulary (SPEC 5.2, version 1, a public contract):
 * every message either way is `{ app: "sptlab", v: 1, type, ... }`.
 * Commands come from the host page; events go to `window.parent`.
 */
import type { Mode, Vs } from '../../../protocol/index';
import type { LessonId, Theme } from '../link/linkState';

export const EMBED_APP = 'sptlab';
export const EMBED_VERSION = 1;

export type EmbedCommand =
  | { readonly type: 'load'; readonly scenario?: string; readonly lesson?: LessonId; readonly mode?: Mode; readonly vs?: Vs; readonly step?: number }
  | { readonly type: 'goto'; readonly step: number }
  | { readonly type: 'play'; readonly speed?: number }
  | { readonly type: 'pause' }
  | { readonly type: 'theme'; readonly theme: Theme }
  | { readonly type: 'getState' };

/** One side of the picture in `state`: compare shows two. */
export interface EmbedSide {
  readonly label: string;
  /** The system's page-table bytes (PageTables), each page once. */
  readonly pagetables_bytes: number;
  /** Σ VmPTE over the side's processes. */
  readonly vmpte_bytes: number;
  readonly processes_alive: number;
}

export interface EmbedState {
  /** As in links: 0 before the first command, `steps` after the last. */
  readonly step: number;
  readonly steps: number;
  readonly mode: Mode;
  readonly vs: Vs;
  readonly lesson: LessonId | null;
  readonly slide: number | null;
  readonly slides: number | null;
  readonly playing: boolean;
  readonly speed: number;
  readonly sides: readonly EmbedSide[];
}

export type EmbedEvent =
  | { readonly type: 'ready'; readonly version: number }
  | ({ readonly type: 'state' } & EmbedState)
  | { readonly type: 'height'; readonly height: number }
  | { readonly type: 'error'; readonly message: string };

/** An event as posted: stamped with the app and the version. */
export function stamp(event: EmbedEvent): Record<string, unknown> {
  return { app: EMBED_APP, v: EMBED_VERSION, ...event };
}
