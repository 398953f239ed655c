/** Runs commands through a fresh engine and measures time, peak heap and table pages by level. */
import { createEngine } from '../src/sim/engine/engine';
import type { Located } from '../src/sim/commands';
import type { Level } from '../src/sim/geometry';
import { runScenario, type RunReport } from '../src/sim/report';

export interface Measurement {
  readonly seconds: number;
  readonly peakHeapBytes: number;
  /** Table pages allocated minus freed, by level, from the trace. */
  readonly pagesByLevel: Record<Level, number>;
  readonly report: RunReport;
}

export function measure(commands: readonly Located[], sampleEvery = 64): Measurement {
  const byLevel: Record<Level, number> = { pgd: 0, pud: 0, pmd: 0, pte: 0 };
  let peak = process.memoryUsage().heapUsed;
  let n = 0;
  const t0 = performance.now();
  const report = runScenario(createEngine(), commands, {
    onStep: ({ events }) => {
      for (const e of events) {
        if (e.k === 'alloc') byLevel[e.level] += e.count;
        else if (e.k === 'free') byLevel[e.level] -= e.count;
      }
      if (++n % sampleEvery === 0) peak = Math.max(peak, process.memoryUsage().heapUsed);
    },
  });
  const seconds = (performance.now() - t0) / 1000;
  peak = Math.max(peak, process.memoryUsage().heapUsed);
  return { seconds, peakHeapBytes: peak, pagesByLevel: byLevel, report };
}
