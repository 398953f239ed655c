// SPEC 1.5, msharefs (the 2025 v3 series), rule by rule, through both models (run() cross-checks).
import { describe, expect, it } from 'vitest';
import type { Command } from '../commands';
import { last, ofKind, pgtables, run } from './harness';
import { G, M, named, script, T } from './script';

const A = 0x6000_0000_0000; // 512 GiB-aligned window addresses
const B = 0x6200_0000_0000;
const rw = { read: true, write: true, exec: false };

function region(size = 512 * G) {
  const s = script().file('sga', 2 * G).process('a', 'b');
  s.add({ op: 'mshare', name: 'rgn', size });
  s.add({ op: 'mshare_map', region: 'rgn', offset: 0, len: G, file: 'sga', fileOffset: 0, prot: rw });
  return s;
}
const add = (s: ReturnType<typeof script>, c: Command) => s.add(c);

describe('SPEC 1.5: msharefs', () => {
  it('rule: a region is a file whose size is a multiple of mshare_align, with a host mm', () => {
    const s = script().add({ op: 'mshare', name: 'r', size: G });
    expect(ofKind(last(run(s.build())), 'error').map((e) => e.errno)).toEqual(['EINVAL']);
    const r = run(script().add({ op: 'mshare', name: 'r', size: 512 * G }).build());
    expect(r.model.hosts()).toEqual([{ file: 'r', refcount: 0, pgtables_bytes: 0, kind: 'msharefs' }]);
    expect(r.model.memory().pagetables_bytes).toBe(4096);
  });

  it('rule: attaching needs MAP_SHARED, the region size and an aligned address; windows may differ per process', () => {
    const s = region().mmap('a', A, 512 * G, 'rw', 'private', 'rgn').mmap('a', A, G, 'rw', 'shared', 'rgn').mmap('a', A + G, 512 * G, 'rw', 'shared', 'rgn');
    const r = run(s.mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').mmap('b', B, 512 * G, 'rw', 'shared', 'rgn').build());
    expect(r.steps.slice(-5, -2).map((st) => ofKind(st, 'error').map((e) => e.errno))).toEqual([['EINVAL'], ['EINVAL'], ['EINVAL']]);
    expect(r.model.hosts()[0]?.refcount).toBe(2);
  });

  it('rule: the first touch links the window’s PGD entry to the host’s PUD page, then faults in the host, charged to it', () => {
    const r = run(region().mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').touch('a', A, 4 * M, 'write').build());
    const step = last(r);
    expect(ofKind(step, 'link')).toEqual([{ k: 'link', mm: 1, va: A, len: 512 * G, host: 3, level: 'pgd' }]);
    expect(ofKind(step, 'fault').map((e) => e.kind).sort()).toEqual(['host', 'link']);
    expect(pgtables(r, 'a')).toBe(0);
    expect(r.model.hosts()[0]?.pgtables_bytes).toBe(4 * 4096); // PUD, PMD, two PTE pages
    expect(r.model.translate('a', A + 4096)?.page).toBe(1);
  });

  it('rule: another process sees the same PTEs through its own window at another address', () => {
    const s = region().mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').mmap('b', B, 512 * G, 'rw', 'shared', 'rgn').touch('a', A, 4 * M, 'write');
    const r = run(s.touch('b', B, 4 * M).build());
    expect(ofKind(last(r), 'fault').map((e) => e.kind)).toEqual(['link']);
    expect(r.model.translate('b', B + 8192)).toEqual(r.model.translate('a', A + 8192));
    expect(pgtables(r, 'b')).toBe(0);
  });

  it('rule: a touch outside every object of the region is SIGSEGV', () => {
    const r = run(region().mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').touch('a', A + 2 * G, null).build());
    expect(ofKind(last(r), 'signal').map((e) => [e.signal, e.reason])).toEqual([['SIGSEGV', `no object of rgn at 0x6000_8000_0000`]]);
  });

  it('rule: mprotect, madvise and a partial munmap of a window are EINVAL', () => {
    const s = region().mmap('a', A, 512 * G, 'rw', 'shared', 'rgn');
    const r = run(s.mprotect('a', A, 4 * M, 'r').madvise('a', A, 4 * M, 'dontneed').munmap('a', A, G).build());
    expect(r.steps.slice(-3).map((st) => ofKind(st, 'error').map((e) => e.errno))).toEqual([['EINVAL'], ['EINVAL'], ['EINVAL']]);
  });

  it('rule: a full munmap clears the PGD entry and drops the reference; the host stays while the file exists', () => {
    const r = run(region().mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').touch('a', A, 4 * M).munmap('a', A, 512 * G).build());
    expect(ofKind(last(r), 'unlink')).toEqual([{ k: 'unlink', mm: 1, va: A, len: 512 * G, host: 3, level: 'pgd' }]);
    expect(r.model.hosts()).toEqual([{ file: 'rgn', refcount: 0, pgtables_bytes: 4 * 4096, kind: 'msharefs' }]);
  });

  it('rule: unlink with nobody attached frees the host and every table in it; with a window attached, at its exit', () => {
    const s = region().mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').touch('a', A, 4 * M);
    add(s, { op: 'unlink', name: 'rgn' });
    const r = run(s.build());
    expect(r.model.hosts()).toHaveLength(1);
    const r2 = run(s.exit('a').build());
    expect(ofKind(last(r2), 'host_release')).toHaveLength(1);
    expect(r2.model.hosts()).toEqual([]);
    expect(r2.model.memory().pagetables_bytes).toBe(4096); // b's PGD
  });

  it('rule: MSHAREFS_UNMAP removes an object; every attached window stops seeing it', () => {
    const s = region().mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').mmap('b', B, 512 * G, 'rw', 'shared', 'rgn').touch('a', A, 4 * M).touch('b', B, null);
    add(s, { op: 'mshare_unmap', region: 'rgn', offset: 0, len: G });
    const r = run(s.build());
    expect(ofKind(last(r), 'clear').every((e) => e.seenBy.join() === '1,2,3')).toBe(true);
    expect(r.model.translate('b', B)).toBeNull();
  });

  it('rule: fork of an attached process attaches the child too', () => {
    const r = run(region().mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').fork('a', 'c').touch('c', A, null).build());
    expect(r.model.hosts()[0]?.refcount).toBe(2);
    expect(r.model.processes().find((p) => p.name === 'c')?.alive).toBe(true);
  });

  it('rule: a hugetlbfs file is an object too: PMD leaves in the host, no PMD sharing with processes', () => {
    const s = region().file('h', 2 * G, true).mmap('b', 0x7f00_0000_0000, G, 'rw', 'shared', 'h').touch('b', 0x7f00_0000_0000, 4 * M, 'write');
    add(s, { op: 'mshare_map', region: 'rgn', offset: G, len: G, file: 'h', fileOffset: 0, prot: rw });
    const r = run(s.mmap('a', A, 512 * G, 'rw', 'shared', 'rgn').touch('a', A + G, 4 * M).build());
    expect(ofKind(last(r), 'share')).toEqual([]);
    expect(ofKind(last(r), 'set').map((e) => e.level)).toEqual(['pmd']);
    expect(r.model.translate('a', A + G + 4096)?.file).toBe('h');
  });

  it('rule: anonymous memory is an object too, and mshare_align is a machine parameter', () => {
    const s = script().add({ op: 'machine', ram: 64 * G, seed: 1, ptReclaim: false, mshareAlign: T }).process('a');
    add(s, { op: 'mshare', name: 'r', size: T });
    add(s, { op: 'mshare_map', region: 'r', offset: 0, len: 4 * M, file: '-', fileOffset: 0, prot: rw });
    const r = run(s.mmap('a', 'auto', T, 'rw', 'shared', 'r', { as: 'w' }).touch('a', named('w'), 4 * M, 'write').build());
    expect(ofKind(r.steps.flat(), 'mmap').find((e) => e.sharing === 'msharefs')!.va % T).toBe(0);
    expect(r.model.processes()[0]?.rss_pages).toBe(1024);
  });
});
