// Differences from Linux found by trying the lab as a new user would, each settled the
// kernel's way (SPEC 1.2, 1.4), through both models (run() cross-checks the engine).
// The hugetlb rules are also real-kernel samples in scenarios/kernel/ (hugetlb-extends,
// hugetlb-eexist-first, hugetlb-fixed-offset).
import { describe, expect, it } from 'vitest';
import { last, ofKind, pgtables, run } from './harness';
import { G, K, M, named, script } from './script';

const BASE = 0x7f00_0000_0000;

describe('SPEC 1.4: a hugetlb mmap longer than its file', () => {
  it('rule: a writable MAP_SHARED mapping extends the file to its end, so every sharer may touch it', () => {
    const s = script().file('h', 2 * M, true).process('a', 'b');
    s.mmap('a', BASE, 8 * M, 'rw', 'shared', 'h').mmap('b', BASE + G, 8 * M, 'r', 'shared', 'h');
    const r = run(s.touch('b', BASE + G, 8 * M).touch('a', BASE, 8 * M, 'write').build());
    expect(r.model.processes().map((p) => p.alive)).toEqual([true, true]);
    expect(r.model.memory().file_bytes).toBe(8 * M);
  });

  it('rule: a read-only one does not, and a touch past the end is SIGBUS', () => {
    const s = script().file('h', 2 * M, true).process('a').mmap('a', BASE, 8 * M, 'r', 'shared', 'h');
    const r = run(s.touch('a', BASE, 8 * M).build());
    expect(ofKind(last(r), 'signal').map((e) => [e.signal, e.va])).toEqual([['SIGBUS', BASE + 2 * M]]);
  });

  it('rule: a writable mapping at an offset extends the file to offset + length', () => {
    const s = script().file('h', 2 * M, true).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', 'h', { offset: 4 * M });
    const r = run(s.touch('a', BASE + 4 * M - 4 * K, null).build());
    expect(r.model.processes()[0]?.alive).toBe(true);
  });
});

describe('SPEC 1.4: the order of mmap errors', () => {
  it('rule: an overlap is EEXIST before a misaligned hugetlb offset is EINVAL', () => {
    const s = script().file('h', 8 * M, true).file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', 'f');
    const r = run(s.mmap('a', BASE, 2 * M, 'rw', 'shared', 'h', { offset: 4 * K }).build());
    expect(ofKind(last(r), 'error').map((e) => e.errno)).toEqual(['EEXIST']);
  });

  it('rule: with fixed, what was there is unmapped before the offset is refused (as measured)', () => {
    const s = script().file('h', 8 * M, true).file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', 'f').touch('a', BASE, 4 * M);
    const r = run(s.mmap('a', BASE + 2 * M, 2 * M, 'rw', 'shared,fixed', 'h', { offset: 4 * K }).build());
    expect(ofKind(last(r), 'error').map((e) => e.errno)).toEqual(['EINVAL']);
    expect(ofKind(last(r), 'free').map((e) => [e.level, e.va])).toEqual([['pte', BASE + 2 * M]]);
    expect(pgtables(r, 'a')).toBe(3 * 4096);
  });
});

describe('SPEC 1.2: anonymous memory is freed with its last mapping', () => {
  const touched = () => script().process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', '-').touch('a', BASE, 4 * M, 'write');

  it('rule: exit frees the pages of anonymous memory', () => {
    const r = run(touched().exit('a').build());
    expect(r.model.memory().file_bytes).toBe(0);
  });

  it('rule: munmap of the last mapping frees them', () => {
    const r = run(touched().munmap('a', BASE, 4 * M).build());
    expect(r.model.memory().file_bytes).toBe(0);
  });

  it('rule: a forked child still mapping them keeps them until it goes too', () => {
    const s = touched().fork('a', 'c').exit('a');
    const r = run(s.build());
    expect(r.model.memory().file_bytes).toBe(4 * M);
    expect(run(s.exit('c').build()).model.memory().file_bytes).toBe(0);
  });

  it('rule: after an OOM kill the next process can use the memory again', () => {
    const s = script().machine({ ram: 6 * M }).process('a', 'b').mmap('a', BASE, 8 * M, 'rw', 'private', '-').touch('a', BASE, 8 * M, 'write');
    const r = run(s.mmap('b', BASE, 4 * M, 'rw', 'private', '-').touch('b', BASE, 4 * M, 'write').build());
    expect(r.model.processes().map((p) => [p.name, p.alive, p.oom_killed])).toEqual([
      ['a', false, true],
      ['b', true, false],
    ]);
  });
});

describe('SPEC 2: touches past user space', () => {
  it('rule: a NAME+OFFSET past user space is SIGSEGV with its words, not nothing', () => {
    const s = script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'r', 'shared', 'f', { as: 'buf' });
    const r = run(s.touch('a', named('buf', 0x1f_ffff_ffff_ffff), null).build());
    const [sig] = ofKind(last(r), 'signal');
    expect(sig?.signal).toBe('SIGSEGV');
    expect(sig?.reason).toMatch(/past the end of user space/);
  });

  it('rule: a range running past user space stops there with the same words', () => {
    const s = script().file('f', 4 * M).process('a').mmap('a', 0x7fff_ffc0_0000, 4 * M, 'r', 'shared', 'f');
    const r = run(s.touch('a', 0x7fff_ffc0_0000, 8 * M).build());
    expect(ofKind(last(r), 'signal').map((e) => [e.va, /past the end/.test(e.reason)])).toEqual([[2 ** 47, true]]);
  });
});
