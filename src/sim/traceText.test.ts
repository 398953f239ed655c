import { describe, expect, it } from 'vitest';
import { A, D, NX, P, U, W } from './bits';
import type { TraceEvent } from './events';
import { eventText, traceText } from './traceText';

const NAMES: Record<number, string> = { 1: 'db1', 2: 'db2', 3: 'host:sga', 7: 'db7' };
const mmName = (mm: number): string => NAMES[mm] ?? `mm${mm}`;
const VA = 0x7f00_0000_0000;
const MiB = 2 ** 20;

/** One sample of every event kind and its line: a new kind fails to compile here. */
const SAMPLES: { readonly [K in TraceEvent['k']]: [Extract<TraceEvent, { k: K }>, string] } = {
  task: [{ k: 'task', task: 'db1t', mm: 1, how: 'thread', parent: 'db1' }, 'task    db1t created (thread of db1, shares its mm)'],
  mmap: [
    { k: 'mmap', mm: 2, va: VA, len: 4 * MiB, file: 'sga', sharing: 'none', notShared: 'start not 2 MiB-aligned' },
    'mmap    db2 0x7f00_0000_0000 +4 MiB sga (not shared: start not 2 MiB-aligned)',
  ],
  error: [{ k: 'error', errno: 'EINVAL', message: 'shared_pt needs shared' }, 'error   EINVAL: shared_pt needs shared'],
  signal: [
    { k: 'signal', task: 'db1', mm: 1, signal: 'SIGSEGV', va: 0x1000, reason: 'no mapping at 0x1000' },
    'signal  db1 SIGSEGV at 0x1000: no mapping at 0x1000',
  ],
  oom: [
    { k: 'oom', task: 'db7', mm: 7, va: VA, need: 'pte', pagetablesBytes: 512.04 * 2 ** 30, fileBytes: 300 * 2 ** 30 },
    'oom     db7 killed: could not allocate a PTE page for 0x7f00_0000_0000 (page tables 512.0 GiB, file pages 300 GiB)',
  ],
  exit: [{ k: 'exit', task: 'db1', mm: 1, lastTask: true }, 'exit    db1 (last task: mm torn down)'],
  host_release: [{ k: 'host_release', host: 3, file: 'sga' }, 'release host:sga: last reference gone, host mm of sga torn down'],
  host_create: [
    { k: 'host_create', host: 3, file: 'sga', va: VA, len: 64 * MiB },
    'host    host:sga created for sga, region 0x7f00_0000_0000 +64 MiB',
  ],
  host_ref: [{ k: 'host_ref', host: 3, mm: 2, refcount: 2 }, 'ref     db2 → host:sga (refcount 2)'],
  walk: [{ k: 'walk', mm: 1, va: VA, stop: 'pmd' }, 'walk    db1 0x7f00_0000_0000: PMD entry empty: fault'],
  fault: [
    { k: 'fault', mm: 1, va: VA, len: 4 * MiB, access: 'write', kind: 'normal' },
    'fault   db1 0x7f00_0000_0000 +4 MiB write (1024 pages)',
  ],
  alloc: [
    { k: 'alloc', mm: 1, level: 'pte', va: VA, count: 2, charged: 1 },
    'alloc   db1 PTE ×2 at 0x7f00_0000_0000 (charged to db1)',
  ],
  fill: [{ k: 'fill', file: 'sga', page: 0, count: 1024 }, 'fill    sga pages 0..1023 into the page cache (4 MiB)'],
  link: [
    { k: 'link', mm: 2, va: VA, len: 4 * MiB, host: 3 },
    'link    db2 PMD entries 0x7f00_0000_0000..0x7f00_0040_0000 → host:sga',
  ],
  share: [
    { k: 'share', mm: 2, va: VA, len: 2 ** 30, from: 1 },
    'share   db2 PUD entries 0x7f00_0000_0000..0x7f00_4000_0000 → PMD pages of db1',
  ],
  set: [
    { k: 'set', mm: 3, level: 'pte', va: VA, len: 4 * MiB, bits: P | W | U | A | D | NX },
    'set     host:sga 1024 PTE entries 0x7f00_0000_0000..0x7f00_0040_0000 = P W U A D NX',
  ],
  prot: [
    { k: 'prot', mm: 3, level: 'pte', va: VA, len: 4096, bits: P | U | A | NX, seenBy: [1, 2, 3] },
    'prot    host:sga 1 PTE entry 0x7f00_0000_0000..0x7f00_0000_1000 = P U A NX, seen by db1 db2 host:sga',
  ],
  clear: [
    { k: 'clear', mm: 1, level: 'pmd', va: VA, len: 4 * MiB, seenBy: [1] },
    'clear   db1 2 PMD entries 0x7f00_0000_0000..0x7f00_0040_0000, seen by db1',
  ],
  unlink: [
    { k: 'unlink', mm: 2, va: VA, len: 2 * MiB, host: 3 },
    'unlink  db2 PMD entries 0x7f00_0000_0000..0x7f00_0020_0000 ✕ host:sga',
  ],
  unshare: [
    { k: 'unshare', mm: 2, va: VA, len: 2 ** 30 },
    'unshare db2 PUD entries 0x7f00_0000_0000..0x7f00_4000_0000 (shared PMD pages stay for their other users)',
  ],
  tlb: [{ k: 'tlb', mms: [1, 2], va: VA, len: 4 * MiB }, 'tlb     flush db1 db2 0x7f00_0000_0000..0x7f00_0040_0000'],
  free: [{ k: 'free', mm: 1, level: 'pgd', va: 0, count: 1 }, 'free    db1 PGD ×1 at 0x0'],
  host_unref: [{ k: 'host_unref', host: 3, mm: 2, refcount: 0 }, 'unref   db2 ✕ host:sga (refcount 0)'],
};

