/**
 * What a reader must not miss in a step, in words built from the events
 * themselves (never from the printed trace): a failed syscall, a fatal
 * signal, an OOM kill, a host mm released at its last reference, and a
 * MAP_SHARED_PT request that quietly did not share (and why).
 */
import type { MmId, TraceEvent } from '../sim/events';
import { formatBytes, hex } from './format';

export interface StepNote {
  /** Red, with its word: something failed or was killed. */
  readonly alarm: boolean;
  readonly label: string;
  readonly text: string;
}

const LEVEL_WORD = { pgd: 'a PGD page', pud: 'a PUD page', pmd: 'a PMD page', pte: 'a PTE page', page: 'a file page' } as const;

/** The notes of one step's events, in trace order. */
export function stepNotes(events: readonly TraceEvent[], names: Readonly<Record<number, string>>): StepNote[] {
  const name = (mm: MmId, fallback: string): string => names[mm] ?? fallback;
  return events.flatMap((e): StepNote[] => {
    switch (e.k) {
      case 'oom':
        return [
          {
            alarm: true,
            label: 'OOM kill',
            text: `${e.task} killed: could not allocate ${LEVEL_WORD[e.need]} for ${hex(e.va)} (page tables ${formatBytes(e.pagetablesBytes)}, file pages ${formatBytes(e.fileBytes)}).`,
          },
        ];
      case 'error':
        return [{ alarm: true, label: 'Error', text: `${e.errno}: ${e.message}` }];
      case 'signal':
        return [{ alarm: true, label: e.signal, text: `${e.task} at ${hex(e.va)}: ${e.reason}.` }];
      case 'host_release':
        return [{ alarm: false, label: 'Host released', text: `the last reference to the host mm of ${e.file} is gone, so its page tables are freed with it.` }];
      case 'mmap':
        return e.notShared === null
          ? []
          : [{ alarm: false, label: 'Not shared', text: `${name(e.mm, 'this process')}'s mapping at ${hex(e.va)} gets its own page tables: ${e.notShared}.` }];
      default:
        return [];
    }
  });
}
