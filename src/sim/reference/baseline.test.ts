// SPEC 1.1 and 1.2 (plain shared mappings) and 1.7 (OOM), rule by rule, through the reference model.
import { describe, expect, it } from 'vitest';
import { A, D, NX, P, U, W } from '../bits';
import { normalizeEvents } from '../events';
import { canon, ofKind, last, pgtables, run } from './harness';
import { G, K, M, script } from './script';

const BASE = 0x7f00_0000_0000; // 512 GiB-aligned, so one PUD page covers what follows
const PAGE = 4 * K;

function mapped(size = 4 * M, prot = 'rw') {
  return script().file('f', 64 * M).process('a').mmap('a', BASE, size, prot, 'shared', 'f');
}

describe('SPEC 1.1: machine and paging', () => {
  it('rule: one PTE page maps 2 MiB, one PMD page 1 GiB, one PUD page 512 GiB', () => {
    const r = run(
      script()
        .file('f', 4 * G)
        .process('a')
        .mmap('a', BASE, 4 * G, 'r', 'shared', 'f')
        .touch('a', BASE, null)
        .touch('a', BASE + 2 * M, null)
        .touch('a', BASE + G, null)
        .build(),
    );
    // PUD + PMD + 2 PTE pages, then one PMD and one PTE more for the next 1 GiB.
    expect(r.steps.slice(-3).map((s) => ofKind(s, 'alloc').map((e) => e.level))).toEqual([['pud', 'pmd', 'pte'], ['pte'], ['pmd', 'pte']]);
    expect(pgtables(r, 'a')).toBe(6 * 4096);
  });

  it('rule: threads share one mm and one page table; processes do not', () => {
    const r = run(mapped().thread('a', 't').touch('a', BASE, null).touch('t', BASE, null).build());
    expect(last(r)).toEqual([{ k: 'walk', mm: 1, va: BASE, stop: 'hit' }]);
    const [a, t] = r.model.processes();
    expect(t?.thread_of).toBe('a');
    expect(t?.pgtables_bytes).toBe(a?.pgtables_bytes);
    expect(r.model.translate('t', BASE)).toEqual(r.model.translate('a', BASE));
  });

  it('rule: process creates a new mm with one PGD page, not charged to the process', () => {
    const r = run(script().process('a', 'b').build());
    expect(r.steps).toEqual([
      [{ k: 'task', task: 'a', mm: 1, how: 'process', parent: null }],
      [{ k: 'task', task: 'b', mm: 2, how: 'process', parent: null }],
    ]);
    expect(r.model.memory().pagetables_bytes).toBe(2 * 4096);
    expect(pgtables(r, 'a')).toBe(0);
  });
});

