/** The scrubber's colour per step kind; every kind also has its word (viz/scrubber KIND_LABEL). */
import type { StepKind } from '../../protocol/messages';

export const KIND_COLOR: Readonly<Record<StepKind, string>> = {
  setup: '#94a3b8',
  mmap: '#64748b',
  touch: '#94a3b8',
  fault: '#0284c7',
  mprotect: '#9333ea',
  madvise: '#0d9488',
  munmap: '#ea580c',
  exit: '#78716c',
  oom: '#b91c1c',
  error: '#dc2626',
};

/** Kinds loud enough to stand taller on the scrubber. */
export function isAlarm(kind: StepKind): boolean {
  return kind === 'oom' || kind === 'error';
}
