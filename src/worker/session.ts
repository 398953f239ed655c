/**
 * What one screen shows in the worker: the loaded text, the step asked for,
 * the address window, and one run per side (a single view has one; compare
 * mode will mount a second run of the other side's text). Runs advance in
 * chunks so the worker can answer between them; `snapshots` draws every
 * side at the shown step for the same window, each naming its side.
 */
import { createEngine, type Engine } from '../sim/engine/engine';
import type { Located } from '../sim/commands';
import { compareSides, parse, SIDE_LABELS } from '../scenario/index';
import { PROTOCOL_VERSION as v, type AddressWindow, type FromWorker, type Mode, type Side, type Snapshot, type Vs } from '../protocol/messages';
import { DEFAULT_WINDOW, autoWindow } from './autoWindow';
import { Run, type RunOptions } from './run';
import { buildSnapshot, viewOptions } from './snapshot';
import { DEFAULT_BUDGET, shareOf } from '../sim/budget';

export interface SessionOptions extends Partial<Omit<RunOptions, 'makeEngine' | 'clock'>> {
  readonly makeEngine?: () => Engine;
  readonly clock?: () => number;
}

export interface LoadRequest {
  readonly text: string;
  readonly step: number | 'last';
  readonly mode: Mode;
  readonly vs?: Vs;
  readonly window: AddressWindow | null;
  /** Run only the first `limit` commands. */
  readonly limit?: number;
}

/** Snapshots kept for instant revisits (each is bounded, tens of KB at most). */
const SNAPSHOT_CACHE = 48;

interface SideRun {
  readonly side: Side;
  readonly label: string;
  readonly commands: readonly Located[];
}

/** The sides a mode shows: the text as written, and in compare mode its other side (line for line). */
function sidesOf(mode: Mode, commands: readonly Located[], vs: Vs): SideRun[] {
  if (mode !== 'compare') return [{ side: 'main', label: SIDE_LABELS.with, commands }];
  const sides = compareSides(commands, vs);
  return [
    { side: 'main', label: sides.with.label, commands: sides.with.commands },
    { side: 'other', label: sides.without.label, commands: sides.without.commands },
  ];
}

export class Session {
  private loadId = 0;
  private mode: Mode = 'single';
  private runs = new Map<Side, Run>();
  private labels = new Map<Side, string>();
  private target = 0;
  private requested: AddressWindow | null = null;
  private auto: AddressWindow | null = null;
  private readonly cache = new Map<string, Snapshot>();
  private readonly runOptions: RunOptions;

  constructor(options: SessionOptions = {}) {
    this.runOptions = { ...options, makeEngine: options.makeEngine ?? createEngine, clock: options.clock ?? (() => 0) };
  }

  /** Parses and starts the runs; they advance in `runFor`. */
  load(req: LoadRequest): FromWorker[] {
    const parsed = parse(req.text);
    // A text that does not parse leaves the scenario on screen loaded: the reader may go on stepping it.
    if (!parsed.ok) return [{ v, type: 'loaded', loadId: this.loadId, steps: 0, error: parsed.error }];
    this.loadId += 1;
    this.mode = req.mode;
    this.requested = req.window;
    this.auto = null;
    this.cache.clear();
    this.runs = new Map();
    this.labels = new Map();
    const commands = req.limit === undefined ? parsed.commands : parsed.commands.slice(0, req.limit);
    const sides = sidesOf(req.mode, commands, req.vs ?? 'baseline');
    // The sides share the worker's memory: each may hold its part of the budget.
    const budget = shareOf(this.runOptions.budget ?? DEFAULT_BUDGET, sides.length);
    for (const s of sides) {
      this.runs.set(s.side, new Run(s.commands, { ...this.runOptions, budget }));
      this.labels.set(s.side, s.label);
    }
    const total = this.total;
    this.target = req.step === 'last' ? total : Math.min(req.step, total);
    return [{ v, type: 'loaded', loadId: this.loadId, steps: total, error: null }];
  }

  /** The number of steps: every command's, unless a side stopped early (then every side ends there). */
  get total(): number {
    let total = Infinity;
    for (const r of this.runs.values()) total = Math.min(total, r.total);
    return total === Infinity ? 0 : total;
  }

