/** Lesson 3 (SPEC 6, SPEC 7): N processes mapping one file pay N times for its page tables. */
import type { Lesson } from './types';

export const cost: Lesson = {
  id: 'cost',
  title: 'What it costs',
  question: 'What do 2000 processes pay in page tables to map one shared page?',
  minutes: 4,
  scenario: [
    'file lib 2M',
    'process p[1-2000]',
    'p[1-2000] mmap 0x7f0000000000 2M r shared lib',
    'p1 touch 0x7f0000000000 read',
    'p[2-2000] touch 0x7f0000000000 read',
  ].join('\n'),
  slides: [
    {
      title: 'One page, many processes',
      text:
        'A file that every process maps, say a shared library or a database\'s buffer: 2000 processes each map it ' +
        'with `MAP_SHARED`. Its pages sit in the page cache once. What about the tables that point at them?',
      step: 0,
    },
    {
      title: 'Mapped, not yet touched',
      text:
        'All 2000 have a `VMA` for the file and no tables below their PGD: their `VmPTE` adds up to {vmpte_bytes|exact}. ' +
        'The system holds {pagetables_bytes|bytes}, one PGD page per process.',
      step: 4001,
    },
    {
      title: 'The first reader',
      text:
        'p1 reads the first page. One `PTE`, {pte_bytes|exact} of entry, but it lives in a whole PTE page, under a PMD ' +
        'and a PUD page: p1\'s `VmPTE` is {pgtables_bytes p1|bytes}.',
      step: 4002,
      focus: { kind: 'table', mm: 'p1', level: 'pte', va: 0x7f0000000000 },
    },
    {
      title: 'Every reader pays',
      text:
        'Now all 2000 have read the same page. Each wrote its own entry in its own tables: {pte_bytes|exact} of PTEs ' +
        'for one 4 KiB page. The proposal\'s cover letter puts this case at 8K.',
      step: 6001,
      predict: {
        kind: 'number',
        prompt: 'All 2000 processes read that one page. How many bytes of PTEs (8 bytes each) do they hold together?',
        unit: 'bytes',
        answer: '{pte_bytes}',
        hint: 'Page tables are not shared by MAP_SHARED: every process writes its own 8-byte entry.',
        why: 'One 8-byte PTE per process, {alive|count} processes: {pte_bytes|exact} to map one 4 KiB page of data.',
      },
    },
    {
      title: 'Tables come in pages',
      text:
        'Entries are the small part: each process holds a PUD, a PMD and a PTE page of 4 KiB. ' +
        'Their `VmPTE` adds up to {vmpte_bytes|bytes} ({vmpte_bytes|exact}) for one shared page; the system holds {pagetables_bytes|bytes}.',
      step: 6001,
      predict: {
        kind: 'number',
        prompt: 'What is the sum of the 2000 processes\' `VmPTE`?',
        unit: 'bytes',
        answer: '{vmpte_bytes}',
        hint: '`VmPTE` counts whole table pages: PUD, PMD and PTE, 4096 bytes each, but not the PGD.',
        why: 'Three 4 KiB table pages per process, 2000 times: the cost grows with processes, not with data.',
      },
    },
  ],
};
