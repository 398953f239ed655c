// SPEC 1.2, fork: a private mapping holding anonymous pages has its tables copied,
// write-protected on both sides. Through both models (run() cross-checks the engine).
// The kernel-check cannot run fork; the figures come from a measurement on Linux 6.18:
// a written 4 MiB private file mapping gives the child 16,384 bytes at fork, and the
// system 40,960 bytes with the two PGDs.
import { describe, expect, it } from 'vitest';
import { W } from '../bits';
import { last, ofKind, pgtables, run } from './harness';
import { K, M, script } from './script';

const BASE = 0x7f00_0000_0000;

function privateFile(access: 'read' | 'write') {
  return script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'private', 'f').touch('a', BASE, 4 * M, access);
}

describe('SPEC 1.2: fork and private mappings', () => {
  it('rule: a written private mapping gives the child copies of its tables (16,384 bytes, system 40,960, as measured)', () => {
    const r = run(privateFile('write').fork('a', 'c').build());
    expect(pgtables(r, 'c')).toBe(16_384);
    expect(pgtables(r, 'a')).toBe(16_384);
    expect(r.model.memory().pagetables_bytes).toBe(40_960);
    // the child maps the same pages as the parent, read-only for now
    expect(r.model.translate('c', BASE + 8 * K)?.page).toBe(2);
    expect((r.model.translate('c', BASE)!.bits & W) === 0).toBe(true);
  });

  it('rule: the writable entries are write-protected on both sides, with one TLB flush of the parent', () => {
    const r = run(privateFile('write').fork('a', 'c').build());
    const step = last(r);
    expect(ofKind(step, 'prot').every((e) => e.mm === 1 && (e.bits & W) === 0)).toBe(true);
    expect(ofKind(step, 'prot').reduce((n, e) => n + e.len, 0)).toBe(4 * M);
    expect(ofKind(step, 'tlb')).toEqual([{ k: 'tlb', mms: [1], va: BASE, len: 4 * M }]);
    expect((r.model.translate('a', BASE)!.bits & W) === 0).toBe(true);
  });

  it('rule: a later write by either side is a fault that makes the page writable again', () => {
    const r = run(privateFile('write').fork('a', 'c').touch('c', BASE, null, 'write').touch('a', BASE, null, 'write').build());
    for (const step of r.steps.slice(-2)) expect(ofKind(step, 'fault').map((e) => e.kind)).toEqual(['normal']);
    expect((r.model.translate('c', BASE)!.bits & W) !== 0).toBe(true);
    expect(pgtables(r, 'c')).toBe(16_384);
  });

  it('rule: a private mapping that was only read is not copied', () => {
    const r = run(privateFile('read').fork('a', 'c').build());
    expect(pgtables(r, 'c')).toBe(0);
    expect(last(r)).toEqual([{ k: 'task', task: 'c', mm: 2, how: 'fork', parent: 'a' }]);
  });

  it('rule: touched private anonymous memory is copied, even when only read', () => {
    const r = run(script().process('a').mmap('a', BASE, 4 * M, 'rw', 'private', '-').touch('a', BASE, 4 * M).fork('a', 'c').build());
    expect(pgtables(r, 'c')).toBe(16_384);
  });

  it('rule: shared mappings stay uncopied, written or not', () => {
    const r = run(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', 'f').touch('a', BASE, 4 * M, 'write').fork('a', 'c').build());
    expect(pgtables(r, 'c')).toBe(0);
  });

  it('rule: a PTE page the parent emptied is copied too, empty (copy_pte_range allocates first)', () => {
    const s = privateFile('write').madvise('a', BASE, 2 * M, 'dontneed').fork('a', 'c');
    const r = run(s.build());
    expect(pgtables(r, 'c')).toBe(16_384);
    expect(r.model.translate('c', BASE)).toBeNull();
  });

  it('rule: a fork whose copies do not fit fails with ENOMEM and creates nothing', () => {
    const r = run(script().machine({ ram: 1032 * 4 * K }).file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'private', 'f').touch('a', BASE, 4 * M, 'write').fork('a', 'c').build());
    expect(ofKind(last(r), 'error').map((e) => e.errno)).toEqual(['ENOMEM']);
    expect(r.model.processes().map((p) => p.name)).toEqual(['a']);
  });
});
