/**
 * The simulation's store (ARCHITECTURE habit 7): the one thing React reads.
 * It holds the editor's text, the loaded run's timeline, the snapshot on
 * screen and what the person selected; its actions speak to the worker
 * through the bridge. One store per mounted lab, created by its provider.
 */
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AddressWindow, LineError, Mode, ScaleInput, Selection, Side, Snapshot, Vs } from '../protocol/index';
import { applyScaleMessage, freshScale, SEED_SCALE, type ScaleState } from './scaleState';
import type { LessonState } from './lessonState';
import { lessonActions } from './lessonActions';
import { createBridge, type Bridge, type BridgeHandlers } from '../bridge/bridge';
import { keepEqual } from './keepEqual';

export type { Selection };

export type Status = 'starting' | 'running' | 'ready' | 'parse-error' | 'failed';

/** How steps move: full motion, highlights without travel, or end states only. */
export type MotionSetting = 'full' | 'reduced' | 'off';
export const MOTION_SETTINGS: readonly MotionSetting[] = ['full', 'reduced', 'off'];

/** How the step on screen was reached: one step forward animates, a jump does not. */
export type Move = 'step' | 'jump';

export interface SimState {
  /** The editor's text: what the person typed, run or not. */
  readonly text: string;
  /** The text of the scenario on screen (last successful Run). */
  readonly loadedText: string;
  readonly parseError: LineError | null;
  readonly status: Status;
  readonly loadId: number;
  /** Steps of the loaded scenario, and how many the worker has run so far. */
  readonly total: number;
  readonly ran: number;
  /** Per step (index = step - 1): a STEP_KINDS index, and its scenario line. */
  readonly kinds: Uint8Array;
  readonly lines: Uint32Array;
  /** The step asked for; the snapshot's own step follows when the worker answers. */
  readonly step: number;
  readonly snapshot: Snapshot | null;
  /** The view, and compare's other side (its snapshot at the same step). */
  readonly mode: Mode;
  readonly vs: Vs;
  readonly other: Snapshot | null;
  /** The scale explorer's sliders and curves (computed only while it is shown). */
  readonly scale: ScaleState;
  /** The lesson being read, if any. */
  readonly lesson: LessonState | null;
  /** Presentation mode: no chrome, big type, keys only (a classroom's projector). */
  readonly presenting: boolean;
  /** The lesson picker is open. */
  readonly picking: boolean;
  /** The window asked for; null lets the worker choose. */
  readonly window: AddressWindow | null;
  readonly playing: boolean;
  /** Animation speed: 1 plays a small step in about a second. */
  readonly speed: number;
  readonly motion: MotionSetting;
  readonly lastMove: Move;
  readonly selection: Selection | null;
  /** Which side the selection was made on (compare mode); the other side shows its counterpart. */
  readonly selectionSide: Side;
  /** The file page under the pointer (a PTE cell hovered), lit in the page cache. */
  readonly hover: { readonly file: string; readonly page: number } | null;
  readonly failure: string | null;
  /** What "Reopen" would run after a failure: the step to show, and how many commands to run (null: all). */
  readonly recovery: Recovery | null;
  /** Why the run ended before the scenario's last line (the world outgrew what the lab can hold). */
  readonly stopped: string | null;
  /** A message for the person (a bad link, a reset they may undo). */
  readonly notice: string | null;
}

/** The last good place to reopen at after the worker failed (or the page closed mid-run). */
export interface Recovery {
  readonly step: number;
  /** Commands known to have run to completion (all of them, when the run had finished). */
  readonly limit: number;
}

export interface SimActions {
  setText(text: string): void;
  /** Loads `text` (default: the editor's) and shows `step` of it; `limit` runs only that many commands. */
  run(text?: string, step?: number | 'last', limit?: number): void;
  /** After a failure: runs the scenario again up to its last good step (or all of it), keeping the text. */
  reopen(all?: boolean): void;
  goto(step: number): void;
  stepBy(delta: number): void;
  play(): void;
  pause(): void;
  togglePlay(): void;
  setSpeed(speed: number): void;
  setMotion(motion: MotionSetting): void;
  /** Switches the view; compare reloads the scenario with its other side at the same step. */
  setMode(mode: Mode): void;
  setVs(vs: Vs): void;
  /** Moves the scale explorer's sliders: the running computation stops, a new one starts. */
  setScale(input: ScaleInput): void;
  /** Opens a built-in lesson at a slide (0-based); the worker fills in its numbers first. */
  openLesson(id: string, slide?: number): void;
  /** Moves to a slide: its view, and its step (the one before it while its question is open). */
  setSlide(slide: number): void;
  /** The prediction of the slide on screen was answered (or revealed): its step plays. */
  answered(): void;
  /** Esc: explore the lesson's scenario freely at this step; or come back to the slide. */
  exploreLesson(exploring: boolean): void;
  closeLesson(): void;
  setPresenting(presenting: boolean): void;
  showLessons(open: boolean): void;
  setWindow(win: AddressWindow | null): void;
  select(selection: Selection | null, side?: Side): void;
  setHover(hover: SimState['hover']): void;
  setNotice(notice: string | null): void;
  /** Starts the worker and loads the text; again after `dispose`, a fresh worker resumes. */
  start(): void;
  dispose(): void;
}