  /** Why the run stopped before the scenario's end, in words, or null. */
  get stopped(): string | null {
    for (const r of this.runs.values()) if (r.stopped !== null) return r.stopped.message;
    return null;
  }

  /** Steps every side has run. */
  get ran(): number {
    let ran = Infinity;
    for (const r of this.runs.values()) ran = Math.min(ran, r.ran);
    return ran === Infinity ? 0 : ran;
  }

  /** Whether some run still has steps to go (up to where every side can go). */
  get running(): boolean {
    const total = this.total;
    for (const r of this.runs.values()) if (r.running && r.ran < total) return true;
    return false;
  }

  /** Runs for about `budgetMs`, the side furthest behind first; returns the progress so far. */
  runFor(budgetMs: number): FromWorker {
    const total = this.total;
    const behind = [...this.runs.values()].filter((r) => r.running && r.ran < total).sort((a, b) => a.ran - b.ran)[0];
    behind?.runFor(budgetMs);
    return this.progress();
  }

  /** The timeline of the main side (its kinds and lines mark the scrubber). */
  progress(): FromWorker {
    const main = this.main;
    const ran = this.ran;
    return {
      v,
      type: 'progress',
      loadId: this.loadId,
      ran,
      total: this.total,
      stopped: this.stopped,
      kinds: main === null ? new Uint8Array(0) : main.kinds.slice(0, ran),
      lines: main === null ? new Uint32Array(0) : main.lines.slice(0, ran),
    };
  }

  /** Every side's kept views let go (Run.dropKeptViews), for measuring what they weigh. */
  dropKeptViews(): void {
    for (const run of this.runs.values()) run.dropKeptViews();
  }

  goto(step: number): void {
    this.target = Math.min(step, this.total);
  }

  setWindow(window: AddressWindow | null): void {
    this.requested = window;
  }

  /** Whether every side has reached the step asked for. */
  get reached(): boolean {
    return this.target <= this.ran;
  }

  /** The step on screen: the one asked for, or as far as every side has got. */
  get shownStep(): number {
    return Math.min(this.target, this.ran);
  }

  /** The main side's snapshot of the shown step. */
  snapshot(): Snapshot {
    return this.snapshotOf('main');
  }

  /** Every side's snapshot of the shown step, for the same window. */
  snapshots(): Snapshot[] {
    return [...this.runs.keys()].map((side) => this.snapshotOf(side));
  }

  private get main(): Run | null {
    return this.runs.get('main') ?? null;
  }

  /** One side at the shown step; recent ones are kept, so revisiting a step is instant. */
  private snapshotOf(side: Side): Snapshot {
    const run = this.runs.get(side) ?? this.main;
    const step = this.shownStep;
    this.auto ??= autoWindow(this.main?.steps ?? []);
    const window = this.requested ?? this.auto ?? DEFAULT_WINDOW;
    const broken = run?.broken ?? [];
    const key = `${side}|${step}|${window.lo}|${window.hi}|${this.requested === null}|${broken.length}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    if (run === null || run === undefined) throw new Error('no scenario is loaded');
    // Going back costs what changed: the run's kept views when they cover this window, else the engine.
    const kept = run.viewAt(step, window);
    const engine = kept === null ? run.engineAt(step) : null;
    const snap = buildSnapshot({
      view: kept ?? (engine as Engine).view(viewOptions(window)),
      mmName: engine === null ? (id) => run.mmName(id) : (id) => engine.mmName(id),
      loadId: this.loadId,
      mode: this.mode,
      side,
      label: this.labels.get(side) ?? '',
      step,
      total: this.total,
      located: step === 0 ? null : (run.commands[step - 1] ?? null),
      events: run.eventsOf(step),
      window,
      autoWindow: this.requested === null,
      invariants: broken,
      oomKilled: run.killsAt(step),
    });
    this.cache.set(key, snap);
    if (this.cache.size > SNAPSHOT_CACHE) this.cache.delete(this.cache.keys().next().value as string);
    return snap;
  }
}
