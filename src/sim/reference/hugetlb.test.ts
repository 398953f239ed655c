// SPEC 1.4 (hugetlb PMD sharing), rule by rule, through the reference model.
import { describe, expect, it } from 'vitest';
import { A, D, NX, P, U, W } from '../bits';
import { canon, last, ofKind, pgtables, run } from './harness';
import { G, M, script } from './script';

const BASE = 0x4000_0000_0000; // 512 GiB-aligned, as in the kernel measurements

/** A 1 GiB hugetlb file `h` and processes a, b. */
function huge(size = G) {
  return script().file('h', size, true).process('a', 'b');
}

describe('SPEC 1.4: hugetlb PMD sharing', () => {
  it('rule: hugetlb leaves are PMD entries mapping 2 MiB pages; no PTE page exists', () => {
    const r = run(huge(4 * M).mmap('a', BASE, 4 * M, 'rw', 'shared', 'h').touch('a', BASE + 3 * M, null, 'write').build());
    expect(last(r)).toEqual(canon([
      { k: 'walk', mm: 1, va: BASE + 3 * M, stop: 'pgd' },
      { k: 'fault', mm: 1, va: BASE + 2 * M, len: 2 * M, access: 'write', kind: 'hugetlb' },
      { k: 'alloc', mm: 1, level: 'pud', va: BASE, count: 1, charged: 1 },
      { k: 'alloc', mm: 1, level: 'pmd', va: BASE, count: 1, charged: 1 },
      { k: 'fill', file: 'h', page: 512, count: 512 },
      { k: 'set', mm: 1, level: 'pmd', va: BASE + 2 * M, len: 2 * M, bits: P | W | U | A | D | NX },
    ]));
    expect(r.model.translate('a', BASE + 3 * M)).toEqual({ file: 'h', page: 768, bits: P | W | U | A | D | NX });
    expect(r.model.processes()[0]?.rss_pages).toBe(512);
    expect(r.model.memory().file_bytes).toBe(2 * M);
  });

  it('rule: a fault whose 1 GiB window lies in the VMA shares a partner’s PMD page, charged without an allocation', () => {
    const r = run(huge().mmap('a', BASE, G, 'rw', 'shared', 'h').mmap('b', BASE, G, 'rw', 'shared', 'h').touch('a', BASE, null).touch('b', BASE, null).build());
    expect(last(r)).toEqual(canon([
      { k: 'walk', mm: 2, va: BASE, stop: 'pgd' },
      { k: 'fault', mm: 2, va: BASE, len: 2 * M, access: 'read', kind: 'hugetlb' },
      { k: 'alloc', mm: 2, level: 'pud', va: BASE, count: 1, charged: 2 },
      { k: 'share', mm: 2, va: BASE, len: G, from: 1 },
    ]));
    expect(pgtables(r, 'b')).toBe(2 * 4096);
    expect(r.model.memory().pagetables_bytes).toBe((2 + 2 + 1) * 4096);
  });

  it('rule: virtual addresses may differ; only (address - offset) mod 1 GiB must match', () => {
    const r = run(
      huge(2 * G)
        .process('c')
        .mmap('a', BASE, 2 * G, 'rw', 'shared', 'h')
        .mmap('b', BASE + 7 * G, G, 'rw', 'shared', 'h', { offset: G })
        .mmap('c', BASE + 20 * G + 512 * M, 2 * G, 'rw', 'shared', 'h')
        .touch('a', BASE + G, null)
        .touch('b', BASE + 7 * G, null)
        .touch('c', BASE + 21 * G, null)
        .build(),
    );
    expect(ofKind(r.steps[r.steps.length - 2] ?? [], 'share')).toEqual([{ k: 'share', mm: 2, va: BASE + 7 * G, len: G, from: 1 }]);
    expect(ofKind(last(r), 'share')).toEqual([]);
    expect(r.model.translate('b', BASE + 7 * G)).toEqual(r.model.translate('a', BASE + G));
  });

  it('rule: mappings smaller than 1 GiB never share', () => {
    const r = run(huge().mmap('a', BASE, G - 2 * M, 'rw', 'shared', 'h').mmap('b', BASE, G - 2 * M, 'rw', 'shared', 'h').touch('a', BASE, null).touch('b', BASE, null).build());
    expect(ofKind(last(r), 'share')).toEqual([]);
    expect(ofKind(last(r), 'alloc').map((e) => e.level)).toEqual(['pud', 'pmd']);
  });

  it('rule: the partner may be another VMA of the same process', () => {
    const r = run(huge().mmap('a', BASE, G, 'rw', 'shared', 'h').mmap('a', BASE + 4 * G, G, 'rw', 'shared', 'h').touch('a', BASE, null).touch('a', BASE + 4 * G, null).build());
    expect(ofKind(last(r), 'share')).toEqual([{ k: 'share', mm: 1, va: BASE + 4 * G, len: G, from: 1 }]);
    expect(pgtables(r, 'a')).toBe(3 * 4096); // PUD, PMD, and the PMD page again
  });

  it('rule: private mappings and different protections do not share', () => {
    const r = run(
      huge()
        .process('c')
        .mmap('a', BASE, G, 'rw', 'shared', 'h')
        .mmap('b', BASE, G, 'rw', 'private', 'h')
        .mmap('c', BASE, G, 'r', 'shared', 'h')
        .touch('a', BASE, null)
        .touch('b', BASE, null)
        .touch('c', BASE, null)
        .build(),
    );
    expect(r.steps.slice(-2).map((s) => ofKind(s, 'share'))).toEqual([[], []]);
    expect(r.steps.slice(4, 7).map((st) => ofKind(st, 'mmap')[0]?.sharing)).toEqual(['hugetlb', 'none', 'hugetlb']);
  });

  it('rule: munmap unshares only the caller’s window; the table stays for the other user', () => {
    const r = run(huge().mmap('a', BASE, G, 'rw', 'shared', 'h').mmap('b', BASE, G, 'rw', 'shared', 'h').touch('a', BASE, 4 * M).touch('b', BASE, null).munmap('b', BASE, 2 * M).build());
    expect(last(r)).toEqual(canon([
      { k: 'unshare', mm: 2, va: BASE, len: G },
      { k: 'tlb', mms: [2], va: BASE, len: 2 * M },
    ]));
    expect(pgtables(r, 'b')).toBe(4096);
    expect(r.model.translate('a', BASE)).not.toBeNull();
    expect(r.model.translate('b', BASE + 2 * M)).toBeNull();
  });

  it('rule: a shared table is freed only when its last user goes', () => {
    const r = run(huge().mmap('a', BASE, G, 'rw', 'shared', 'h').mmap('b', BASE, G, 'rw', 'shared', 'h').touch('a', BASE, null).touch('b', BASE, null).exit('a').exit('b').build());
    const aExit = r.steps[r.steps.length - 2] ?? [];
    expect(ofKind(aExit, 'unshare')).toEqual([{ k: 'unshare', mm: 1, va: BASE, len: G }]);
    expect(ofKind(aExit, 'free').map((e) => e.level)).toEqual(['pud', 'pgd']);
    expect(ofKind(last(r), 'clear')).toEqual([{ k: 'clear', mm: 2, level: 'pmd', va: BASE, len: 2 * M, seenBy: [2] }]);
    expect(ofKind(last(r), 'free').map((e) => e.level)).toEqual(['pmd', 'pud', 'pgd']);
  });

  it('rule: mprotect and MADV_DONTNEED unshare the caller’s window before acting on what is private', () => {
    const s = huge().mmap('a', BASE, G, 'rw', 'shared', 'h').mmap('b', BASE, G, 'rw', 'shared', 'h').touch('a', BASE, null).touch('b', BASE, null);
    const r = run(s.mprotect('b', BASE, 2 * M, 'r').build());
    expect(last(r)).toEqual(canon([
      { k: 'unshare', mm: 2, va: BASE, len: G },
      { k: 'tlb', mms: [2], va: BASE, len: 2 * M },
    ]));
    expect(r.model.translate('a', BASE)?.bits).toBe(P | W | U | A | NX);
    const s2 = huge().mmap('a', BASE, G, 'rw', 'shared', 'h').mmap('b', BASE, G, 'rw', 'shared', 'h').touch('a', BASE, null).touch('b', BASE, null);
    const d = run(s2.madvise('b', BASE, 4 * M, 'dontneed').build());
    expect(last(d)).toEqual(canon([
      { k: 'unshare', mm: 2, va: BASE, len: G },
      { k: 'tlb', mms: [2], va: BASE, len: 4 * M },
    ]));
  });

  it('rule: hugetlb needs 2 MiB-aligned addresses and offsets; the length rounds up to 2 MiB', () => {
    const r = run(
      huge(8 * M)
        .mmap('a', BASE + 4096, 2 * M, 'rw', 'shared', 'h')
        .mmap('a', BASE, 2 * M, 'rw', 'shared', 'h', { offset: 4096 })
        .mmap('a', BASE, 3 * M, 'rw', 'shared', 'h')
        .madvise('a', BASE + 4096, 4096, 'dontneed')
        .build(),
    );
    expect(r.steps.slice(-4).map((s) => s[0]?.k === 'error' ? s[0].errno : s[0]?.k)).toEqual(['EINVAL', 'EINVAL', 'mmap', 'EINVAL']);
    expect(ofKind(r.steps[r.steps.length - 2] ?? [], 'mmap')[0]?.len).toBe(4 * M);
  });

  it('rule: MADV_DONTNEED on hugetlb rounds its end down to 2 MiB', () => {
    const r = run(huge(8 * M).mmap('a', BASE, 8 * M, 'rw', 'shared', 'h').touch('a', BASE, 8 * M).madvise('a', BASE, 3 * M, 'dontneed').build());
    expect(ofKind(last(r), 'clear')).toEqual([{ k: 'clear', mm: 1, level: 'pmd', va: BASE, len: 2 * M, seenBy: [1] }]);
  });
});
