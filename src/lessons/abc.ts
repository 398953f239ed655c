/** Lesson 9 (SPEC 6, SPEC 1.3): Kravetz's A/B/C, overlapping mappings of one file. */
import type { Lesson } from './types';

export const abc: Lesson = {
  id: 'abc',
  title: 'A, B and C',
  question: 'What happens when processes map overlapping but different parts of one file?',
  minutes: 4,
  scenario: [
    'file f 8M',
    'process A',
    'process B',
    'process C',
    'A mmap 0x7f0000000000 4M rw shared,shared_pt f',
    'B mmap 0x7f0000000000 4M rw shared,shared_pt f',
    'C mmap 0x7f0000000000 8M rw shared,shared_pt f',
    'A touch 0x7f0000000000 4M read',
    'B touch 0x7f0000000000 4M read',
    'C touch 0x7f0000000000 8M read',
  ].join('\n'),
  slides: [
    {
      title: 'Kravetz\'s case',
      text:
        'Kravetz\'s case has three processes. A and B map the file from 0 to 2 × PMD_SIZE (4 MiB), C from 0 to 4 × PMD_SIZE (8 MiB), ' +
        'all at the same address with `MAP_SHARED_PT`. A\'s mmap created the host with A\'s region.',
      step: 5,
    },
    {
      title: 'B matches, C overlaps',
      text:
        'B\'s request equals the host\'s region and joins it. C\'s covers it and more: it is not the region, so C silently gets ' +
        'ordinary tables. The mmap result: {errno 7}. References on the host: {refcount f}.',
      step: 7,
      predict: {
        kind: 'choice',
        prompt: 'C maps 8 MiB of the file at the same address, covering A\'s and B\'s 4 MiB. Shared or not shared?',
        options: ['shared', 'not shared'],
        answer: '{shared C 0x7f0000000000}',
        hint: 'A later mmap shares only when its address, length and offset equal the host\'s region.',
        why: 'The length differs from the host\'s region, so C gets private tables, without any error.',
      },
    },
    {
      title: 'Who pays',
      text:
        'Everyone has read everything. A: {pgtables_bytes A|bytes}, B: {pgtables_bytes B|bytes}, both PUD and PMD only. ' +
        'C: {pgtables_bytes C|bytes}, its own PUD, PMD and {tables pte C} PTE pages. The host: {host_pgtables_bytes f|bytes}.',
      step: 10,
      focus: { kind: 'mm', name: 'C' },
      predict: {
        kind: 'choice',
        prompt: 'After all three read their whole mapping, which process has the largest `VmPTE`?',
        options: ['A', 'B', 'C'],
        answer: '{max_pgtables}',
        hint: 'Guests pay for PUD and PMD pages; whoever does not share pays for PTE pages too.',
        why: 'C shares nothing, so it pays for a PTE page per 2 MiB on top of its PUD and PMD.',
      },
    },
    {
      title: 'Pages shared, tables not',
      text:
        'C\'s PTEs point at the same file pages as the host\'s: the page cache holds the file once ({file_bytes|bytes}). Only the ' +
        'tables are duplicated. The system holds {pagetables_bytes|bytes} of page tables.',
      step: 10,
      open: 'The lab also compares the file offset before sharing; the posted code compares address and length only.',
    },
  ],
};
