/**
 * One run of one scenario text: commands → events, each step's kind and
 * line, checkpoints, and the invariants after every step. It knows nothing
 * of windows or sides; a session holds one run per side it shows (compare
 * mode mounts a second run of the other side's text on the same timeline).
 */
import type { Located } from '../sim/commands';
import type { TraceEvent } from '../sim/events';
import type { Engine } from '../sim/engine/engine';
import { Checkpoints } from './checkpoints';
import { BudgetMeter, type Budget, type Stop } from '../sim/budget';
import type { MmId } from '../sim/events';
import type { WorldView } from '../sim/view';
import type { AddressWindow } from '../protocol/messages';
import { AutoWindowTracker, DEFAULT_WINDOW } from './autoWindow';
import { ViewHistory } from './history';
import { CAPS } from './snapshot';
import { stepKind, stepKindCode } from './stepKind';

export interface RunOptions {
  readonly makeEngine: () => Engine;
  /** Milliseconds, for chunking the run; injected so tests need no clock. */
  readonly clock: () => number;
  readonly checkpointEvery?: number;
  readonly maxCheckpoints?: number;
  /** Milliseconds of copying the checkpoints may hold (a proxy for their memory). */
  readonly maxCheckpointCost?: number;
  /** What the run may hold (sim/budget.ts): past it the run stops after that step. */
  readonly budget?: Budget;
  /** Views kept for going back without the engine (history.ts); 0 keeps none. */
  readonly maxKeptViews?: number;
}

/** Past this cost (ms) for one invariant check, the run checks only at its end. */
const CHEAP_CHECK_MS = 4;

export class Run {
  private readonly events: (readonly TraceEvent[])[] = [];
  readonly kinds: Uint8Array;
  readonly lines: Uint32Array;
  /** OOM kills up to and including each step (index = step - 1). */
  private readonly kills: Uint32Array;
  private runner: Engine | null;
  private ranSteps = 0;
  private checkEachStep = true;
  private brokenList: string[] = [];
  private readonly checkpoints: Checkpoints<Engine>;
  private live: Engine | null = null;
  private liveStep = 0;
  /** The engine that ran every step, once the run is over (never stepped again). */
  private atEnd: Engine | null = null;
  /** Why the run ended before its last command, if it did. */
  private stop: Stop | null = null;
  private readonly meter: BudgetMeter;
  /** What every step showed in the automatic window, for going back at the cost of what changed. */
  private readonly history: ViewHistory | null;
  private readonly auto = new AutoWindowTracker();
  /** Milliseconds the run spent on its steps (running, copies, checks) and on keeping their views. */
  private workMs = 0;
  private keepMs = 0;

  constructor(
    readonly commands: readonly Located[],
    private readonly options: RunOptions,
  ) {
    this.kinds = new Uint8Array(commands.length);
    this.lines = new Uint32Array(commands.length);
    this.kills = new Uint32Array(commands.length);
    this.meter = new BudgetMeter(options.budget);
    this.checkpoints = new Checkpoints<Engine>((e) => e.clone(), {
      every: options.checkpointEvery ?? 32,
      maxCount: options.maxCheckpoints ?? 64,
      maxCost: options.maxCheckpointCost ?? 5000,
      clock: options.clock,
    });
    this.runner = options.makeEngine();
    this.checkpoints.offer(0, this.runner);
    const maxViews = options.maxKeptViews ?? 200_000;
    this.history = maxViews > 0 ? new ViewHistory({ maxFiles: 16, maxPtePerMm: CAPS.ptePerMm, maxViews }) : null;
    this.history?.record(0, this.runner, DEFAULT_WINDOW);
  }

  /** The view of `step` for `window` from the kept history, or null (then ask engineAt). */
  viewAt(step: number, window: AddressWindow): WorldView | null {
    return step > this.ranSteps ? null : (this.history?.viewAt(step, window) ?? null);
  }

  /** Lets the kept views go (going back then uses checkpoints): what bench:goingBack weighs them by. */
  dropKeptViews(): void {
    this.history?.giveUp();
  }

  /** An mm's name: the engine that ran furthest knows every mm up to there (ids are never reused). */
  mmName(id: MmId): string {
    return (this.runner ?? this.atEnd ?? this.engineAt(0)).mmName(id);
  }

