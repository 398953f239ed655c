/** Lesson 6 (SPEC 6, SPEC 1.3): mprotect reaches every sharer; the hazard; MADV_DONTNEED too. */
import type { Lesson } from './types';

const SGA = '0x7f0000000000';

export const mprotect: Lesson = {
  id: 'mprotect',
  title: 'mprotect reaches every sharer',
  question: 'When one sharer changes protections, what do the others see?',
  minutes: 6,
  scenario: [
    'file sga 2M',
    'process A',
    'process B',
    `A mmap ${SGA} 2M rw shared,shared_pt sga`,
    `B mmap ${SGA} 2M rw shared,shared_pt sga`,
    `A touch ${SGA} read`,
    `B touch ${SGA} read`,
    `B mprotect ${SGA} 2M r`,
    `A touch ${SGA} write`,
    `B touch ${SGA} write`,
    `A madvise ${SGA} 2M dontneed`,
  ].join('\n'),
  slides: [
    {
      title: 'Two sharers, one PTE',
      text:
        'A and B share the host\'s PTE page. A\'s view of the page: {access A 0x7f0000000000}; B\'s: {access B 0x7f0000000000}. ' +
        'It is one entry, seen through two PMD entries.',
      step: 7,
      focus: { kind: 'table', mm: 'host:sga', level: 'pte', va: 0x7f0000000000 },
    },
    {
      title: 'B makes it read-only',
      text:
        '`mprotect` rewrites the PTEs in the range, and those PTEs are shared: A now sees the page {access A 0x7f0000000000} too, ' +
        'with one TLB flush for every sharer. A database wants exactly that. But A\'s `VMA` still says read-write.',
      step: 8,
      open: 'The posted code walks the caller\'s own tables, so a sharer that has not faulted yet changes nothing; the lab follows the described design and changes the host\'s PTEs for the range.',
      view: { mode: 'compare', vs: 'baseline' },
      predict: {
        kind: 'choice',
        prompt: 'B calls mprotect(PROT_READ) on its mapping. Will A\'s PTE for the page be writable or read-only?',
        options: ['writable', 'read-only'],
        answer: '{access A 0x7f0000000000}',
        hint: 'How many PTEs for this page exist, one per process or one in the host?',
        why: 'There is one PTE in the host\'s page; B\'s mprotect cleared its write bit for everybody.',
      },
    },
    {
      title: 'A writes anyway',
      text:
        'A writes. The PTE forbids it, so the CPU faults; the fault handler checks A\'s own `VMA`, which allows writing, and makes ' +
        'the shared PTE writable again. For B too: {access B 0x7f0000000000}.',
      step: 9,
      open: 'The lab checks the faulting process\'s own VMA, as the posted code does; a design that refused mprotect on shared ranges (as msharefs later did) would close this hazard.',
    },
    {
      title: 'The hazard',
      text:
        'B\'s `VMA` is read-only, yet B writes, and the result is: {errno 10}. The hardware checks PTEs, not VMAs, and the ' +
        'shared PTE says writable. B wrote through a read-only mapping.',
      step: 10,
      predict: {
        kind: 'choice',
        prompt: 'B\'s mapping is read-only. B now writes to the page. What happens?',
        options: ['SIGSEGV', 'no error'],
        answer: '{errno 10}',
        hint: 'Who checks a present PTE, the CPU or the kernel? And what does the PTE say now?',
        why: 'The PTE is present and writable, so the CPU lets the write through without a fault: the kernel never sees it.',
      },
    },
    {
      title: 'MADV_DONTNEED reaches them too',
      text:
        'A drops the page with `MADV_DONTNEED`. That clears the PTE in the shared page, so B loses it as well: B maps ' +
        '{rss_pages B|count} pages now and will fault it back in. The file data stays in the page cache ({file_bytes|bytes}).',
      step: 11,
      predict: {
        kind: 'number',
        prompt: 'A calls madvise(MADV_DONTNEED) on the range. How many pages will B still have mapped?',
        unit: 'pages',
        answer: '{rss_pages B}',
        hint: 'MADV_DONTNEED clears PTEs. Whose PTEs are they?',
        why: 'A cleared the PTE in the host\'s page, which B\'s PMD entry points at: B\'s mapping is empty too.',
      },
    },
  ],
};
