/**
 * The scrubber's markers: one mark per step, or, past one step per pixel
 * pair, one per bin of steps showing the loudest kind in it (an OOM kill is
 * never hidden by the thousand faults around it). Setup steps and touches
 * that faulted nothing are left unmarked: quiet steps stay quiet.
 */
import { STEP_KINDS, type StepKind } from '../protocol/messages';

export interface Marker {
  /** First step (1-based) the marker covers, and how many. */
  readonly step: number;
  readonly count: number;
  readonly x: number;
  readonly w: number;
  readonly kind: StepKind;
}

/** Loudest first. */
const RANK: readonly StepKind[] = ['oom', 'error', 'mprotect', 'madvise', 'munmap', 'exit', 'fault', 'mmap'];

/** The label a legend and a marker's title use. */
export const KIND_LABEL: Readonly<Record<StepKind, string>> = {
  setup: 'setup',
  mmap: 'mmap',
  touch: 'touch (no fault)',
  fault: 'fault',
  mprotect: 'mprotect',
  madvise: 'madvise',
  munmap: 'munmap',
  exit: 'exit',
  oom: 'OOM kill',
  error: 'error',
};

export function markers(kinds: Uint8Array, total: number, width: number): Marker[] {
  if (total === 0 || width <= 0) return [];
  const bins = Math.max(1, Math.min(total, Math.floor(width / 2)));
  const per = total / bins;
  const out: Marker[] = [];
  for (let b = 0; b < bins; b++) {
    const from = Math.floor(b * per);
    const to = Math.min(kinds.length, Math.floor((b + 1) * per));
    let best = RANK.length;
    for (let i = from; i < to; i++) {
      const r = RANK.indexOf(STEP_KINDS[kinds[i] ?? 0] ?? 'setup');
      if (r !== -1 && r < best) best = r;
    }
    const kind = RANK[best];
    if (kind === undefined) continue;
    out.push({ step: from + 1, count: to - from, x: (from / total) * width, w: Math.max(2, ((to - from) / total) * width), kind });
  }
  return out;
}

/** The step a click at `x` means: steps are the spaces between 0 and total. */
export function stepAt(x: number, width: number, total: number): number {
  if (width <= 0) return 0;
  return Math.max(0, Math.min(total, Math.round((x / width) * total)));
}
