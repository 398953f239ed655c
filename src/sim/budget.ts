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

/** What a run may hold before it is stopped. */
export interface Budget {
  /** Engine objects the world may hold (engine/footprint.ts). */
  readonly objects: number;
}

export const DEFAULT_BUDGET: Budget = { objects: OBJECT_BUDGET };

/** One of `n` runs sharing a worker's memory: each may hold its part of `budget`. */
export function shareOf(budget: Budget, n: number): Budget {
  return { objects: Math.floor(budget.objects / n) };
}

/** Why a run stopped after a step instead of running to the end. */
export interface Stop {
  /** The scenario line of the step that crossed the budget (it ran; nothing after it did). */
  readonly line: number;
  readonly message: string;
}

const grouped = (n: number): string => Math.round(n).toLocaleString('en-US');

/** The stop for a step that left `objects` in the world, or null while within `budget`. */
export function overBudget(objects: number, line: number, budget: Budget = DEFAULT_BUDGET): Stop | null {
  if (objects <= budget.objects) return null;
  return {
    line,
    message:
      `the simulated world grew too large at line ${line}: it holds ${grouped(objects)} page-table pages, runs of entries and mappings, ` +
      `over the limit of ${grouped(budget.objects)} this lab can keep. The run stopped after line ${line}; the lines after it did not run. ` +
      'Try fewer processes, or fewer and smaller mappings.',
  };
}