export type SimStore = StoreApi<SimState & SimActions>;

export interface SimStoreOptions {
  readonly text: string;
  readonly step?: number | 'last';
  readonly notice?: string | null;
  readonly mode?: Mode;
  readonly vs?: Vs;
  readonly scale?: ScaleInput;
  readonly lesson?: { readonly id: string; readonly slide: number } | null;
  /** The motion setting to start with (the reader's `prefers-reduced-motion`, or a link's). */
  readonly motion?: MotionSetting;
  /** The page closed before this text's last run finished: do not run it at start; say so and offer to reopen. */
  readonly held?: (Recovery & { readonly message: string }) | null;
  /** Test-only: the worker's fault switch is on (bridge.ts, worker/faults.ts). */
  readonly faults?: boolean;
  /** Makes the bridge; tests pass one over a fake worker. */
  readonly bridge?: (handlers: BridgeHandlers) => Bridge;
}

export const SPEEDS = [0.25, 0.5, 1, 2, 4, 8] as const;

/**
 * A snapshot as received, sharing every part equal to the one on screen (keepEqual.ts), so what a
 * step left alone keeps its identity; always a new object itself, since it is a new arrival.
 */
function received(prev: Snapshot | null, next: Snapshot): Snapshot {
  if (prev === null || prev.loadId !== next.loadId || prev.side !== next.side) return next;
  const kept = keepEqual(prev, next);
  return kept === prev ? { ...prev } : kept;
}

