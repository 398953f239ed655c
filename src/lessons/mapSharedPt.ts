/** Lesson 5 (SPEC 6, SPEC 1.3): MAP_SHARED_PT, the host mm, its rules, link faults and host faults. */
import type { Lesson } from './types';

export const mapSharedPt: Lesson = {
  id: 'map-shared-pt',
  title: 'MAP_SHARED_PT',
  question: 'How does the proposal let processes share the PTE pages of a mapping?',
  minutes: 6,
  scenario: [
    'file sga 4M',
    'process A',
    'process B',
    'A mmap 0x7f0000000000 4M rw shared,shared_pt sga',
    'B mmap 0x7f0000000000 4M rw shared,shared_pt sga',
    'A touch 0x7f0000000000 read',
    'B touch 0x7f0000000000 read',
    'B touch 0x7f0000200000 read',
    'A touch 0x7f0000200000 read',
  ].join('\n'),
  slides: [
    {
      title: 'A host mm for the file',
      text:
        'The 2023 proposal adds one flag, `MAP_SHARED_PT`. It must come with `MAP_SHARED` (else `EINVAL`), on a file, at an ' +
        'address and length that are multiples of 2 MiB. The first such mmap creates the file\'s host mm: it belongs to no process ' +
        'and will own the PTE pages. References: {refcount sga}.',
      step: 4,
      focus: { kind: 'mm', name: 'host:sga' },
    },
    {
      title: 'Same address, same length',
      text:
        'B maps the same file at the same address with the same length, so it joins the host: {refcount sga} references. ' +
        'Any other request silently gets ordinary private tables, with no error.',
      step: 5,
      open: 'The posted code compares address and length only; the lab also requires the same file offset, or a sharer could be handed PTEs for the wrong file pages.',
      predict: {
        kind: 'choice',
        prompt: 'B maps the same 4 MiB of the file at the same address. Will its mapping be shared or not shared?',
        options: ['shared', 'not shared'],
        answer: '{shared B 0x7f0000000000}',
        hint: 'Compare B\'s request with the host\'s region: file, address, length, offset.',
        why: 'Everything matches the host\'s region, so the reference count goes up and B becomes a guest.',
      },
    },
    {
      title: 'A host fault, then a link fault',
      text:
        'A reads the first page. The fault allocates A\'s own PUD and PMD pages ({pgtables_bytes A|bytes}, charged to A), then runs ' +
        'in the host: PUD, PMD and PTE pages there ({host_pgtables_bytes sga|bytes}, charged to the host). Then a link fault copies ' +
        'the host\'s PMD entry into A\'s PMD page, and the access retries.',
      step: 6,
      focus: { kind: 'link', from: 'A', host: 'host:sga' },
    },
    {
      title: 'A touch that only links',
      text:
        'B reads the same page. Its own PUD and PMD pages, one link fault, and the PTE A\'s fault wrote is already there: ' +
        'no PTE written, no PTE page paid. B\'s `VmPTE`: {pgtables_bytes B|bytes}.',
      step: 7,
      focus: { kind: 'link', from: 'B', host: 'host:sga' },
      predict: {
        kind: 'number',
        prompt: 'B reads the page A already faulted in. How many bytes will B\'s `VmPTE` show?',
        unit: 'bytes',
        answer: '{pgtables_bytes B}',
        hint: 'A guest pays for its own PUD and PMD pages; the PTE page belongs to the host.',
        why: 'B allocated a PUD and a PMD page (4 KiB each) and linked its PMD entry to the host\'s PTE page.',
      },
    },
    {
      title: 'Every sharer sees every PTE',
      text:
        'B touches the second 2 MiB first: a host fault writes a new PTE page in the host ({host_pgtables_bytes sga|bytes} now), ' +
        'then B links to it. A\'s touch there is a link fault alone. One physical PTE page, many PMD entries pointing at it. ' +
        'Side by side, the same scenario without `shared_pt`: each process builds its own PTE pages.',
      step: 9,
      view: { mode: 'compare', vs: 'baseline' },
    },
  ],
};
