/** Lesson 7 (SPEC 6, SPEC 1.3): teardown skips the host's tables; the last reference frees them. */
import type { Lesson } from './types';

export const teardown: Lesson = {
  id: 'teardown',
  title: 'Teardown',
  question: 'Why must freeing a process\'s tables skip the shared ones, and when are those freed?',
  minutes: 5,
  scenario: [
    'file f 4M',
    'process A',
    'process B',
    'A mmap 0x7f0000000000 4M rw shared,shared_pt f',
    'B mmap 0x7f0000000000 4M rw shared,shared_pt f',
    'A touch 0x7f0000000000 4M write',
    'B touch 0x7f0000000000 4M read',
    'fork B C',
    'A exit',
    'B munmap 0x7f0000000000 2M',
    'B munmap 0x7f0000000000 4M',
    'C exit',
  ].join('\n'),
  slides: [
    {
      title: 'Who owns what',
      text:
        'The host owns the PTE pages ({host_pgtables_bytes f|bytes} with its PUD and PMD); A and B own only their PUD and PMD ' +
        'pages ({pgtables_bytes A|bytes} each). A guest\'s PMD entries point at pages it does not own: freeing them with the ' +
        'guest would pull them from under every other sharer.',
      step: 7,
      focus: { kind: 'mm', name: 'host:f' },
    },
    {
      title: 'A fork takes a reference',
      text:
        'B forks C. The child\'s `VMA` keeps the flag and takes a reference: {refcount f} now. C starts with no PTEs and ' +
        'link-faults on its first touch.',
      step: 8,
      open: 'The lab lets the child keep the flag and take a reference; a child could instead get ordinary private tables.',
    },
    {
      title: 'A exits',
      text:
        'Exit unlinks A\'s PMD entries, frees A\'s own PUD and PMD pages and drops its reference: {refcount f} left. The host\'s ' +
        'PTE pages stay, with every PTE A wrote: {host_pgtables_bytes f|bytes}.',
      step: 9,
      open: 'The posted patches drop the reference only in munmap, so a sharer exiting without munmap would keep the host alive for ever; the lab drops it at exit too.',
      predict: {
        kind: 'number',
        prompt: 'A exits. How many bytes of page tables will the host mm hold afterwards?',
        unit: 'bytes',
        answer: '{host_pgtables_bytes f}',
        hint: 'Exit frees only what A owns. Is anyone else still using the host\'s tables?',
        why: 'Exit unlinked A and freed A\'s own pages; the host\'s PUD, PMD and two PTE pages serve B and C still.',
      },
    },
    {
      title: 'All or nothing',
      text:
        'B tries to unmap half of the shared region: {errno 10}. An unmap of a shared region must cover exactly the host\'s region.',
      step: 10,
      predict: {
        kind: 'choice',
        prompt: 'B unmaps the first 2 MiB of its 4 MiB shared mapping. What does munmap return?',
        options: ['no error', 'EINVAL', 'ENOMEM'],
        answer: '{errno 10}',
        hint: 'The region is shared as one piece, address and length.',
        why: 'Cutting a shared region would leave a guest half-linked; the proposal refuses it with EINVAL.',
      },
    },
    {
      title: 'A full munmap',
      text:
        'B unmaps the whole region: its PMD entries are unlinked, its own tables freed ({pgtables_bytes B|exact} left) and its ' +
        'reference dropped: {refcount f} left, C\'s.',
      step: 11,
    },
    {
      title: 'The last reference',
      text:
        'C exits with the last reference. The host mm is released: its PTEs cleared, its PTE, PMD and PUD pages freed ' +
        '({host_pgtables_bytes f|exact} left), and the file forgets it. Only B\'s PGD remains: {pagetables_bytes|exact}.',
      step: 12,
      predict: {
        kind: 'number',
        prompt: 'C exits, and no sharer is left. How many bytes of page tables does the system hold then?',
        unit: 'bytes',
        answer: '{pagetables_bytes}',
        hint: 'B is still alive but maps nothing; PGD pages count in the system figure.',
        why: 'The host went with its last reference; B keeps its PGD page, {pagetables_bytes|exact}.',
      },
    },
  ],
};
