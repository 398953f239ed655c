/** Lesson 2 (SPEC 6): threads share page tables; processes do not. */
import type { Lesson } from './types';

export const threads: Lesson = {
  id: 'threads',
  title: 'Threads and processes',
  question: 'Why do threads share page tables while processes do not?',
  minutes: 3,
  scenario: [
    'file f 2M',
    'process a',
    'thread a a2',
    'process b',
    'a mmap 0x7f0000000000 2M rw shared f',
    'a2 touch 0x7f0000000000 write',
    'b mmap 0x7f0000000000 2M rw shared f',
    'b touch 0x7f0000000000 read',
  ].join('\n'),
  slides: [
    {
      title: 'A thread is a task in the same mm',
      text:
        'A thread is another task sharing its process\'s `mm`: the same VMAs and the same page tables. ' +
        'Process b has an `mm` of its own. Page tables so far: {pagetables_bytes|bytes}, two PGD pages.',
      step: 4,
      focus: { kind: 'mm', name: 'a' },
    },
    {
      title: 'One thread faults, both see it',
      text:
        'The mapping was made by a, the touch by a2. The fault built the tables in their common `mm`: ' +
        '`VmPTE` is {pgtables_bytes a|bytes} for a and {pgtables_bytes a2|bytes} for a2, one set of tables.',
      step: 6,
      predict: {
        kind: 'number',
        prompt: 'Thread a2 writes to the page process a mapped. How many bytes will a\'s `VmPTE` show?',
        unit: 'bytes',
        answer: '{pgtables_bytes a}',
        hint: 'a and a2 have one mm between them. A first touch allocates PUD, PMD and PTE pages.',
        why: 'The fault ran in the shared mm: a PUD, a PMD and a PTE page, 4 KiB each, charged once.',
      },
    },
    {
      title: 'A process builds its own',
      text:
        'Process b maps the same file page. The page is in the page cache once ({file_bytes|bytes}), but b walked its own ' +
        'tables and allocated its own: {pgtables_bytes b|bytes}. The system now holds {pagetables_bytes|bytes} of page tables.',
      step: 8,
      focus: { kind: 'mm', name: 'b' },
      predict: {
        kind: 'choice',
        prompt: 'Process b maps and reads the same page. Are its page tables shared with a, or not shared?',
        options: ['shared', 'not shared'],
        answer: '{shared b 0x7f0000000000}',
        hint: 'A plain MAP_SHARED mapping shares the file\'s pages. Does anything point b\'s PMD entry into a\'s tables?',
        why: 'MAP_SHARED shares pages, not tables: every process builds its own PUD, PMD and PTE pages.',
      },
    },
    {
      title: 'Why it matters',
      text:
        'Threads pay for tables once, however many there are. Processes pay once each. Databases run one process per ' +
        'client, so a shared mapping costs its tables as many times as there are clients: the next lessons count that.',
      step: 8,
    },
  ],
};
