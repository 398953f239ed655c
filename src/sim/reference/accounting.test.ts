// SPEC 1.6 (what the numbers mean) and the SPEC 7 figures small enough for the reference model.
import { describe, expect, it } from 'vitest';
import { pgtables, run } from './harness';
import { G, K, M, script } from './script';

const BASE = 0x7f00_0000_0000;

describe('SPEC 1.6: accounting', () => {
  it('rule: pgtables_bytes counts the PUD, PMD and PTE pages, never the PGD', () => {
    const r = run(script().file('f', 2 * M).process('a').mmap('a', BASE, 2 * M, 'r', 'shared', 'f').touch('a', BASE, null).build());
    expect(pgtables(r, 'a')).toBe(12 * K);
    expect(r.model.memory().pagetables_bytes).toBe(16 * K);
  });

  it('rule: MAP_SHARED_PT PTE pages are charged to the host only, in no process’s figure', () => {
    const s = script().file('f', 8 * M).process('a', 'b');
    for (const p of ['a', 'b']) s.mmap(p, BASE, 8 * M, 'rw', 'shared,shared_pt', 'f').touch(p, BASE, 8 * M);
    const r = run(s.build());
    expect(pgtables(r, 'a')).toBe(8 * K);
    expect(pgtables(r, 'b')).toBe(8 * K);
    expect(r.model.hosts()[0]?.pgtables_bytes).toBe((2 + 4) * 4 * K);
  });

  it('rule: hugetlb sharers are each charged for the shared PMD page, so the sum exceeds the physical bytes', () => {
    const s = script().file('h', G, true).process('a', 'b', 'c');
    for (const p of ['a', 'b', 'c']) s.mmap(p, 0x4000_0000_0000, G, 'rw', 'shared', 'h').touch(p, 0x4000_0000_0000, null);
    const r = run(s.build());
    const sum = r.model.processes().reduce((n, p) => n + p.pgtables_bytes, 0);
    expect(sum).toBe(3 * 8 * K);
    // Physically: 3 PGD + 3 PUD + one PMD page.
    expect(r.model.memory().pagetables_bytes).toBe(7 * 4 * K);
    expect(sum - 3 * 4 * K).toBeGreaterThan(r.model.memory().pagetables_bytes - 3 * 4 * K - 3 * 4 * K);
  });

  it('rule: the system figure counts every table page once, the PGDs of every mm (hosts too) included', () => {
    const s = script().file('f', 4 * M).process('a', 'b');
    for (const p of ['a', 'b']) s.mmap(p, BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch(p, BASE, 4 * M);
    const r = run(s.build());
    // 3 PGDs; a and b: PUD + PMD each; host: PUD + PMD + 2 PTE pages.
    expect(r.model.memory().pagetables_bytes).toBe((3 + 4 + 4) * 4 * K);
  });

  it('rule: a dead process reports 0 bytes and 0 pages', () => {
    const r = run(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'r', 'shared', 'f').touch('a', BASE, 4 * M).exit('a').build());
    expect(r.model.processes()[0]).toMatchObject({ alive: false, pgtables_bytes: 0, rss_pages: 0 });
  });
});

describe('SPEC 7: figures (scaled down to what the reference model can walk)', () => {
  it('rule: 1 GiB fully touched costs each process 512 PTE pages + PMD + PUD without sharing', () => {
    const s = script().file('f', G).process('a', 'b');
    for (const p of ['a', 'b']) s.mmap(p, BASE, G, 'r', 'shared', 'f').touch(p, BASE, G);
    const r = run(s.build());
    expect(pgtables(r, 'a')).toBe(514 * 4 * K);
    expect(pgtables(r, 'b')).toBe(514 * 4 * K);
  });

  it('rule: with MAP_SHARED_PT the 512 PTE pages exist once, in the host; each process pays its PUD and PMD page', () => {
    const s = script().file('f', G).process('a', 'b', 'c');
    for (const p of ['a', 'b', 'c']) s.mmap(p, BASE, G, 'r', 'shared,shared_pt', 'f').touch(p, BASE, G);
    const r = run(s.build());
    for (const p of ['a', 'b', 'c']) expect(pgtables(r, p)).toBe(8 * K);
    expect(r.model.hosts()[0]?.pgtables_bytes).toBe(514 * 4 * K);
  });
});
