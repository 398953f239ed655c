/** Lesson 1 (SPEC 6): how one virtual address becomes a physical one, level by level. */
import type { Lesson } from './types';

export const walk: Lesson = {
  id: 'walk',
  title: 'The walk',
  question: 'How does one virtual address become a physical one, level by level?',
  minutes: 4,
  scenario: [
    'file lib 2M',
    'process a',
    'a mmap 0x7f0000000000 2M r shared lib',
    'a touch 0x7f0000001000 read',
    'a touch 0x7f0000002000 read',
  ].join('\n'),
  slides: [
    {
      title: 'Four levels of tables',
      text:
        'On x86-64 a virtual address is cut into four 9-bit indices and a 12-bit offset. ' +
        'Each index picks one of 512 entries in a 4 KiB table: `PGD`, then `PUD`, `PMD` and `PTE`. ' +
        'The last entry holds the physical page; the offset picks the byte inside it.',
      step: 0,
    },
    {
      title: 'A process starts with one table',
      text:
        'A new process gets its own `mm` and one `PGD` page. The system now holds {pagetables_bytes|bytes} of page tables, ' +
        'yet the process\'s `VmPTE` reads {pgtables_bytes a|exact}: the PGD is not counted there.',
      step: 2,
      focus: { kind: 'mm', name: 'a' },
    },
    {
      title: 'mmap builds no tables',
      text:
        '`mmap` only records a `VMA`, a promise of what may be mapped. Still {pgtables_bytes a|exact} of `VmPTE`: ' +
        'tables are built at the first touch, by the page fault.',
      step: 3,
    },
    {
      title: 'The first touch walks down',
      text:
        'The address gives PGD index 254, PUD index 0, PMD index 0, PTE index 1. The CPU finds the PGD entry empty and faults; ' +
        'the kernel allocates each missing table on the way down and writes the `PTE`: {pgtables_bytes a|bytes} of tables now map ' +
        '{rss_pages a|count} page.',
      step: 4,
      focus: { kind: 'table', mm: 'a', level: 'pte', va: 0x7f0000000000 },
      predict: {
        kind: 'number',
        prompt: 'The process reads one byte at 0x7f0000001000. How many bytes of page tables will its `VmPTE` show?',
        unit: 'bytes',
        answer: '{pgtables_bytes a}',
        hint: 'The walk finds the PGD entry empty, so every level below it is missing. Each table is one 4 KiB page.',
        why: 'The fault allocated a PUD, a PMD and a PTE page, 4096 bytes each; the PGD already existed and is not counted.',
      },
    },
    {
      title: 'The neighbour is cheap',
      text:
        'The next page differs only in the PTE index. The walk finds every table present, so only one entry is written: ' +
        '`VmPTE` stays {pgtables_bytes a|bytes}, and {rss_pages a|count} pages are mapped through one PTE page that can hold 512.',
      step: 5,
      focus: { kind: 'table', mm: 'a', level: 'pte', va: 0x7f0000000000 },
      predict: {
        kind: 'number',
        prompt: 'After touching the neighbouring page, how many PTE pages does the process hold?',
        unit: 'tables',
        answer: '{tables pte a}',
        hint: 'One PTE page maps 2 MiB: 512 pages of 4 KiB.',
        why: 'Both pages lie in the same 2 MiB, so they share one PTE page; only a new entry was written.',
      },
    },
  ],
};
