/** Lesson 8 (SPEC 6, SPEC 1.4): hugetlb PMD sharing, with no same-address rule, per 1 GiB window. */
import type { Lesson } from './types';

export const hugetlb: Lesson = {
  id: 'hugetlb',
  title: 'Kravetz\'s questions: hugetlb PMD sharing',
  question: 'How does the sharing already in mainline for hugetlbfs differ from MAP_SHARED_PT?',
  minutes: 6,
  scenario: [
    'file h 1G hugetlb',
    'file f 1G',
    'process A',
    'process B',
    'A mmap 0x400000000000 1G rw shared h',
    'B mmap 0x500000000000 1G rw shared h',
    'A touch 0x400000000000 1G read',
    'B touch 0x500000000000 1G read',
    'A mmap 0x600000000000 1G rw shared,shared_pt f',
    'B mmap 0x680000000000 1G rw shared,shared_pt f',
    'A touch 0x600000000000 1G read',
    'B touch 0x680000000000 1G read',
  ].join('\n'),
  slides: [
    {
      title: 'Sharing since 2006',
      text:
        'Linux has shared page tables for one case since 2006: `MAP_SHARED` mappings of hugetlbfs files with 2 MiB pages. ' +
        'There the leaves are PMD entries, so no PTE pages exist, and what is shared is a whole PMD page, for 1 GiB. ' +
        'In the review of the proposal, Kravetz compared the two.',
      step: 0,
    },
    {
      title: 'The first process',
      text:
        'A touches all 1 GiB of the hugetlbfs file: its PUD page and one PMD page, {pgtables_bytes A|bytes}, and ' +
        '{tables pte A} PTE pages: each PMD entry maps a 2 MiB page directly.',
      step: 7,
      focus: { kind: 'table', mm: 'A', level: 'pmd', va: 0x400000000000 },
    },
    {
      title: 'Another address, still shared',
      text:
        'B maps the file elsewhere. At B\'s fault the kernel finds A\'s PMD page for the same file pages and points B\'s PUD entry at it. ' +
        'Only the offset inside the 1 GiB window must match, not the address. B pays for that PMD page as if it were its own ' +
        '({pgtables_bytes B|bytes} with its PUD): the processes\' sum exceeds what exists.',
      step: 8,
      predict: {
        kind: 'choice',
        prompt: 'B maps the same hugetlbfs file at a different address and touches it. Will B\'s PMD page be shared or not shared?',
        options: ['shared', 'not shared'],
        answer: '{shared B 0x500000000000}',
        hint: 'hugetlb sharing compares (address − file offset) modulo 1 GiB, not the address itself.',
        why: 'Both windows start at offset 0 of the file and cover a whole 1 GiB window, so B uses A\'s PMD page.',
      },
    },
    {
      title: 'The proposal\'s same-address rule',
      text:
        'Now the same two processes map a regular file with `MAP_SHARED_PT`, at different addresses. The proposal needs the same ' +
        'address and length: B shares nothing ({refcount f} reference on the host) and builds {tables pte B} PTE pages of its own.',
      step: 12,
      predict: {
        kind: 'choice',
        prompt: 'B maps a regular file with MAP_SHARED_PT at a different address than A. Shared or not shared?',
        options: ['shared', 'not shared'],
        answer: '{shared B 0x680000000000}',
        hint: 'The proposal compares the host\'s region: start, length and offset.',
        why: 'Different start address, so B silently gets ordinary private tables.',
      },
    },
    {
      title: 'Compare with hugetlb',
      text:
        'The other side turns every `MAP_SHARED_PT` file into a hugetlbfs file. There B\'s mapping shares A\'s PMD page at its ' +
        'own address, and no PTE pages exist at all. Here the system holds {pagetables_bytes|bytes} of page tables.',
      step: 12,
      view: { mode: 'compare', vs: 'hugetlb' },
    },
  ],
};
