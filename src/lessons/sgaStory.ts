/** Lesson 4 (SPEC 6, SPEC 7): 1500 clients × a 300 GiB SGA need 878.9 GiB of PTE pages; OOM. */
import type { Lesson } from './types';

export const sgaStory: Lesson = {
  id: 'sga-story',
  title: 'The SGA story',
  question: 'Why can 1500 database clients mapping a 300 GiB SGA not fit on a 512 GiB machine?',
  minutes: 5,
  scenario: [
    'machine ram=512G',
    'file sga 300G',
    'process db[1-1500]',
    'db[1-1500] mmap 0x7f0000000000 300G rw shared sga',
    'db1 touch 0x7f0000000000 300G read',
    'db[2-1500] touch 0x7f0000000000 300G read',
  ].join('\n'),
  slides: [
    {
      title: 'The database\'s shared memory',
      text:
        'A database keeps its shared global area, the SGA, in one big shared file: here 300 GiB. ' +
        'Every client is a process mapping all of it with `MAP_SHARED`: 1500 clients on a machine with {ram_bytes|bytes} of RAM.',
      step: 1,
    },
    {
      title: 'Mapping is free',
      text:
        'All {alive|count} clients have mapped the SGA. No table exists below their PGDs yet: the system holds {pagetables_bytes|bytes} of page tables, ' +
        'one PGD page per client.',
      step: 3002,
    },
    {
      title: 'One client touches everything',
      text:
        'db1 reads the whole SGA. One PTE page per 2 MiB: {tables pte db1|count} PTE pages, {tables pte db1 * 4096|bytes}, ' +
        'plus {tables pmd db1} PMD pages and one PUD page. db1\'s `VmPTE`: {pgtables_bytes db1|bytes}.',
      step: 3003,
      focus: { kind: 'mm', name: 'db1' },
      predict: {
        kind: 'number',
        prompt: 'db1 touches all 300 GiB. How many bytes of page tables does its `VmPTE` show?',
        unit: 'bytes',
        answer: '{pgtables_bytes db1}',
        hint: 'One PTE page maps 2 MiB, one PMD page 1 GiB, one PUD page 512 GiB; each is 4 KiB.',
        why: '{tables pte db1|count} PTE pages ({tables pte db1 * 4096|bytes}), {tables pmd db1} PMD pages and {tables pud db1} PUD page, 4 KiB each.',
      },
    },
    {
      title: 'Times {alive|count}',
      text:
        'Every client builds the same tables for the same pages. PTE pages alone: {tables pte db1 * 4096 * alive|bytes} ' +
        '({tables pte db1 * 4096 * alive|exact}), on a machine of {ram_bytes|bytes} that also holds the SGA itself.',
      step: 3003,
      predict: {
        kind: 'number',
        prompt: 'If all 1500 clients touched the whole SGA, how many bytes of PTE pages would they need?',
        unit: 'bytes',
        answer: '{tables pte db1 * 4096 * alive}',
        hint: 'Take db1\'s PTE pages (one per 2 MiB of 300 GiB), 4 KiB each, and multiply by the clients.',
        why: '{tables pte db1|count} PTE pages × 4 KiB × {alive|count} clients: more page tables than the machine has memory.',
      },
    },
    {
      title: 'Out of memory',
      text:
        'The other clients touch the SGA in turn. The machine fills with page tables until a fault cannot get a frame, ' +
        'and the OOM killer steps in: {oom_killed|count} clients killed, {alive|count} still running. ' +
        'Page tables in use: {pagetables_bytes|bytes}; file pages: {file_bytes|bytes}.',
      step: 4501,
    },
    {
      title: 'Sharing the tables',
      text:
        'With the tables shared, one host mm pays what db1 pays here, {pgtables_bytes db1|bytes}, once, and each client only its ' +
        'own PUD and PMD pages. The scale explorer draws all three: no sharing, `MAP_SHARED_PT`, and hugetlb PMD sharing.',
      step: 4501,
      view: { mode: 'scale', procs: 1500, size: '300G', ram: '512G' },
    },
  ],
};
