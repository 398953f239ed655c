/**
 * One scenario in the worker: parse it, run it in chunks (so the worker can
 * answer between them), remember every step's events, keep checkpoints, and
 * answer "show step N of window W" with a snapshot. Going back restores the
 * nearest checkpoint and replays at most one checkpoint interval.
 */
import type { Located } from '../sim/commands';
import type { TraceEvent } from '../sim/events';
import { createEngine, type Engine } from '../sim/engine/engine';
import { parse } from '../scenario/index';
import { PROTOCOL_VERSION as v, type AddressWindow, type FromWorker, type Mode, type Snapshot } from '../protocol/messages';
import { DEFAULT_WINDOW, autoWindow } from './autoWindow';
import { Checkpoints } from './checkpoints';
import { buildSnapshot } from './snapshot';
import { stepKind, stepKindCode } from './stepKind';

export interface SessionOptions {
  readonly makeEngine?: () => Engine;
  /** Milliseconds, for chunking the run; injected so tests need no clock. */
  readonly clock?: () => number;
  readonly checkpointEvery?: number;
  readonly maxCheckpoints?: number;
  /** Milliseconds of copying the checkpoints may hold (a proxy for their memory). */
  readonly maxCheckpointCost?: number;
}

export interface LoadRequest {
  readonly text: string;
  readonly step: number | 'last';
  readonly mode: Mode;
  readonly window: AddressWindow | null;
}

/** Snapshots kept for instant revisits (each is bounded, tens of KB at most). */
const SNAPSHOT_CACHE = 48;

/** Past this cost (ms) for one invariant check, the run checks only at its end. */
const CHEAP_CHECK_MS = 4;

export class Session {
  private loadId = 0;
  private mode: Mode = 'single';
  private commands: readonly Located[] = [];
  private events: (readonly TraceEvent[])[] = [];
  private kinds = new Uint8Array(0);
  private lines = new Uint32Array(0);
  private runner: Engine | null = null;
  private ran = 0;
  private checkEachStep = true;
  private broken: string[] = [];
  private checkpoints: Checkpoints<Engine>;
  private live: Engine | null = null;
  private liveStep = 0;
  private target = 0;
  private requested: AddressWindow | null = null;
  private auto: AddressWindow | null = null;
  private readonly cache = new Map<string, Snapshot>();
  private readonly makeEngine: () => Engine;
  private readonly clock: () => number;

  constructor(private readonly options: SessionOptions = {}) {
    this.makeEngine = options.makeEngine ?? createEngine;
    this.clock = options.clock ?? (() => 0);
    this.checkpoints = this.freshCheckpoints();
  }

  /** Parses and starts a run; the run itself advances in `pump`. */
  load(req: LoadRequest): FromWorker[] {
    this.loadId += 1;
    this.mode = req.mode;
    this.requested = req.window;
    this.auto = null;
    this.live = null;
    this.runner = null;
    this.cache.clear();
    const parsed = parse(req.text);
    if (!parsed.ok) {
      this.commands = [];
      return [{ v, type: 'loaded', loadId: this.loadId, steps: 0, error: parsed.error }];
    }
    this.commands = parsed.commands;
    const total = this.commands.length;
    this.events = [];
    this.kinds = new Uint8Array(total);
    this.lines = new Uint32Array(total);
    this.ran = 0;
    this.broken = [];
    this.checkEachStep = true;
    this.checkpoints = this.freshCheckpoints();
    this.runner = this.makeEngine();
    this.checkpoints.offer(0, this.runner);
    this.target = req.step === 'last' ? total : Math.min(req.step, total);
    return [{ v, type: 'loaded', loadId: this.loadId, steps: total, error: null }];
  }

  /** Whether the run still has steps to go. */
  get running(): boolean {
    return this.runner !== null && this.ran < this.commands.length;
  }