  /** Steps this run has: every command's, or those up to the one that crossed the budget. */
  get total(): number {
    return this.stop === null ? this.commands.length : this.ranSteps;
  }

  /** Why the run stopped early (the world outgrew the budget), or null. */
  get stopped(): Stop | null {
    return this.stop;
  }

  /** Steps run so far. */
  get ran(): number {
    return this.ranSteps;
  }

  get running(): boolean {
    return this.runner !== null && this.ranSteps < this.total;
  }

  /** Invariant violations found so far (an engine bug), with where. */
  get broken(): readonly string[] {
    return this.brokenList;
  }

  /** The events of step `step` (1-based; none at step 0). */
  eventsOf(step: number): readonly TraceEvent[] {
    return step === 0 ? [] : (this.events[step - 1] ?? []);
  }

  /** Processes OOM-killed by the end of `step`. */
  killsAt(step: number): number {
    return step === 0 ? 0 : (this.kills[step - 1] ?? 0);
  }

  /** Every step's events so far, step 1 first. */
  get steps(): readonly (readonly TraceEvent[])[] {
    return this.events;
  }

  /** Runs steps for about `budgetMs` (at least one when any remain). */
  runFor(budgetMs: number): void {
    const runner = this.runner;
    const clock = this.options.clock;
    const start = clock();
    while (runner !== null && this.ranSteps < this.total) {
      const located = this.commands[this.ranSteps] as Located;
      const t = clock();
      const events = runner.step(located);
      const ranMs = clock() - t;
      this.events.push(events);
      this.kinds[this.ranSteps] = stepKindCode(stepKind(located.command, events));
      this.lines[this.ranSteps] = located.line;
      const before = this.ranSteps === 0 ? 0 : (this.kills[this.ranSteps - 1] ?? 0);
      this.kills[this.ranSteps] = before + events.filter((e) => e.k === 'oom').length;
      this.ranSteps += 1;
      this.checkpoints.offer(this.ranSteps, runner, ranMs);
      this.auto.feed(events);
      const kept = this.keep(runner);
      this.check(runner, located.line);
      this.stop = this.meter.after(located.line, runner.footprint(), events.length);
      this.workMs += clock() - t - kept;
      // Kept views may cost at most as much as the rest of the run (after a grace of 1 s):
      // an mm whose view grows with its history makes them give way to checkpoints.
      if (this.keepMs > 1000 + this.workMs) this.history?.giveUp();
      if (this.stop !== null || clock() - start >= budgetMs) break;
    }
    if (runner !== null && this.ranSteps === this.total) this.finish(runner);
  }

  /** The live engine at `step` (≤ ran): run forward when close, else from the nearest checkpoint. */
  engineAt(step: number): Engine {
    if (step > this.ranSteps) throw new Error(`step ${step} has not been simulated yet`);
    if (this.atEnd !== null && step === this.ranSteps) return this.atEnd;
    let live = this.live;
    // Forward from the live engine whenever it is between the nearest checkpoint and the step.
    const near = live !== null && this.liveStep <= step && this.liveStep >= this.checkpoints.baseOf(step);
    if (live === null || !near) {
      const r = this.checkpoints.restore(step);
      if (r === null) throw new Error(`step ${step} has no saved state before it`);
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

  /** Keeps this step's views; returns the milliseconds that took. */
  private keep(runner: Engine): number {
    const history = this.history;
    if (history === null || !history.active) return 0;
    const clock = this.options.clock;
    const t = clock();
    history.record(this.ranSteps, runner, this.auto.window ?? DEFAULT_WINDOW);
    const ms = clock() - t;
    this.keepMs += ms;
    return ms;
  }

  private check(engine: Engine, line: number): void {
    if (!this.checkEachStep || this.brokenList.length > 0) return;
    const clock = this.options.clock;
    const t = clock();
    const found = engine.invariants();
    if (found.length > 0) this.brokenList = found.map((m) => `after line ${line}: ${m}`);
    if (clock() - t > CHEAP_CHECK_MS) this.checkEachStep = false;
  }

  private finish(runner: Engine): void {
    if (this.brokenList.length === 0 && !this.checkEachStep) {
      this.brokenList = runner.invariants().map((m) => `at the end: ${m}`);
    }
    this.runner = null;
    // The engine that ran the scenario already stands at its last step: keep it, so opening
    // a link to the end, or coming back to it, draws at once instead of replaying.
    this.atEnd = runner;
  }
}
