/**
 * Going back in the seed's world as the worker does it (src/worker/session.ts):
 * the run to the end, the memory the kept views add per step, and the time to
 * build the snapshot of a step back and of a jump to any step (p50, p95, max),
 * with kept views and, for comparison, from checkpoints and replays alone.
 */
import { Session } from '../src/worker/session';
import { SEED_STEPS, SEED_TEXT as CLIENTS } from './sga';

const gc = (globalThis as { gc?: () => void }).gc;
const heap = (): number => {
  gc?.();
  return process.memoryUsage().heapUsed;
};

function spread(xs: readonly number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number): number => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? 0;
  return `p50 ${q(0.5).toFixed(1)} ms  p95 ${q(0.95).toFixed(1)} ms  max ${(s[s.length - 1] ?? 0).toFixed(1)} ms`;
}

interface Figures {
  readonly runSeconds: number;
  readonly heapBytes: number;
  /** What the heap gives back when the kept views are let go, measured last. */
  readonly keptViewBytes: number;
  readonly back: number[];
  readonly jumps: number[];
}

function measureSession(maxKeptViews: number, samples: number): Figures {
  const before = heap();
  const s = new Session({ clock: () => performance.now(), maxKeptViews });
  const t0 = performance.now();
  s.load({ text: CLIENTS, step: 'last', mode: 'single', window: null });
  while (s.running) s.runFor(25);
  const runSeconds = (performance.now() - t0) / 1000;
  s.snapshot();
  const heapBytes = heap() - before;
  const time = (step: number): number => {
    s.goto(step);
    const t = performance.now();
    s.snapshot();
    return performance.now() - t;
  };
  const back = Array.from({ length: samples }, (_, i) => time(s.total - 1 - i));
  let seed = 7;
  const jumps = Array.from({ length: samples }, () => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return time(Math.floor((seed / 2 ** 31) * (s.total + 1)));
  });
  const held = heap();
  s.dropKeptViews();
  const keptViewBytes = held - heap();
  return { runSeconds, heapBytes, back, jumps, keptViewBytes };
}

export function goingBack(): void {
  const steps = SEED_STEPS;
  const kept = measureSession(200_000, 40);
  const replay = measureSession(0, 5);
  const mb = (b: number): string => `${(b / 2 ** 20).toFixed(0)} MiB`;
  console.log(`${'kept views: the run'.padEnd(44)} ${kept.runSeconds.toFixed(2).padStart(6)} s  heap after ${mb(kept.heapBytes)} (checkpoints alone ${replay.runSeconds.toFixed(2)} s, ${mb(replay.heapBytes)})`);
  // Weighed in the run that keeps them: the heap before and after they are let go.
  const views = kept.keptViewBytes;
  console.log(`${'kept views: memory per step'.padEnd(44)} ${Math.round(views / steps).toLocaleString('en-US')} B (${mb(views)} for ${steps} steps)${gc === undefined ? ' (no gc exposed: rough)' : ''}`);
  console.log(`${'kept views: step back (40)'.padEnd(44)} ${spread(kept.back)}`);
  console.log(`${'kept views: jump to any step (40)'.padEnd(44)} ${spread(kept.jumps)}`);
  console.log(`${'checkpoints alone: step back (5)'.padEnd(44)} ${spread(replay.back)}`);
  console.log(`${'checkpoints alone: jump to any step (5)'.padEnd(44)} ${spread(replay.jumps)}`);
}
