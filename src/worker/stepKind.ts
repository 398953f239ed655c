/**
 * What a step was about, for the scrubber's coloured markers: the command's
 * op, unless its events tell a louder story (an OOM kill, a failed syscall or
 * a fatal signal), and a touch only counts as a fault when something faulted.
 */
import type { Command } from '../sim/commands';
import type { TraceEvent } from '../sim/events';
import { STEP_KINDS, type StepKind } from '../protocol/messages';

/** Events only a page fault produces (a hugetlb share may come without a `fault` event). */
const FAULT_WORK = new Set<TraceEvent['k']>(['fault', 'alloc', 'link', 'share', 'set', 'fill']);

export function stepKind(command: Command, events: readonly TraceEvent[]): StepKind {
  if (events.some((e) => e.k === 'oom')) return 'oom';
  if (events.some((e) => e.k === 'error' || e.k === 'signal')) return 'error';
  switch (command.op) {
    case 'machine':
    case 'file':
    case 'memfd':
    case 'process':
    case 'thread':
    case 'fork':
    case 'mshare':
    case 'mshare_map':
    case 'mshare_unmap':
    case 'unlink':
      return 'setup';
    case 'touch':
      return events.some((e) => FAULT_WORK.has(e.k)) ? 'fault' : 'touch';
    case 'mmap':
    case 'mprotect':
    case 'madvise':
    case 'munmap':
    case 'exit':
      return command.op;
  }
}

/** The byte a step kind travels as. */
export function stepKindCode(kind: StepKind): number {
  return STEP_KINDS.indexOf(kind);
}