describe('SPEC 1.2: plain shared mappings', () => {
  it('rule: mmap alone allocates no table pages', () => {
    const r = run(mapped(64 * M).build());
    expect(last(r)).toEqual([{ k: 'mmap', mm: 1, va: BASE, len: 64 * M, file: 'f', sharing: 'none', notShared: null }]);
    expect(pgtables(r, 'a')).toBe(0);
    expect(r.model.memory().pagetables_bytes).toBe(4096);
  });

  it('rule: a fault walks PGD to PTE, allocating each missing table charged to the mm, then fills the page and sets the PTE', () => {
    const r = run(mapped().touch('a', BASE + 5 * PAGE, null).build());
    expect(last(r)).toEqual(canon([
      { k: 'walk', mm: 1, va: BASE + 5 * PAGE, stop: 'pgd' },
      { k: 'fault', mm: 1, va: BASE + 5 * PAGE, len: PAGE, access: 'read', kind: 'normal' },
      { k: 'alloc', mm: 1, level: 'pud', va: BASE, count: 1, charged: 1 },
      { k: 'alloc', mm: 1, level: 'pmd', va: BASE, count: 1, charged: 1 },
      { k: 'alloc', mm: 1, level: 'pte', va: BASE, count: 1, charged: 1 },
      { k: 'fill', file: 'f', page: 5, count: 1 },
      { k: 'set', mm: 1, level: 'pte', va: BASE + 5 * PAGE, len: PAGE, bits: P | W | U | A | NX },
    ]));
    expect(pgtables(r, 'a')).toBe(3 * 4096);
    expect(r.model.translate('a', BASE + 5 * PAGE + 12)).toEqual({ file: 'f', page: 5, bits: P | W | U | A | NX });
  });

  it('rule: a read sets accessed, a write sets accessed and dirty', () => {
    const r = run(mapped(4 * M, 'rx').touch('a', BASE, null, 'read').build());
    expect(r.model.translate('a', BASE)?.bits).toBe(P | U | A);
    const w = run(mapped().touch('a', BASE, null, 'write').build());
    expect(w.model.translate('a', BASE)?.bits).toBe(P | W | U | A | D | NX);
  });

  it('rule: a write hitting a present writable clean PTE sets dirty without a fault', () => {
    const r = run(mapped().touch('a', BASE, null, 'read').touch('a', BASE, null, 'write').build());
    expect(last(r)).toEqual(canon([
      { k: 'walk', mm: 1, va: BASE, stop: 'hit' },
      { k: 'set', mm: 1, level: 'pte', va: BASE, len: PAGE, bits: P | W | U | A | D | NX },
    ]));
  });

  it('rule: a private mapping read fault maps read-only; a write then faults it writable', () => {
    const r = run(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'private', 'f').touch('a', BASE, null).touch('a', BASE, null, 'write').build());
    const s = last(r);
    expect(ofKind(s, 'walk')).toEqual([{ k: 'walk', mm: 1, va: BASE, stop: 'deny' }]);
    expect(ofKind(s, 'fault')).toHaveLength(1);
    expect(r.model.translate('a', BASE)?.bits).toBe(P | W | U | A | D | NX);
  });

  it('rule: two processes touching the same file page each build their own tables and own PTE', () => {
    const r = run(
      script().file('f', 4 * M).process('a', 'b').mmap('a', BASE, 4 * M, 'r', 'shared', 'f').mmap('b', BASE, 4 * M, 'r', 'shared', 'f').touch('a', BASE, null).touch('b', BASE, null).build(),
    );
    const s = last(r);
    expect(ofKind(s, 'alloc').map((e) => [e.mm, e.level])).toEqual([[2, 'pud'], [2, 'pmd'], [2, 'pte']]);
    expect(ofKind(s, 'fill')).toEqual([]); // the page is shared: already in the cache
    expect(pgtables(r, 'a')).toBe(12 * K);
    expect(pgtables(r, 'b')).toBe(12 * K);
    expect(r.model.memory().file_bytes).toBe(PAGE);
  });

  it('rule: a present PTE that allows the access means no fault at all', () => {
    const r = run(mapped().touch('a', BASE, 2 * M).touch('a', BASE, 2 * M).build());
    expect(last(r)).toEqual([]);
  });

  it('rule: a touch outside every VMA gets SIGSEGV and the process dies', () => {
    const r = run(mapped().thread('a', 't').touch('t', BASE + 8 * M, null).build());
    expect(last(r)).toEqual(canon([
      { k: 'walk', mm: 1, va: BASE + 8 * M, stop: 'pgd' },
      { k: 'signal', task: 't', mm: 1, signal: 'SIGSEGV', va: BASE + 8 * M, reason: `no mapping at 0x7f00_0080_0000` },
      { k: 'free', mm: 1, level: 'pgd', va: 0, count: 1 },
    ]));
    expect(r.model.processes().map((p) => [p.name, p.alive, p.signal])).toEqual([
      ['a', false, 'SIGSEGV'],
      ['t', false, 'SIGSEGV'],
    ]);
  });

  it('rule: the fault handler checks the VMA: a write to a read-only mapping gets SIGSEGV', () => {
    const r = run(mapped(4 * M, 'r').touch('a', BASE, null, 'write').build());
    expect(ofKind(last(r), 'signal')[0]?.reason).toBe('write to a read-only mapping');
  });

  it('rule: a page past the end of the file gets SIGBUS', () => {
    const r = run(script().file('f', 6 * K).process('a').mmap('a', BASE, 4 * M, 'r', 'shared', 'f').touch('a', BASE, 3 * PAGE).build());
    const s = last(r);
    expect(ofKind(s, 'fault').map((e) => e.len)).toEqual([2 * PAGE]);
    expect(ofKind(s, 'signal').map((e) => [e.signal, e.va])).toEqual([['SIGBUS', BASE + 2 * PAGE]]);
  });

  it('rule: mprotect rewrites this mm’s PTEs, splits the VMA and allocates or frees no tables', () => {
    const r = run(mapped().touch('a', BASE, 4 * PAGE, 'write').mprotect('a', BASE + PAGE, PAGE, 'r').touch('a', BASE + 2 * PAGE, null, 'write').build());
    const prot = r.steps[r.steps.length - 2] ?? [];
    expect(prot).toEqual(canon([
      { k: 'prot', mm: 1, level: 'pte', va: BASE + PAGE, len: PAGE, bits: P | U | A | D | NX, seenBy: [1] },
      { k: 'tlb', mms: [1], va: BASE + PAGE, len: PAGE },
    ]));
    expect(ofKind(last(r), 'signal')).toEqual([]); // the VMA after the split is still writable
    const ro = run(mapped().touch('a', BASE, 4 * PAGE, 'write').mprotect('a', BASE + PAGE, PAGE, 'r').touch('a', BASE + PAGE, null, 'write').build());
    expect(ofKind(last(ro), 'walk')[0]?.stop).toBe('deny');
    expect(ofKind(last(ro), 'signal')[0]?.reason).toBe('write to a read-only mapping');
  });

  it('rule: mprotect keeps W off a clean PTE of a private mapping and sets NX when x goes', () => {
    const r = run(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rx', 'private', 'f').touch('a', BASE, 2 * PAGE).mprotect('a', BASE, 2 * PAGE, 'rw').build());
    expect(last(r)).toEqual(canon([
      { k: 'prot', mm: 1, level: 'pte', va: BASE, len: 2 * PAGE, bits: P | U | A | NX, seenBy: [1] },
      { k: 'tlb', mms: [1], va: BASE, len: 2 * PAGE },
    ]));
  });

  it('rule: madvise DONTNEED clears PTEs, keeps the page cache and the table pages; the page refaults', () => {
    const r = run(mapped().touch('a', BASE, 4 * M).madvise('a', BASE, 4 * M, 'dontneed').touch('a', BASE, null).build());
    const dn = r.steps[r.steps.length - 2] ?? [];
    expect(dn).toEqual(canon([
      { k: 'clear', mm: 1, level: 'pte', va: BASE, len: 4 * M, seenBy: [1] },
      { k: 'tlb', mms: [1], va: BASE, len: 4 * M },
    ]));
    expect(pgtables(r, 'a')).toBe(4 * 4096);
    expect(r.model.memory().file_bytes).toBe(4 * M);
    expect(ofKind(last(r), 'fill')).toEqual([]);
    expect(ofKind(last(r), 'walk')[0]?.stop).toBe('pte');
  });

  it('rule: with pt_reclaim=on DONTNEED frees a PTE page whose whole 2 MiB span is in the range, nothing for less', () => {
    const base = script().machine({ ptReclaim: true }).file('f', 8 * M).process('a').mmap('a', BASE, 8 * M, 'rw', 'shared', 'f').touch('a', BASE, 8 * M);
    const r = run(base.madvise('a', BASE + PAGE, 4 * M, 'dontneed').madvise('a', BASE + 6 * M, 2 * M - PAGE, 'dontneed').build());
    expect(ofKind(r.steps[r.steps.length - 2] ?? [], 'free')).toEqual([{ k: 'free', mm: 1, level: 'pte', va: BASE + 2 * M, count: 1 }]);
    expect(ofKind(last(r), 'free')).toEqual([]); // leaves a page empty, frees nothing (as measured)
    expect(pgtables(r, 'a')).toBe((2 + 3) * 4096);
  });

  it('rule: a read fault maps only the touched page (no fault-around)', () => {
    const r = run(mapped().touch('a', BASE + 3 * PAGE, null).build());
    expect(r.model.processes()[0]?.rss_pages).toBe(1);
    expect(r.model.translate('a', BASE + 4 * PAGE)).toBeNull();
  });

  it('rule: munmap clears the PTEs and frees a PTE page only when no VMA remains in its 2 MiB span', () => {
    const r = run(mapped().touch('a', BASE, 4 * M).munmap('a', BASE, 2 * M + PAGE).build());
    expect(last(r)).toEqual(canon([
      { k: 'clear', mm: 1, level: 'pte', va: BASE, len: 2 * M + PAGE, seenBy: [1] },
      { k: 'tlb', mms: [1], va: BASE, len: 2 * M + PAGE },
      { k: 'free', mm: 1, level: 'pte', va: BASE, count: 1 },
    ]));
    expect(pgtables(r, 'a')).toBe(3 * 4096);
  });

  it('rule: partial munmap splits the VMA; the rest stays mapped', () => {
    const r = run(mapped().touch('a', BASE, 4 * M).munmap('a', BASE + M, PAGE).touch('a', BASE + 2 * M, null).touch('a', BASE + M, null).build());
    expect(ofKind(r.steps[r.steps.length - 2] ?? [], 'walk')[0]?.stop).toBe('hit');
    expect(ofKind(last(r), 'signal')[0]?.signal).toBe('SIGSEGV');
  });

  it('rule: munmap frees the PMD page when its 1 GiB span holds no VMA, the PUD page at 512 GiB', () => {
    const s = script().file('f', 4 * M).process('a').mmap('a', BASE, 2 * M, 'r', 'shared', 'f').mmap('a', BASE + G, 2 * M, 'r', 'shared', 'f');
    const r = run(s.touch('a', BASE, null).touch('a', BASE + G, null).munmap('a', BASE, 2 * M).munmap('a', BASE + G, 2 * M).build());
    expect(ofKind(r.steps[r.steps.length - 2] ?? [], 'free').map((e) => e.level)).toEqual(['pte', 'pmd']);
    expect(ofKind(last(r), 'free').map((e) => e.level)).toEqual(['pte', 'pmd', 'pud']);
    expect(pgtables(r, 'a')).toBe(0);
  });

  it('rule: fork copies the VMAs but not the PTEs; the child faults them in', () => {
    const r = run(mapped().touch('a', BASE, null).fork('a', 'c').touch('c', BASE, null).build());
    expect(r.steps[r.steps.length - 2]).toEqual([{ k: 'task', task: 'c', mm: 2, how: 'fork', parent: 'a' }]);
    expect(ofKind(last(r), 'walk')[0]?.stop).toBe('pgd');
    expect(ofKind(last(r), 'fault')).toHaveLength(1);
    expect(pgtables(r, 'c')).toBe(12 * K);
  });

  it('rule: exit unmaps everything and frees every table page, then the mm', () => {
    const r = run(mapped().touch('a', BASE, 4 * M).exit('a').build());
    expect(last(r)).toEqual(canon([
      { k: 'exit', task: 'a', mm: 1, lastTask: true },
      { k: 'clear', mm: 1, level: 'pte', va: BASE, len: 4 * M, seenBy: [1] },
      { k: 'free', mm: 1, level: 'pte', va: BASE, count: 2 },
      { k: 'free', mm: 1, level: 'pmd', va: BASE, count: 1 },
      { k: 'free', mm: 1, level: 'pud', va: BASE, count: 1 },
      { k: 'free', mm: 1, level: 'pgd', va: 0, count: 1 },
    ]));
    expect(r.model.memory().pagetables_bytes).toBe(0);
  });

  it('rule: a thread exits alone; a process takes its threads with it', () => {
    const r = run(mapped().thread('a', 't').thread('a', 'u').exit('t').exit('a').build());
    expect(r.steps[r.steps.length - 2]).toEqual([{ k: 'exit', task: 't', mm: 1, lastTask: false }]);
    expect(ofKind(last(r), 'exit')).toEqual(canon([
      { k: 'exit', task: 'a', mm: 1, lastTask: false },
      { k: 'exit', task: 'u', mm: 1, lastTask: true },
    ]));
  });

  it('rule: anonymous memory is a fresh object per mmap named anon:MM:ADDR', () => {
    const r = run(script().process('a').mmap('a', BASE, 8 * K, 'rw', 'shared', '-').touch('a', BASE + PAGE, null, 'write').build());
    expect(r.model.translate('a', BASE + PAGE)?.file).toBe('anon:1:0x7f00_0000_0000');
    expect(r.model.translate('a', BASE + PAGE)?.page).toBe(1);
  });
});

