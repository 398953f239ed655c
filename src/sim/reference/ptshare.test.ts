// SPEC 1.3 (MAP_SHARED_PT), rule by rule, through the reference model.
import { describe, expect, it } from 'vitest';
import { A, D, NX, P, U, W } from '../bits';
import { canon, last, ofKind, pgtables, run } from './harness';
import { K, M, script } from './script';

const BASE = 0x7f00_0000_0000;
const PAGE = 4 * K;

/** File `f` (64 MiB), processes a and b; a maps [BASE, BASE+len) with shared_pt (it becomes the host's first guest). */
function hosted(len = 4 * M) {
  return script().file('f', 64 * M).process('a', 'b').mmap('a', BASE, len, 'rw', 'shared,shared_pt', 'f');
}

describe('SPEC 1.3: MAP_SHARED_PT', () => {
  it('rule: shared_pt with private fails with EINVAL', () => {
    const r = run(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'private,shared_pt', 'f').build());
    expect(ofKind(last(r), 'error').map((e) => e.errno)).toEqual(['EINVAL']);
    expect(r.model.hosts()).toEqual([]);
  });

  it('rule: a misaligned or anonymous request is not an error: ordinary tables, with the reason', () => {
    const r = run(
      script()
        .file('f', 8 * M)
        .process('a')
        .mmap('a', BASE + PAGE, 2 * M, 'rw', 'shared,shared_pt', 'f')
        .mmap('a', BASE + 4 * M, 3 * M, 'rw', 'shared,shared_pt', 'f')
        .mmap('a', BASE + 8 * M, 2 * M, 'rw', 'shared,shared_pt', '-')
        .build(),
    );
    const why = r.steps.slice(-3).map((s) => ofKind(s, 'mmap').map((e) => [e.sharing, e.notShared]));
    expect(why).toEqual([
      [['none', 'start not 2 MiB-aligned']],
      [['none', 'length not a multiple of 2 MiB']],
      [['none', 'anonymous memory']],
    ]);
    expect(r.model.hosts()).toEqual([]);
  });

  it('rule: the first eligible mmap of a file creates its host mm with refcount 1', () => {
    const r = run(hosted().build());
    expect(last(r)).toEqual(canon([
      { k: 'mmap', mm: 1, va: BASE, len: 4 * M, file: 'f', sharing: 'shared_pt', notShared: null },
      { k: 'host_create', host: 3, file: 'f', va: BASE, len: 4 * M },
      { k: 'host_ref', host: 3, mm: 1, refcount: 1 },
    ]));
    expect(r.model.hosts()).toEqual([{ file: 'f', refcount: 1, pgtables_bytes: 0 }]);
    expect(r.model.mmName(3)).toBe('host:f');
    expect(r.model.memory().pagetables_bytes).toBe(3 * 4096); // two PGDs and the host's
  });

  it('rule: a later mmap with the same address, length and offset shares; the refcount goes up', () => {
    const r = run(hosted().mmap('b', BASE, 4 * M, 'r', 'shared,shared_pt', 'f').build());
    expect(ofKind(last(r), 'host_ref')).toEqual([{ k: 'host_ref', host: 3, mm: 2, refcount: 2 }]);
    expect(r.model.hosts()[0]?.refcount).toBe(2);
  });

  it('rule: a different address, length or offset silently gets private tables', () => {
    const r = run(
      hosted()
        .process('c', 'd')
        .mmap('b', BASE + 64 * M, 4 * M, 'rw', 'shared,shared_pt', 'f')
        .mmap('c', BASE, 2 * M, 'rw', 'shared,shared_pt', 'f')
        .mmap('d', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f', { offset: 2 * M })
        .build(),
    );
    for (const s of r.steps.slice(-3)) {
      expect(ofKind(s, 'mmap')[0]).toMatchObject({ sharing: 'none', notShared: "address, length or offset differ from the host's region" });
      expect(ofKind(s, 'error')).toEqual([]);
    }
    expect(r.model.hosts()[0]?.refcount).toBe(1);
  });

  it('rule: Kravetz A/B/C: A and B share, C shares nothing but its file pages', () => {
    const r = run(
      script()
        .file('f', 8 * M)
        .process('A', 'B', 'C')
        .mmap('A', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f')
        .mmap('B', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f')
        .mmap('C', BASE, 8 * M, 'rw', 'shared,shared_pt', 'f')
        .touch('A', BASE, 4 * M)
        .touch('B', BASE, 4 * M)
        .touch('C', BASE, 8 * M)
        .build(),
    );
    expect(r.model.hosts()).toEqual([{ file: 'f', refcount: 2, pgtables_bytes: 4 * 4096 }]);
    expect(pgtables(r, 'A')).toBe(2 * 4096);
    expect(pgtables(r, 'B')).toBe(2 * 4096);
    expect(pgtables(r, 'C')).toBe(6 * 4096);
    expect(ofKind(last(r), 'fill')).toEqual([{ k: 'fill', file: 'f', page: 1024, count: 1024 }]);
  });

  it('rule: the first touch of an untouched chunk takes a host fault, then a link fault', () => {
    const r = run(hosted().touch('a', BASE + PAGE, null, 'write').build());
    expect(last(r)).toEqual(canon([
      { k: 'walk', mm: 1, va: BASE + PAGE, stop: 'pgd' },
      { k: 'fault', mm: 1, va: BASE, len: 2 * M, access: 'write', kind: 'link' },
      { k: 'fault', mm: 1, va: BASE + PAGE, len: PAGE, access: 'write', kind: 'host' },
      { k: 'alloc', mm: 1, level: 'pud', va: BASE, count: 1, charged: 1 },
      { k: 'alloc', mm: 3, level: 'pud', va: BASE, count: 1, charged: 3 },
      { k: 'alloc', mm: 1, level: 'pmd', va: BASE, count: 1, charged: 1 },
      { k: 'alloc', mm: 3, level: 'pmd', va: BASE, count: 1, charged: 3 },
      { k: 'alloc', mm: 3, level: 'pte', va: BASE, count: 1, charged: 3 },
      { k: 'fill', file: 'f', page: 1, count: 1 },
      { k: 'link', mm: 1, va: BASE, len: 2 * M, host: 3 },
      { k: 'set', mm: 3, level: 'pte', va: BASE + PAGE, len: PAGE, bits: P | W | U | A | D | NX },
    ]));
    expect(pgtables(r, 'a')).toBe(2 * 4096);
    expect(r.model.hosts()[0]?.pgtables_bytes).toBe(3 * 4096);
  });

  it('rule: a touch of a chunk another sharer populated takes one link fault and then hits', () => {
    const r = run(hosted().mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 2 * M).touch('b', BASE, 2 * M).build());
    expect(ofKind(last(r), 'fault')).toEqual([{ k: 'fault', mm: 2, va: BASE, len: 2 * M, access: 'read', kind: 'link' }]);
    expect(ofKind(last(r), 'set')).toEqual([]);
  });

  it('rule: a PTE written by any sharer is at once visible to every linked sharer', () => {
    const r = run(hosted().mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, null).touch('b', BASE, null).touch('b', BASE + PAGE, null, 'write').build());
    expect(r.model.translate('a', BASE + PAGE)).toEqual({ file: 'f', page: 1, bits: P | W | U | A | D | NX });
  });

  it('rule: mprotect by a sharer is seen by every linked sharer, while their VMAs keep their flags', () => {
    const r = run(
      hosted()
        .mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f')
        .touch('a', BASE, PAGE, 'write')
        .touch('b', BASE, PAGE)
        .mprotect('a', BASE, 2 * M, 'r')
        .build(),
    );
    expect(last(r)).toEqual(canon([
      { k: 'prot', mm: 3, level: 'pte', va: BASE, len: PAGE, bits: P | U | A | D | NX, seenBy: [1, 2, 3] },
      { k: 'tlb', mms: [1, 2, 3], va: BASE, len: 2 * M },
    ]));
    expect(r.model.translate('b', BASE)?.bits).toBe(P | U | A | D | NX);
  });

  it('rule: a sharer whose VMA still allows writing makes the PTE writable again for everybody (the hazard)', () => {
    const r = run(
      hosted()
        .mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f')
        .touch('a', BASE, PAGE, 'write')
        .touch('b', BASE, PAGE)
        .mprotect('a', BASE, 2 * M, 'r')
        .touch('b', BASE, null, 'write')
        .touch('a', BASE, null, 'write')
        .build(),
    );
    const bWrite = r.steps[r.steps.length - 2] ?? [];
    expect(ofKind(bWrite, 'fault')).toEqual([{ k: 'fault', mm: 2, va: BASE, len: PAGE, access: 'write', kind: 'host' }]);
    expect(r.model.translate('a', BASE)?.bits).toBe(P | W | U | A | D | NX);
    // a's own VMA is read-only, but the hardware lets the write through: no fault at all.
    expect(last(r)).toEqual([{ k: 'walk', mm: 1, va: BASE, stop: 'hit' }]);
  });

  it('rule: a protnone PTE in the shared page is filled in again by a sharer whose VMA allows the access', () => {
    const r = run(
      hosted().mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, PAGE).touch('b', BASE, PAGE).mprotect('a', BASE, 2 * M, 'none').touch('b', BASE, null).build(),
    );
    expect(ofKind(last(r), 'walk')[0]?.stop).toBe('deny');
    expect(r.model.translate('a', BASE)?.bits).toBe(P | W | U | A | NX);
  });

  it('rule: MADV_DONTNEED by a sharer clears the PTEs in the shared page for every sharer', () => {
    const r = run(hosted().mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M).touch('b', BASE, 2 * M).madvise('b', BASE, 4 * M, 'dontneed').build());
    // The host's PTEs for the whole range, also the chunk b never touched (SPEC 1.3, decision).
    expect(last(r)).toEqual(canon([
      { k: 'clear', mm: 3, level: 'pte', va: BASE, len: 2 * M, seenBy: [1, 2, 3] },
      { k: 'clear', mm: 3, level: 'pte', va: BASE + 2 * M, len: 2 * M, seenBy: [1, 3] },
      { k: 'tlb', mms: [1, 2, 3], va: BASE, len: 4 * M },
    ]));
    expect(r.model.translate('a', BASE)).toBeNull();
    expect(r.model.translate('a', BASE + 2 * M)).toBeNull();
  });

  it('rule: pt_reclaim never frees a PTE page other mms link to', () => {
    const r = run(script().machine({ ptReclaim: true }).file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M).madvise('a', BASE, 4 * M, 'dontneed').build());
    expect(ofKind(last(r), 'free')).toEqual([]);
  });

  it('rule: MADV_HUGEPAGE and NOHUGEPAGE change only the caller’s VMA, with no events', () => {
    const r = run(hosted().touch('a', BASE, 2 * M).madvise('a', BASE, 2 * M, 'hugepage').madvise('a', BASE, 4 * M, 'nohugepage').build());
    expect(r.steps.slice(-2)).toEqual([[], []]);
  });

  it('rule: munmap of a shared region must cover exactly the host’s region; anything else is EINVAL', () => {
    const r = run(hosted().munmap('a', BASE, 2 * M).munmap('a', BASE, 6 * M).build());
    expect(r.steps.slice(-2).map((s) => ofKind(s, 'error').map((e) => e.errno))).toEqual([['EINVAL'], ['EINVAL']]);
  });

  it('rule: a full unmap clears the guest’s PMD entries, frees only its own tables and drops the reference', () => {
    const r = run(hosted().mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M).munmap('a', BASE, 4 * M).build());
    expect(last(r)).toEqual(canon([
      { k: 'unlink', mm: 1, va: BASE, len: 4 * M, host: 3 },
      { k: 'tlb', mms: [1], va: BASE, len: 4 * M },
      { k: 'free', mm: 1, level: 'pmd', va: BASE, count: 1 },
      { k: 'free', mm: 1, level: 'pud', va: BASE, count: 1 },
      { k: 'host_unref', host: 3, mm: 1, refcount: 1 },
    ]));
    expect(r.model.hosts()).toEqual([{ file: 'f', refcount: 1, pgtables_bytes: 4 * 4096 }]);
  });

  it('rule: exit drops the reference too, so the guest’s charged bytes are 0 afterwards', () => {
    const r = run(hosted().mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M).exit('a').build());
    expect(ofKind(last(r), 'host_unref')).toEqual([{ k: 'host_unref', host: 3, mm: 1, refcount: 1 }]);
    expect(ofKind(last(r), 'clear')).toEqual([]);
    expect(r.model.processes()[0]?.pgtables_bytes).toBe(0);
  });

  it('rule: fork of a guest keeps the flag and takes a reference; the child link-faults on first touch', () => {
    const r = run(hosted().touch('a', BASE, null).fork('a', 'c').touch('c', BASE, null).build());
    expect(r.steps[r.steps.length - 2]).toEqual(canon([
      { k: 'task', task: 'c', mm: 4, how: 'fork', parent: 'a' },
      { k: 'host_ref', host: 3, mm: 4, refcount: 2 },
    ]));
    expect(ofKind(last(r), 'fault').map((e) => e.kind)).toEqual(['link']);
  });

  it('rule: at refcount 0 the host is released: PTEs cleared, tables freed, the file forgets it', () => {
    const r = run(hosted().touch('a', BASE, 2 * M).munmap('a', BASE, 4 * M).mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').build());
    expect(r.steps[r.steps.length - 2]).toEqual(canon([
      { k: 'unlink', mm: 1, va: BASE, len: 2 * M, host: 3 },
      { k: 'tlb', mms: [1], va: BASE, len: 4 * M },
      { k: 'free', mm: 1, level: 'pmd', va: BASE, count: 1 },
      { k: 'free', mm: 1, level: 'pud', va: BASE, count: 1 },
      { k: 'host_unref', host: 3, mm: 1, refcount: 0 },
      { k: 'host_release', host: 3, file: 'f' },
      { k: 'clear', mm: 3, level: 'pte', va: BASE, len: 2 * M, seenBy: [3] },
      { k: 'free', mm: 3, level: 'pte', va: BASE, count: 1 },
      { k: 'free', mm: 3, level: 'pmd', va: BASE, count: 1 },
      { k: 'free', mm: 3, level: 'pud', va: BASE, count: 1 },
      { k: 'free', mm: 3, level: 'pgd', va: 0, count: 1 },
    ]));
    // A fresh host for the next mmap, with the next mm id.
    expect(ofKind(last(r), 'host_create')).toEqual([{ k: 'host_create', host: 4, file: 'f', va: BASE, len: 4 * M }]);
  });

  it('rule: the SPEC 3 example: eight sharers of a fully touched 64 MiB region', () => {
    const s = script().file('sga', 64 * M);
    const names = ['db1', 'db2', 'db3', 'db4', 'db5', 'db6', 'db7', 'db8'];
    s.process(...names);
    for (const n of names) s.mmap(n, BASE, 64 * M, 'rw', 'shared,shared_pt', 'sga');
    for (const n of names) s.touch(n, BASE, 64 * M, 'write');
    const r = run(s.build());
    for (const n of names) expect(pgtables(r, n)).toBe(8192);
    expect(r.model.hosts()).toEqual([{ file: 'sga', refcount: 8, pgtables_bytes: 139264 }]);
    expect(r.model.memory().pagetables_bytes).toBe(241664);
    expect(r.model.processes()[7]?.rss_pages).toBe(16384);
  });
});
