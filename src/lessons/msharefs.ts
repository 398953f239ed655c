/** Lesson 12 (SPEC 6, SPEC 1.5): msharefs, the 2025 successor, against the 2023 flag on one scenario. */
import type { Lesson } from './types';

const A_AT = '0x7f0000000000';
const B_AT = '0x500000000000';
/** One GiB into B's window: after the file object, before the anonymous one. */
const B_GAP = '0x500040000000';

export const msharefs: Lesson = {
  id: 'msharefs',
  title: 'What came next: msharefs',
  question: 'How does the 2025 successor share page tables: 512 GiB regions, any address, mprotect refused?',
  minutes: 7,
  scenario: [
    'file sga 2G',
    'process A',
    'process B',
    `A mmap ${A_AT} 2M rw shared,shared_pt sga`,
    `B mmap ${B_AT} 2M rw shared,shared_pt sga`,
    `A touch ${A_AT} read`,
    `B touch ${B_AT} read`,
    `A munmap ${A_AT} 2M`,
    `B munmap ${B_AT} 2M`,
    'mshare rgn 512G',
    'rgn map 0 1G sga',
    'rgn map 2G 1G -',
    `A mmap ${A_AT} 512G rw shared rgn`,
    `B mmap ${B_AT} 512G rw shared rgn`,
    `A touch ${A_AT} read`,
    `B touch ${B_AT} read`,
    `A mprotect ${A_AT} 2M r`,
    `B touch ${B_GAP} read`,
    'A exit',
    'unlink rgn',
  ].join('\n'),
  slides: [
    {
      title: '2023: the same address, or nothing',
      text:
        'First the 2023 way. A and B map the same 2 MiB of the file with `MAP_SHARED_PT`, but at different addresses. The flag ' +
        'shares only at the host\'s own address and length, so B is {shared B 0x500000000000}. After one read each, A pays ' +
        '{pgtables_bytes A|bytes} (its PUD and PMD pages), the host {host_pgtables_bytes sga|bytes}, and B {pgtables_bytes B|bytes} ' +
        'for private tables of its own.',
      step: 7,
      focus: { kind: 'mm', name: 'B' },
    },
    {
      title: '2025: a region is a file',
      text:
        'Both unmap, and the 2023 host is gone ({refcount sga} references). The 2025 series makes sharing a file of its own: a ' +
        'region file in msharefs, sized once with `ftruncate` to a multiple of the alignment in `/sys/fs/mshare/mshare_info` ' +
        '(`mshare_align`: 512 GiB on x86-64 with 4-level paging). Objects go inside with `MSHAREFS_CREATE_MAPPING`: the file\'s ' +
        'first GiB at offset 0, a GiB of anonymous memory at 2 GiB. Each is a `VMA` of the region\'s own mm, the host ' +
        '`mshare: rgn`. Its tables so far: {host_pgtables_bytes rgn|exact}.',
      step: 12,
      focus: { kind: 'mm', name: 'host:rgn' },
    },
    {
      title: 'Any address',
      text:
        'A and B attach with a plain `mmap` of the whole region, `MAP_SHARED` (`MAP_PRIVATE` is `EINVAL`), at different ' +
        'addresses. The length must be the region\'s and the address a multiple of `mshare_align`, nothing more: B\'s window ' +
        'is {shared B 0x500000000000}, and the region has {refcount rgn} references. Each process gets one `VMA`, the window.',
      step: 14,
      predict: {
        kind: 'choice',
        prompt: 'B attaches the region at a different address from A. Will B\'s window be shared or not shared?',
        options: ['shared', 'not shared'],
        answer: '{shared B 0x500000000000}',
        hint: 'The 2023 rule compared addresses. What does an msharefs attach check about the address?',
        why: 'A window needs only an address aligned to `mshare_align`; the same-address rule of 2023 is gone.',
      },
    },
    {
      title: 'A link fault one level up',
      text:
        'A reads the first page. Its `PGD` entry for the window is empty, so a link fault points it at the host\'s PUD page, ' +
        'made now in the host. Then the fault runs in the host, against the host\'s `VMA`s: PMD and PTE pages there too, ' +
        '{host_pgtables_bytes rgn|bytes} in all, charged to the host. B\'s read is one link fault, and the page is already ' +
        'there ({rss_pages B|count} page mapped). A pays {pgtables_bytes A|exact}, B {pgtables_bytes B|exact}.',
      step: 16,
      focus: { kind: 'link', from: 'B', host: 'host:rgn' },
      predict: {
        kind: 'number',
        prompt: 'A, then B, read the first page through their windows. How many bytes of page tables will B be charged?',
        unit: 'bytes',
        answer: '{pgtables_bytes B}',
        hint: 'In 2023 a sharer paid its own PUD and PMD pages. Which entry does an msharefs link fault write, and in which table?',
        why: 'B\'s link is one entry in the PGD page every process has anyway; the PUD, PMD and PTE pages below it belong to the host.',
      },
    },
    {
      title: 'mprotect is refused',
      text:
        'A asks for 2 MiB of its window to be read-only: {errno 17}. The window\'s `vm_ops` refuse `mprotect` and `madvise` ' +
        'before anything changes, so one sharer can no longer change another\'s PTEs as in 2023. Reviewers asked for dedicated ' +
        'calls that change a region for all its sharers.',
      step: 17,
      predict: {
        kind: 'choice',
        prompt: 'In 2023 one sharer\'s mprotect reached every sharer. A now calls mprotect(PROT_READ) on 2 MiB of its window. EINVAL, or no error?',
        options: ['EINVAL', 'no error'],
        answer: '{errno 17}',
        hint: 'The 2025 series closed the 2023 hazard in the simplest way there is.',
        why: 'The window refuses `mprotect` outright: no PTE of the host changes, for A or for B.',
      },
    },
    {
      title: 'Between objects: nothing',
      text:
        'B reads 1 GiB into its window, after the file and before the anonymous memory: {errno 18}. The fault runs in the host, ' +
        'and no host `VMA` covers that address. The signal kills B, and its window goes with it: {refcount rgn} reference left.',
      step: 18,
      focus: { kind: 'mm', name: 'host:rgn' },
    },
    {
      title: 'Nobody attached, the host stays',
      text:
        'A exits: {refcount rgn} references. A 2023 host would be freed now; this one lives as long as its region file exists, ' +
        'with its tables ({host_pgtables_bytes rgn|bytes}) and objects. A process could attach again and find the page mapped.',
      step: 19,
      focus: { kind: 'mm', name: 'host:rgn' },
    },
    {
      title: 'Unlink frees it',
      text:
        '`unlink` of the region file with nobody attached frees the host and every table in it: {pagetables_bytes|exact} of page ' +
        'tables left in the system. The file\'s page stays in the page cache ({file_bytes|bytes}). msharefs is not merged; a 2026 ' +
        'LSFMM+BPF session proposed moving it to system calls, `mshare_create` and `mshare_attach` (proposed, 2026; no patches seen).',
      step: 20,
    },
  ],
};