describe('eventText', () => {
  for (const [kind, [event, line]] of Object.entries(SAMPLES)) {
    it(`formats ${kind}`, () => {
      expect(eventText(event, mmName)).toBe(line);
    });
  }

  it('describes every variant of tasks, mmaps, walks, faults and OOM', () => {
    const lines = traceText(
      [
        { k: 'task', task: 'db1', mm: 1, how: 'process', parent: null },
        { k: 'task', task: 'db1c', mm: 4, how: 'fork', parent: 'db1' },
        { k: 'mmap', mm: 1, va: VA, len: 4 * MiB, file: 'sga', sharing: 'shared_pt', notShared: null },
        { k: 'mmap', mm: 1, va: VA, len: 2 ** 30, file: 'huge', sharing: 'hugetlb', notShared: null },
        { k: 'mmap', mm: 1, va: VA, len: 4096, file: 'sga', sharing: 'none', notShared: null },
        { k: 'walk', mm: 1, va: VA, stop: 'hit' },
        { k: 'walk', mm: 1, va: VA, stop: 'deny' },
        { k: 'fault', mm: 2, va: VA, len: 4 * MiB, access: 'read', kind: 'link' },
        { k: 'fault', mm: 2, va: VA, len: 4096, access: 'write', kind: 'host' },
        { k: 'fault', mm: 2, va: VA, len: 4 * MiB, access: 'read', kind: 'hugetlb' },
        { k: 'oom', task: 'db7', mm: 7, va: VA, need: 'page', pagetablesBytes: 4096, fileBytes: 0 },
        { k: 'exit', task: 'db1t', mm: 1, lastTask: false },
        { k: 'set', mm: 1, level: 'pte', va: VA, len: 4096, bits: 0 },
      ],
      mmName,
    );
    expect(lines).toEqual([
      'task    db1 created (process, new mm)',
      'task    db1c created (fork of db1, new mm with copied VMAs)',
      'mmap    db1 0x7f00_0000_0000 +4 MiB sga (MAP_SHARED_PT, tables shared through the host)',
      'mmap    db1 0x7f00_0000_0000 +1 GiB huge (hugetlb, PMD pages shareable)',
      'mmap    db1 0x7f00_0000_0000 +4 KiB sga (own page tables)',
      'walk    db1 0x7f00_0000_0000: leaf present and allows the access: no fault',
      'walk    db1 0x7f00_0000_0000: leaf present but does not allow the access: fault',
      'fault   db2 0x7f00_0000_0000 +4 MiB read, link fault (2 × 2 MiB)',
      'fault   db2 0x7f00_0000_0000 +4 KiB write, host fault (1 page)',
      'fault   db2 0x7f00_0000_0000 +4 MiB read, hugetlb fault (2 huge pages)',
      'oom     db7 killed: could not allocate a file page for 0x7f00_0000_0000 (page tables 4 KiB, file pages 0 B)',
      'exit    db1t (mm db1 kept by its other tasks)',
      'set     db1 1 PTE entry 0x7f00_0000_0000..0x7f00_0000_1000 = 0',
    ]);
  });
});
