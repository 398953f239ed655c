/**
 * Runs a whole scenario through a model and gathers what the headless runner
 * prints (SPEC 3). Shared by the CLI, the tests and the benchmarks.
 */
import type { Located } from './commands';
import type { TraceEvent } from './events';
import type { HostReport, MemoryReport, Model, ProcessReport } from './model';
import { BudgetMeter, type Budget, type Stop } from './budget';

export interface ErrorReport {
  readonly line: number;
  readonly errno: string;
  readonly message: string;
}

/** A finding with the line of the step that produced it. */
export interface FindingReport {
  readonly line: number;
  readonly mm: string;
  readonly message: string;
}

export interface StepRecord {
  readonly line: number;
  readonly events: readonly TraceEvent[];
}

export interface RunReport {
  readonly ok: boolean;
  readonly steps: number;
  readonly errors: readonly ErrorReport[];
  readonly processes: readonly ProcessReport[];
  readonly hosts: readonly HostReport[];
  readonly pagetables_bytes: number;
  readonly memory: MemoryReport;
  readonly invariants: readonly string[];
  /** "As posted" findings such as check_mm's BUG line (SPEC 3); never a failure. */
  readonly findings: readonly FindingReport[];
  /** Present only when the world outgrew the budget (sim/budget.ts): the lines after it did not run. */
  readonly stopped?: Stop;
}

/** The errors a step's events report: failed syscalls, fatal signals, OOM kills. */
export function errorsOf(line: number, events: readonly TraceEvent[]): ErrorReport[] {
  const out: ErrorReport[] = [];
  for (const e of events) {
    if (e.k === 'error') out.push({ line, errno: e.errno, message: e.message });
    else if (e.k === 'signal') out.push({ line, errno: e.signal, message: `${e.task}: ${e.reason}` });
    else if (e.k === 'oom') out.push({ line, errno: 'OOM', message: `${e.task} killed: out of memory allocating a ${e.need === 'page' ? 'file page' : e.need.toUpperCase() + ' page'}` });
  }
  return out;
}

export interface RunOptions {
  /** Check invariants after every step (SPEC 1.8); on by default. */
  readonly checkEveryStep?: boolean;
  /** Called with each step's record, e.g. to print the trace. */
  readonly onStep?: (record: StepRecord) => void;
  /** What the run may hold (sim/budget.ts); models without a footprint are not limited. */
  readonly budget?: Budget;
}

/** Runs every command; stops checking (not running) at the first broken invariant. */
export function runScenario(model: Model, commands: readonly Located[], options: RunOptions = {}): RunReport {
  const check = options.checkEveryStep ?? true;
  const errors: ErrorReport[] = [];
  let invariants: string[] = [];
  const findings: FindingReport[] = [];
  let stopped: Stop | null = null;
  const meter = new BudgetMeter(options.budget);
  let steps = 0;
  for (const cmd of commands) {
    const events = model.step(cmd);
    for (const err of errorsOf(cmd.line, events)) errors.push(err);
    const all = model.findings?.() ?? [];
    for (const f of all.slice(findings.length)) findings.push({ line: cmd.line, ...f });
    options.onStep?.({ line: cmd.line, events });
    if (check && invariants.length === 0) {
      const broken = model.invariants();
      if (broken.length > 0) invariants = broken.map((m) => `after line ${cmd.line}: ${m}`);
    }
    steps += 1;
    stopped = model.footprint === undefined ? null : meter.after(cmd.line, model.footprint(), events.length);
    if (stopped !== null) break;
  }
  if (invariants.length === 0) invariants = model.invariants();
  const memory = model.memory();
  return {
    ok: invariants.length === 0,
    steps,
    errors,
    processes: model.processes(),
    hosts: model.hosts(),
    pagetables_bytes: memory.pagetables_bytes,
    memory,
    invariants,
    findings,
    ...(stopped === null ? {} : { stopped }),
  };
}