describe('SPEC 1.7: out of memory', () => {
  it('rule: a fault that finds no frame OOM-kills the mm, keeps what was allocated before, and the scenario goes on', () => {
    // 5 frames: 2 PGDs, then a's PUD, PMD, PTE; the file page finds no frame.
    const r = run(script().machine({ ram: 5 * PAGE }).file('f', 4 * M).process('a', 'b').mmap('a', BASE, 4 * M, 'r', 'shared', 'f').touch('a', BASE, null).process('c').build());
    const s = r.steps[r.steps.length - 2] ?? [];
    expect(s.map((e) => e.k)).toEqual(['walk', 'alloc', 'alloc', 'alloc', 'oom', 'free', 'free', 'free', 'free']);
    expect(ofKind(s, 'oom')).toEqual([{ k: 'oom', task: 'a', mm: 1, va: BASE, need: 'page', pagetablesBytes: 5 * PAGE, fileBytes: 0 }]);
    expect(r.model.processes()[0]).toMatchObject({ alive: false, oom_killed: true, signal: 'SIGKILL' });
    expect(last(r)).toEqual([{ k: 'task', task: 'c', mm: 3, how: 'process', parent: null }]);
  });

  it('rule: a new process with no frame for its PGD fails with ENOMEM', () => {
    const r = run(script().machine({ ram: PAGE }).process('a', 'b').build());
    expect(last(r)).toEqual([{ k: 'error', errno: 'ENOMEM', message: 'no memory for a new mm' }]);
  });
});

describe('events come out in canonical form', () => {
  it('normalizing the reference’s events again changes nothing', () => {
    const r = run(mapped().touch('a', BASE, 4 * M, 'write').mprotect('a', BASE, 3 * M, 'r').exit('a').build());
    for (const s of r.steps) expect(normalizeEvents(s)).toEqual(s);
  });
});
