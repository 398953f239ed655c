/** Lesson 11 (SPEC 6, SPEC 1.3): anonymous memory shares tables only through memfd_create. */
import type { Lesson } from './types';

export const memfd: Lesson = {
  id: 'memfd',
  title: 'Anonymous memory through memfd_create',
  question: 'How can anonymous memory have shared page tables?',
  minutes: 4,
  scenario: [
    'memfd buf 2M',
    'process A',
    'process B',
    'A mmap 0x7f0000000000 2M rw shared,shared_pt buf',
    'B mmap 0x7f0000000000 2M rw shared,shared_pt buf',
    'A touch 0x7f0000000000 write',
    'B touch 0x7f0000000000 read',
    'A mmap 0x7e0000000000 2M rw shared,shared_pt -',
    'A touch 0x7e0000000000 write',
  ].join('\n'),
  slides: [
    {
      title: 'Sharing needs a file',
      text:
        'A host mm belongs to a file: the first `MAP_SHARED_PT` mmap of the file creates it, later ones find it there. ' +
        'Anonymous memory has no file, so it cannot have a host. `memfd_create` gives anonymous memory a file.',
      step: 1,
    },
    {
      title: 'A memfd shares like a file',
      text:
        'A and B map the memfd at the same address and length: {refcount buf} references on its host, which holds ' +
        '{host_pgtables_bytes buf|bytes} of tables. B\'s read found A\'s PTE through a link.',
      step: 7,
      focus: { kind: 'link', from: 'B', host: 'host:buf' },
      predict: {
        kind: 'choice',
        prompt: 'A and B map one memfd with MAP_SHARED_PT at the same address. Shared or not shared?',
        options: ['shared', 'not shared'],
        answer: '{shared B 0x7f0000000000}',
        hint: 'A memfd is a file on an internal tmpfs.',
        why: 'A memfd is a file like any other, so the rules of the proposal apply and B joins the host.',
      },
    },
    {
      title: 'Anonymous memory does not',
      text:
        'A asks for `MAP_SHARED_PT` on anonymous memory. The result: {errno 8}, and the mapping is {shared A 0x7e0000000000}: ' +
        'the flag is ignored, not refused.',
      step: 8,
      predict: {
        kind: 'choice',
        prompt: 'A maps anonymous memory with MAP_SHARED|MAP_SHARED_PT. What does mmap return?',
        options: ['EINVAL', 'no error'],
        answer: '{errno 8}',
        hint: 'A request the proposal cannot share is not an error.',
        why: 'The mmap succeeds with ordinary private tables; the lab marks the mapping "not shared".',
      },
    },
    {
      title: 'Paid in full',
      text:
        'A\'s first write there builds private tables in another part of the address space: A\'s `VmPTE` is now ' +
        '{pgtables_bytes A|bytes}, a PUD, PMD and PTE page for the anonymous mapping on top of its PUD and PMD as a guest.',
      step: 9,
      focus: { kind: 'mm', name: 'A' },
    },
  ],
};