  /** Runs steps for about `budgetMs` (at least one); returns the progress so far. */
  runFor(budgetMs: number): FromWorker {
    const runner = this.runner;
    const start = this.clock();
    while (runner !== null && this.ran < this.commands.length) {
      const located = this.commands[this.ran] as Located;
      const t = this.clock();
      const events = runner.step(located);
      const ranMs = this.clock() - t;
      this.events.push(events);
      this.kinds[this.ran] = stepKindCode(stepKind(located.command, events));
      this.lines[this.ran] = located.line;
      this.ran += 1;
      this.checkpoints.offer(this.ran, runner, ranMs);
      this.check(runner, located.line);
      if (this.clock() - start >= budgetMs) break;
    }
    if (runner !== null && this.ran === this.commands.length) this.finish(runner);
    return this.progress();
  }

  progress(): FromWorker {
    return {
      v,
      type: 'progress',
      loadId: this.loadId,
      ran: this.ran,
      total: this.commands.length,
      kinds: this.kinds.slice(0, this.ran),
      lines: this.lines.slice(0, this.ran),
    };
  }

  goto(step: number): void {
    this.target = Math.min(step, this.commands.length);
  }

  setWindow(window: AddressWindow | null): void {
    this.requested = window;
  }

  /** Whether the run has reached the step asked for. */
  get reached(): boolean {
    return this.target <= this.ran;
  }

  /** The step on screen: the one asked for, or as far as the run has got. */
  get shownStep(): number {
    return Math.min(this.target, this.ran);
  }

  /** The snapshot of the shown step; recent ones are kept, so revisiting a step is instant. */
  snapshot(): Snapshot {
    const step = this.shownStep;
    this.auto ??= autoWindow(this.events);
    const window = this.requested ?? this.auto ?? DEFAULT_WINDOW;
    const key = `${step}|${window.lo}|${window.hi}|${this.requested === null}|${this.broken.length}`;
    const cached = this.cache.get(key);
    if (cached !== undefined) return cached;
    const engine = this.bringTo(step);
    const snap = buildSnapshot({
      engine,
      loadId: this.loadId,
      mode: this.mode,
      step,
      total: this.commands.length,
      located: step === 0 ? null : (this.commands[step - 1] ?? null),
      events: step === 0 ? [] : (this.events[step - 1] ?? []),
      window,
      autoWindow: this.requested === null,
      invariants: this.broken,
    });
    this.cache.set(key, snap);
    if (this.cache.size > SNAPSHOT_CACHE) this.cache.delete(this.cache.keys().next().value as string);
    return snap;
  }

  /** The live engine at `step`: run forward when close, else from the nearest checkpoint. */
  private bringTo(step: number): Engine {
    let live = this.live;
    // Forward from the live engine whenever it is between the nearest checkpoint and the step.
    const near = live !== null && this.liveStep <= step && this.liveStep >= this.checkpoints.baseOf(step);
    if (live === null || !near) {
      const r = this.checkpoints.restore(step);
      if (r === null) throw new Error(`no checkpoint at or before step ${step}`);
      live = r.state;
      this.liveStep = r.step;
    }
    while (this.liveStep < step) {
      live.step(this.commands[this.liveStep] as Located);
      this.liveStep += 1;
    }
    this.live = live;
    return live;
  }

  private check(engine: Engine, line: number): void {
    if (!this.checkEachStep || this.broken.length > 0) return;
    const t = this.clock();
    const found = engine.invariants();
    if (found.length > 0) this.broken = found.map((m) => `after line ${line}: ${m}`);
    if (this.clock() - t > CHEAP_CHECK_MS) this.checkEachStep = false;
  }

  private finish(runner: Engine): void {
    if (this.broken.length === 0 && !this.checkEachStep) {
      const found = runner.invariants();
      this.broken = found.map((m) => `at the end: ${m}`);
    }
    this.runner = null;
  }

  private freshCheckpoints(): Checkpoints<Engine> {
    return new Checkpoints<Engine>((e) => e.clone(), {
      every: this.options.checkpointEvery ?? 32,
      maxCount: this.options.maxCheckpoints ?? 64,
      maxCost: this.options.maxCheckpointCost ?? 5000,
      clock: this.clock,
    });
  }
}
