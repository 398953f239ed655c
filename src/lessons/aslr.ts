/** Lesson 10 (SPEC 6, SPEC 2): ASLR and the same-address rule. */
import type { Lesson } from './types';

export const aslr: Lesson = {
  id: 'aslr',
  title: 'ASLR and the same-address rule',
  question: 'Why do two processes that let the kernel choose the address not share tables?',
  minutes: 4,
  scenario: [
    'file f 2M',
    'file g 2M',
    'process A',
    'process B',
    'A mmap auto 2M rw shared,shared_pt f as=a',
    'B mmap auto 2M rw shared,shared_pt f as=b',
    'A touch a read',
    'B touch b read',
    'A mmap 0x200000000000 2M rw shared,shared_pt g',
    'B mmap 0x200000000000 2M rw shared,shared_pt g',
    'A touch 0x200000000000 read',
    'B touch 0x200000000000 read',
  ].join('\n'),
  slides: [
    {
      title: 'Randomised addresses',
      text:
        'Without a fixed address, `mmap` lets the kernel choose, and address-space layout randomisation makes that choice differ ' +
        'from process to process (the lab draws it from the scenario\'s seed).',
      step: 4,
    },
    {
      title: 'Two choices, two regions',
      text:
        'A and B each map f where the kernel put it. The host\'s region is A\'s; B\'s address is another, so B silently gets ' +
        'private tables. References on the host: {refcount f}.',
      step: 6,
      predict: {
        kind: 'choice',
        prompt: 'A and B both map f with MAP_SHARED_PT at kernel-chosen addresses. How many references will f\'s host hold?',
        options: ['1', '2'],
        answer: '{refcount f}',
        hint: 'Under the proposal, sharing needs the same address as the host\'s region.',
        why: 'The two random addresses differ, so only A\'s mapping belongs to the host.',
      },
    },
    {
      title: 'B pays in full',
      text:
        'Both read a page. A, a guest, pays its PUD and PMD pages; B pays PUD, PMD and a PTE page of its own: ' +
        '{pgtables_bytes B|bytes}.',
      step: 8,
      predict: {
        kind: 'number',
        prompt: 'B reads one page of its mapping. How many bytes will B\'s `VmPTE` show?',
        unit: 'bytes',
        answer: '{pgtables_bytes B}',
        hint: 'B is not a guest. A first touch builds every missing level below the PGD.',
        why: 'A PUD, a PMD and a PTE page, 4 KiB each: the mapping is plain MAP_SHARED for B.',
      },
    },
    {
      title: 'Agree on an address',
      text:
        'Software that wants sharing maps at an agreed address. Both map g at 0x200000000000: B\'s mapping is {shared B 0x200000000000}, ' +
        '{refcount g} references. Under hugetlb sharing, random addresses may share when their offsets inside a 1 GiB window agree.',
      step: 12,
      focus: { kind: 'link', from: 'B', host: 'host:g' },
    },
  ],
};