export function createSimStore(options: SimStoreOptions): SimStore {
  let bridge: Bridge | null = null;
  // What the last run asked for, applied when the worker answers `loaded`.
  let pending: { text: string; step: number | 'last' } = { text: options.text, step: options.step ?? 0 };
  const held = options.held ?? null;
  let lessons: ReturnType<typeof lessonActions> | null = null;
  const store = createStore<SimState & SimActions>()((set, get) => {
    lessons = lessonActions(get, set, (c) => bridge?.send(c));
    const lessonsNow = lessons;
    const clamp = (step: number): number => Math.max(0, Math.min(get().total, Math.round(step)));
    const move = (step: number, how: Move): void => {
      // After a failure the fresh worker holds nothing yet: moves wait for the reader to reopen.
      if (get().recovery !== null) return;
      const target = clamp(step);
      if (target === get().step && get().snapshot?.step === target) return;
      set({ step: target, lastMove: how });
      bridge?.send({ type: 'goto', step: target });
    };
    return {
      text: options.text,
      loadedText: options.text,
      parseError: null,
      status: 'starting',
      loadId: 0,
      total: 0,
      ran: 0,
      kinds: new Uint8Array(0),
      lines: new Uint32Array(0),
      step: 0,
      snapshot: null,
      mode: options.mode ?? 'single',
      vs: options.vs ?? 'baseline',
      other: null,
      scale: freshScale(options.scale ?? SEED_SCALE, 0),
      lesson: null,
      presenting: false,
      picking: false,
      window: null,
      playing: false,
      speed: 1,
      motion: options.motion ?? 'full',
      lastMove: 'jump',
      selection: null,
      selectionSide: 'main',
      hover: null,
      failure: held?.message ?? null,
      recovery: held === null ? null : { step: held.step, limit: held.limit },
      stopped: null,
      notice: options.notice ?? null,

      setText: (text) => set({ text }),
      run: (text = get().text, step = 0, limit) => {
        pending = { text, step };
        set({ text, playing: false, status: 'running', failure: null, recovery: null, lastMove: 'jump' });
        const { mode, vs } = get();
        bridge?.send({ type: 'load', text, step, mode: mode === 'compare' ? 'compare' : 'single', vs, window: get().window, ...(limit === undefined ? {} : { limit }) });
      },
      reopen: (all = false) => {
        const r = get().recovery;
        if (r === null) return;
        const text = held !== null && get().loadId === 0 ? get().text : get().loadedText;
        get().run(text, r.step, all ? undefined : r.limit);
        const waiting = get().lesson;
        if (waiting !== null && waiting.resolved === null) bridge?.send({ type: 'lesson', id: waiting.id });
        if (get().mode === 'scale') get().setScale(get().scale.input);
      },
      goto: (step) => move(step, 'jump'),
      stepBy: (delta) => move(get().step + delta, delta === 1 ? 'step' : 'jump'),
      play: () => {
        if (get().total === 0) return;
        if (get().step >= get().total) get().goto(0);
        set({ playing: true });
      },
      pause: () => set({ playing: false }),
      togglePlay: () => (get().playing ? get().pause() : get().play()),
      setSpeed: (speed) => set({ speed }),
      setMotion: (motion) => set({ motion }),
      setMode: (mode) => {
        const was = get().mode;
        if (mode === was) return;
        set({ mode, playing: false });
        // Compare needs the other side's run; leaving it drops it. The scale explorer computes on demand.
        if ((mode === 'compare') !== (was === 'compare')) get().run(get().loadedText, get().step);
        if (mode === 'scale' && get().scale.ran === 0 && !get().scale.done) get().setScale(get().scale.input);
      },
      setVs: (vs) => {
        if (vs === get().vs) return;
        set({ vs });
        if (get().mode === 'compare') get().run(get().loadedText, get().step);
      },
      ...lessonsNow.actions,
      setPresenting: (presenting) => set({ presenting }),
      showLessons: (picking) => set({ picking }),
      setScale: (input) => {
        const old = get().scale;
        if (!old.done) bridge?.send({ type: 'scaleCancel', scaleId: old.id });
        const id = old.id + 1;
        set({ scale: freshScale(input, id) });
        bridge?.send({ type: 'scale', scaleId: id, input });
      },
      setWindow: (win) => {
        set({ window: win });
        bridge?.send({ type: 'window', window: win });
      },
      select: (selection, side = 'main') => set({ selection, selectionSide: side }),
      setHover: (hover) => {
        const now = get().hover;
        if (now === hover || (now !== null && hover !== null && now.file === hover.file && now.page === hover.page)) return;
        set({ hover });
      },
      setNotice: (notice) => set({ notice }),
      start: () => {
        if (bridge !== null) return;
        bridge = options.bridge !== undefined ? options.bridge(handlers) : createBridge(handlers, { faults: options.faults === true });
        const { loadId, step } = get();
        // A run that closed the page last time waits for the reader to ask for it again.
        if (get().recovery !== null && loadId === 0) return void set({ status: 'failed' });
        get().run(get().text, loadId === 0 ? pending.step : step);
        if (options.lesson != null && get().lesson === null) get().openLesson(options.lesson.id, options.lesson.slide);
        // A lesson asked for before the worker was there (a link opened at startup) is asked for now.
        const waiting = get().lesson;
        if (waiting !== null && waiting.resolved === null) bridge.send({ type: 'lesson', id: waiting.id });
        if (get().mode === 'scale') get().setScale(get().scale.input);
      },
      dispose: () => {
        bridge?.terminate();
        bridge = null;
      },
    };
  });

  const handlers: BridgeHandlers = {
    onLoaded: (m) => {
      if (m.error !== null) {
        store.setState({ parseError: m.error, status: 'parse-error', playing: false });
        return;
      }
      store.setState({
        loadId: m.loadId,
        loadedText: pending.text,
        step: pending.step === 'last' ? m.steps : Math.min(pending.step, m.steps),
        parseError: null,
        stopped: null,
        total: m.steps,
        ran: 0,
        kinds: new Uint8Array(0),
        lines: new Uint32Array(0),
        snapshot: null,
        other: null,
      });
    },
    onProgress: (p) => {
      const s = store.getState();
      if (p.loadId !== s.loadId) return;
      // A run that stopped early has fewer steps than commands: the timeline ends where it did.
      const total = Math.min(s.total, p.total);
      // A user-timing mark, for the profiler and bench:ui: how long after its run a step is drawn.
      if (p.ran >= total && s.status === 'running') performance.mark('run finished');
      store.setState({ ran: p.ran, total, step: Math.min(s.step, total), stopped: p.stopped, kinds: p.kinds, lines: p.lines, status: p.ran < total ? 'running' : 'ready' });
    },
    onSnapshot: (snapshot) => {
      const s = store.getState();
      if (snapshot.loadId !== s.loadId) return;
      // Compare's other side waits beside the main one; the bridge hands it on first.
      if (snapshot.side === 'other') {
        store.setState({ other: received(s.other, snapshot) });
        return;
      }
      store.setState({
        snapshot: received(s.snapshot, snapshot),
        status: s.ran >= s.total && s.total === snapshot.total ? 'ready' : s.status,
      });
    },
    onFailure: (message) => store.setState({ failure: message, status: 'failed', playing: false }),
    onCrash: (reason) => {
      const s = store.getState();
      // The steps known to have run, and the picture on screen, are the last good place.
      const step = s.snapshot?.step ?? 0;
      const limit = Math.max(s.ran, step);
      const where = s.ran < s.total ? `, while running step ${(limit + 1).toLocaleString('en-US')} of ${s.total.toLocaleString('en-US')}` : '';
      store.setState({
        status: 'failed',
        playing: false,
        recovery: { step, limit },
        failure: `${reason[0]?.toUpperCase() ?? ''}${reason.slice(1)}${where}. A fresh simulation has taken its place; your scenario is kept as you left it.`,
      });
    },
    onScale: (message) => store.setState({ scale: applyScaleMessage(store.getState().scale, message) }),
    onLesson: (m) => lessons?.onLesson(m),
  };
  return store;
}
