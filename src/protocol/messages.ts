/**
 * The one protocol between the page and the simulation worker (ARCHITECTURE
 * habit 4): a discriminated union for each direction, a version number both
 * sides stamp on every message, and the snapshot a screen is drawn from.
 * Types only, plus the tiny guards in guards.ts; the engine's view types are
 * reused so the worker never invents a second vocabulary.
 */
import type { Level, Vaddr } from '../sim/geometry';
import type { MmId, TraceEvent } from '../sim/events';
import type { FileView, TableView, VmaView } from '../sim/view';
import type { ScaleCancel, ScaleDoneMessage, ScalePointsMessage, ScaleRejectedMessage, ScaleRequest } from './scale';
import type { ResolvedLesson } from '../lessons/types';

/** A lesson as the worker fills it in, for the page (the lessons' own types, read-only data). */
export type { ResolvedLesson, ResolvedQuestion, ResolvedSlide } from '../lessons/types';

/** Bumped whenever a message's shape changes; a mismatch is reported, never guessed at. */
export const PROTOCOL_VERSION = 1;

/** What the lab shows: one run, the same scenario with and without sharing, or the scale explorer. */
export type Mode = 'single' | 'compare' | 'scale';
export const MODES: readonly Mode[] = ['single', 'compare', 'scale'];

/** Compare's other side: the text without `shared_pt`, or with hugetlb PMD sharing instead. */
export type Vs = 'baseline' | 'hugetlb';
export const VS_CHOICES: readonly Vs[] = ['baseline', 'hugetlb'];

/** Which run of the session a snapshot shows: the scenario as written, or compare's other side. */
export type Side = 'main' | 'other';

/** The address window in view, [lo, hi). */
export interface AddressWindow {
  readonly lo: Vaddr;
  readonly hi: Vaddr;
}

/** Page → worker. `window: null` asks the worker to choose one from the scenario. */
export type ToWorker =
  /** `limit`: run only the first `limit` commands (reopening after a failure, up to the last good step). */
  | { readonly v: number; readonly type: 'load'; readonly text: string; readonly step: number | 'last'; readonly mode: Mode; readonly vs?: Vs; readonly window: AddressWindow | null; readonly limit?: number }
  /** Are you there? Answered by `pong` between two chunks of work (the page's watchdog). */
  | { readonly v: number; readonly type: 'ping'; readonly n: number }
  | { readonly v: number; readonly type: 'goto'; readonly step: number }
  | { readonly v: number; readonly type: 'window'; readonly window: AddressWindow | null }
  | ScaleRequest
  | ScaleCancel
  /** Fill in a built-in lesson's numbers by running its scenario (seconds for the big ones). */
  | { readonly v: number; readonly type: 'lesson'; readonly id: string };

/** What a step was about, for the scrubber's markers (index = the byte stored per step). */
export const STEP_KINDS = ['setup', 'mmap', 'touch', 'fault', 'mprotect', 'madvise', 'munmap', 'exit', 'oom', 'error'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Worker → page. */
export type FromWorker =
  | { readonly v: number; readonly type: 'ready' }
  | { readonly v: number; readonly type: 'pong'; readonly n: number }
  /** The text parsed (or not); `steps` commands will run. A parse error ends the load. */
  | { readonly v: number; readonly type: 'loaded'; readonly loadId: number; readonly steps: number; readonly error: LineError | null }
  /**
   * How far the run got; `kinds[i]` / `lines[i]` describe step i+1 (indices into STEP_KINDS; scenario lines).
   * `stopped` says why the run ended early (the world outgrew the budget); `total` is then the steps it has.
   */
  | { readonly v: number; readonly type: 'progress'; readonly loadId: number; readonly ran: number; readonly total: number; readonly stopped: string | null; readonly kinds: Uint8Array; readonly lines: Uint32Array }
  | { readonly v: number; readonly type: 'snapshot'; readonly snapshot: Snapshot }
  /** Something went wrong inside the worker (a bug, or a protocol mismatch). */
  | { readonly v: number; readonly type: 'failure'; readonly message: string }
  | ScalePointsMessage
  | ScaleDoneMessage
  | ScaleRejectedMessage
  /** A lesson with every number computed, or why there is none by that id. */
  | { readonly v: number; readonly type: 'lessonResolved'; readonly id: string; readonly lesson: ResolvedLesson | null; readonly problem: string | null };

/** A parse error of the scenario text. */
export interface LineError {
  readonly line: number;
  readonly column: number;
  readonly message: string;
}

/** A table as the screen gets it: referrers capped, their full number kept. */
export interface TableSnap extends TableView {
  readonly referrerCount: number;
  /** The mm whose tree the table was created in (its id's root), so nobody parses ids. */
  readonly tree: MmId;
}

/** An mm as the screen gets it; a folded card stands for `count` identical processes. */
export interface MmSnap {
  readonly id: MmId;
  readonly name: string;
  readonly isHost: boolean;
  /** For a host: the file whose region it holds. */
  readonly hostOf: string | null;
  readonly tasks: readonly string[];
  readonly pgtablesBytes: number;
  readonly rssPages: number;
  readonly vmas: readonly VmaView[];
  /** Ids of its own tables in view, top-down, then the borrowed ones it reaches. */
  readonly tables: readonly string[];
  readonly borrowed: readonly string[];
  /** Folding: how many processes this card stands for (1 = itself), and the last one's name. */
  readonly count: number;
  readonly lastName: string;
  /** Every process the card stands for (itself first), so a change can reach folded sharers. */
  readonly members: readonly MmId[];
}

/** Everything one screen shows at one step; bounded whatever the scenario's size. */
export interface Snapshot {
  readonly loadId: number;
  readonly mode: Mode;
  readonly side: Side;
  /** What this side runs, in words ("with MAP_SHARED_PT", "without sharing", …). */
  readonly label: string;
  /** 0 = before the first command; `total` = after the last. */
  readonly step: number;
  readonly total: number;
  /** The scenario line and the command text of this step (null at step 0). */
  readonly line: number | null;
  readonly command: string | null;
  readonly window: AddressWindow;
  /** Whether the window was chosen by the worker (true) or asked for by the page. */
  readonly autoWindow: boolean;
  readonly mms: readonly MmSnap[];
  readonly tables: readonly TableSnap[];
  readonly files: readonly FileView[];
  /** Names of every mm the snapshot mentions (referrers, events). */
  readonly names: Readonly<Record<number, string>>;
  readonly memory: { readonly ramBytes: number; readonly pagetablesBytes: number; readonly fileBytes: number };
  /** Totals over every live process, folded or not. */
  readonly totals: { readonly processes: number; readonly shown: number; readonly processPgtablesBytes: number; readonly hosts: number; readonly oomKilled: number };
  /** This step's events and their text (capped; `moreEvents` were left off). */
  readonly events: readonly TraceEvent[];
  readonly trace: readonly string[];
  readonly moreEvents: number;
  readonly invariants: readonly string[];
  /** True when a cap cut something off (the screen says so). */
  readonly truncated: boolean;
}

/** Something on screen a person pointed at (the inspector's subject); ids are stable across steps. */
export type Selection =
  | { readonly kind: 'table'; readonly id: string }
  | { readonly kind: 'entry'; readonly table: string; readonly index: number }
  | { readonly kind: 'mm'; readonly id: MmId }
  | { readonly kind: 'page'; readonly file: string; readonly page: number };

/** Level order top-down, re-exported for readers of snapshots. */
export type { Level, MmId, TraceEvent };
