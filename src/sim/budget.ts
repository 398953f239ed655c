/**
 * The most a scenario may hold, shared by the headless runner and the
 * browser's worker (SPEC 4): a run that would cross it stops at that step
 * with a message saying what is too large and how large it may be, instead
 * of exhausting the heap. Measured in engine objects (engine/footprint.ts),
 * about 350 bytes each (a PMD page with its run, measured in Node): two
 * million are about 700 MB, which leaves room in a browser tab's heap for the
 * worker's copies for going back. The seed's 1500 x 300 GiB world holds about
 * 450,000; compare mode gives each side half.
 */
export const OBJECT_BUDGET = 2_000_000;

/**
 * The trace is kept too: the worker holds every step's events for the trace
 * panel and going back, about 150 bytes each (measured in Node), so three
 * million are about 450 MB. A world can stay small while its trace grows
 * without end, as when a process with 20,000 mappings forks and exits again
 * and again (each fork and each exit is 20,000 events). The seed's whole run
 * records about 10,500.
 */
export const EVENT_BUDGET = 3_000_000;

/** What a run may hold before it is stopped. */
export interface Budget {
  /** Engine objects the world may hold (engine/footprint.ts). */
  readonly objects: number;
  /** Trace events the steps so far may have recorded, all steps together. */
  readonly events: number;
}

export const DEFAULT_BUDGET: Budget = { objects: OBJECT_BUDGET, events: EVENT_BUDGET };

/** One of `n` runs sharing a worker's memory: each may hold its part of `budget`. */
export function shareOf(budget: Budget, n: number): Budget {
  return { objects: Math.floor(budget.objects / n), events: Math.floor(budget.events / n) };
}

/** Why a run stopped after a step instead of running to the end. */
export interface Stop {
  /** The scenario line of the step that crossed the budget (it ran; nothing after it did). */
  readonly line: number;
  readonly message: string;
}

const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

/** Adds up a run's trace step by step and says when the run must stop. */
export class BudgetMeter {
  private events = 0;

  constructor(private readonly budget: Budget = DEFAULT_BUDGET) {}

  /** The stop after the step at `line`, which left `objects` in the world and recorded `events` events; null while within the budget. */
  after(line: number, objects: number, events: number): Stop | null {
    this.events += events;
    if (objects > this.budget.objects) return worldTooLarge(objects, line, this.budget.objects);
    if (this.events > this.budget.events) return traceTooLong(this.events, line, this.budget.events);
    return null;
  }
}

const stoppedAt = (line: number): string => `The run stopped after line ${line}; the lines after it did not run.`;

function worldTooLarge(objects: number, line: number, limit: number): Stop {
  return {
    line,
    message:
      `the simulated world grew too large at line ${line}: it holds ${grouped(objects)} page-table pages, runs of entries and mappings, ` +
      `over the limit of ${grouped(limit)} this lab can keep. ${stoppedAt(line)} ` +
      'Try fewer processes, or fewer and smaller mappings.',
  };
}

function traceTooLong(events: number, line: number, limit: number): Stop {
  return {
    line,
    message:
      `the trace grew too long at line ${line}: the steps up to there recorded ${grouped(events)} events, ` +
      `over the limit of ${grouped(limit)} this lab can keep. ${stoppedAt(line)} ` +
      'Try fewer steps, or fewer mappings in the processes that fork, exit or unmap.',
  };
}
