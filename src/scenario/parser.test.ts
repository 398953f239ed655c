import { describe, expect, it } from 'vitest';
import type { Command } from '../sim/commands';
import { DEFAULT_RAM, DEFAULT_SEED } from '../sim/commands';
import { parse } from './parser';
import { print } from './printer';

/** The commands of a scenario that must parse. */
function commands(text: string): Command[] {
  const r = parse(text, { scope: false });
  if (!r.ok) throw new Error(`unexpected parse error: ${JSON.stringify(r.error)}`);
  return r.commands.map((c) => c.command);
}

function one(text: string): Command {
  const [c, ...rest] = commands(text);
  expect(rest).toEqual([]);
  return c as Command;
}

const rw = { read: true, write: true, exec: false };
const MiB = 2 ** 20;

describe('parse: each grammar form', () => {
  it('machine with defaults and with every option', () => {
    expect(one('machine')).toEqual({ op: 'machine', ram: DEFAULT_RAM, seed: DEFAULT_SEED, ptReclaim: false });
    expect(one('machine ram=512G seed=7 pt_reclaim=on')).toEqual({ op: 'machine', ram: 512 * 2 ** 30, seed: 7, ptReclaim: true });
    expect(one('machine pt_reclaim=off seed=0x10')).toEqual({ op: 'machine', ram: DEFAULT_RAM, seed: 16, ptReclaim: false });
    expect(one('machine fidelity=as_posted mshare_align=1T')).toEqual({ op: 'machine', ram: DEFAULT_RAM, seed: DEFAULT_SEED, ptReclaim: false, fidelity: 'as_posted', mshareAlign: 2 ** 40 });
  });

  it('file, hugetlb file and memfd', () => {
    expect(one('file sga 4M')).toEqual({ op: 'file', name: 'sga', size: 4 * MiB, hugetlb: false });
    expect(one('file huge 1G hugetlb')).toEqual({ op: 'file', name: 'huge', size: 2 ** 30, hugetlb: true });
    expect(one('memfd anon 8M')).toEqual({ op: 'memfd', name: 'anon', size: 8 * MiB });
  });

  it('process, thread and fork', () => {
    expect(one('process db1')).toEqual({ op: 'process', name: 'db1' });
    expect(one('thread db1 db1t')).toEqual({ op: 'thread', parent: 'db1', name: 'db1t' });
    expect(one('fork db1 db1c')).toEqual({ op: 'fork', parent: 'db1', child: 'db1c' });
  });

  it('mmap with an address, auto, an offset and as=', () => {
    expect(one('db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga')).toEqual({
      op: 'mmap',
      task: 'db1',
      addr: { kind: 'abs', value: 0x7f00_0000_0000 },
      len: 4 * MiB,
      prot: rw,
      flags: { shared: true, private: false, sharedPt: true, fixed: false },
      file: 'sga',
      offset: 0,
      as: null,
    });
    expect(one('db2 mmap auto 4M rw shared,shared_pt sga as=buf')).toMatchObject({ addr: null, as: 'buf', offset: 0 });
    expect(one('db2 mmap buf+2M 4K r private,fixed - 0x1000 as=b2')).toMatchObject({
      addr: { kind: 'named', name: 'buf', offset: 2 * MiB },
      prot: { read: true, write: false, exec: false },
      flags: { shared: false, private: true, sharedPt: false, fixed: true },
      file: '-',
      offset: 4096,
      as: 'b2',
    });
    expect(one('p mmap 0 4K none none f 2M')).toMatchObject({
      prot: { read: false, write: false, exec: false },
      flags: { shared: false, private: false, sharedPt: false, fixed: false },
      offset: 2 * MiB,
      as: null,
    });
  });

  it('touch of a range and of one page', () => {
    expect(one('db1 touch 0x7f0000000000 4M write')).toEqual({
      op: 'touch',
      task: 'db1',
      addr: { kind: 'abs', value: 0x7f00_0000_0000 },
      len: 4 * MiB,
      access: 'write',
    });
    expect(one('db2 touch buf+0x1000 read')).toEqual({
      op: 'touch',
      task: 'db2',
      addr: { kind: 'named', name: 'buf', offset: 4096 },
      len: null,
      access: 'read',
    });
    expect(one('db2 touch buf read')).toMatchObject({ addr: { kind: 'named', name: 'buf', offset: 0 } });
  });

  it('mprotect, madvise (each advice), munmap and exit', () => {
    expect(one('db1 mprotect 0x7f0000000000 4M xr')).toEqual({
      op: 'mprotect',
      task: 'db1',
      addr: { kind: 'abs', value: 0x7f00_0000_0000 },
      len: 4 * MiB,
      prot: { read: true, write: false, exec: true },
    });
    for (const advice of ['dontneed', 'hugepage', 'nohugepage']) {
      expect(one(`db1 madvise 0x7f0000000000 2M ${advice}`)).toMatchObject({ op: 'madvise', advice, len: 2 * MiB });
    }
    expect(one('db1 munmap 0x7f0000000000 4M')).toEqual({
      op: 'munmap',
      task: 'db1',
      addr: { kind: 'abs', value: 0x7f00_0000_0000 },
      len: 4 * MiB,
    });
    expect(one('db1 exit')).toEqual({ op: 'exit', task: 'db1' });
  });
});

describe('parse: lexical details', () => {
  it('ignores comments and blank lines, and keeps line numbers', () => {
    const r = parse('# heading\n\n   \nprocess a # trailing\n\t# indented comment\nprocess b#glued');
    expect(r).toEqual({
      ok: true,
      commands: [
        { line: 4, command: { op: 'process', name: 'a' } },
        { line: 6, command: { op: 'process', name: 'b' } },
      ],
    });
  });

  it('accepts \\r\\n line ends and tabs', () => {
    expect(parse('process a\r\n\tprocess\tb\r\n')).toMatchObject({ ok: true, commands: [{ line: 1 }, { line: 2 }] });
  });

  it('reads sizes in decimal, hex and binary suffixes of either case', () => {
    const sizes: [string, number][] = [
      ['4096', 4096],
      ['0x1000', 4096],
      ['0X1f', 31],
      ['4K', 4096],
      ['4k', 4096],
      ['3m', 3 * MiB],
      ['2G', 2 ** 31],
      ['1t', 2 ** 40],
      
      ['0x7f00_0000_0000', 0x7f00_0000_0000],
      ['1_000', 1000],
      ['9007199254740991', Number.MAX_SAFE_INTEGER],
    ];
    for (const [text, value] of sizes) expect(one(`file f ${text}`)).toMatchObject({ size: value });
  });

  it('names may hold digits, _ . and -', () => {
    expect(one('process _a.b-c9')).toEqual({ op: 'process', name: '_a.b-c9' });
    expect(one('file my-file.dat 4K')).toMatchObject({ name: 'my-file.dat' });
  });

  it('lets verbs name tasks and keywords name files, where nothing is ambiguous', () => {
    expect(commands('process exit\nexit exit\nfile file 4K\nfile hugetlb 4K hugetlb')).toEqual([
      { op: 'process', name: 'exit' },
      { op: 'exit', task: 'exit' },
      { op: 'file', name: 'file', size: 4096, hugetlb: false },
      { op: 'file', name: 'hugetlb', size: 4096, hugetlb: true },
    ]);
  });

  it('returns no commands for an empty scenario', () => {
    expect(parse('')).toEqual({ ok: true, commands: [] });
    expect(parse('# nothing\n')).toEqual({ ok: true, commands: [] });
  });
});

describe('parse: msharefs (SPEC 1.5)', () => {
  const rw = { read: true, write: true, exec: false };
  it('mshare, map with and without file offset and prot, unmap, unlink', () => {
    expect(commands('file sga 1G\nmshare rgn 512G\nrgn map 0 1G sga\nrgn map 1G 4M - 0 r\nrgn unmap 0 2M\nunlink rgn')).toEqual([
      { op: 'file', name: 'sga', size: 2 ** 30, hugetlb: false },
      { op: 'mshare', name: 'rgn', size: 512 * 2 ** 30 },
      { op: 'mshare_map', region: 'rgn', offset: 0, len: 2 ** 30, file: 'sga', fileOffset: 0, prot: rw },
      { op: 'mshare_map', region: 'rgn', offset: 2 ** 30, len: 4 * MiB, file: '-', fileOffset: 0, prot: { read: true, write: false, exec: false } },
      { op: 'mshare_unmap', region: 'rgn', offset: 0, len: 2 * MiB },
      { op: 'unlink', name: 'rgn' },
    ]);
  });

  it('prints them back as it reads them', () => {
    const text = 'file sga 1G\nmshare rgn 512G\nrgn map 0 1G sga\nrgn map 1G 4M - 0 r\nrgn unmap 0 2M\nunlink rgn\nprocess a\na mmap auto 512G rw shared rgn\n';
    const r = parse(text);
    expect(r.ok && print(r.commands)).toBe(text);
  });

  it('a region that no line declares is a parse error', () => {
    const r = parse('file f 4M\nrgn map 0 4M f');
    expect(r.ok ? null : r.error).toMatchObject({ line: 2, column: 1 });
    expect(r.ok ? '' : r.error.message).toMatch(/no msharefs region named rgn/);
  });
});

describe('parse: bracket expansion', () => {
  it('expands process names', () => {
    expect(commands('process db[2-4]')).toEqual(['db2', 'db3', 'db4'].map((name) => ({ op: 'process', name })));
  });

  it('expands the task of a task command, each with the same line', () => {
    const r = parse('\ndb[1-3] exit', { scope: false });
    expect(r).toEqual({
      ok: true,
      commands: [1, 2, 3].map((i) => ({ line: 2, command: { op: 'exit', task: `db${i}` } })),
    });
    expect(commands('db[1,3] touch 0x1000 read').map((c) => (c.op === 'touch' ? c.task : ''))).toEqual(['db1', 'db3']);
  });

  it('pairs thread and fork names element-wise, or with a single name', () => {
    expect(commands('fork db[1-2] c[1-2]')).toEqual([
      { op: 'fork', parent: 'db1', child: 'c1' },
      { op: 'fork', parent: 'db2', child: 'c2' },
    ]);
    expect(commands('thread db1 t[1-2]')).toEqual([
      { op: 'thread', parent: 'db1', name: 't1' },
      { op: 'thread', parent: 'db1', name: 't2' },
    ]);
    expect(commands('fork db[1-2] c')).toEqual([
      { op: 'fork', parent: 'db1', child: 'c' },
      { op: 'fork', parent: 'db2', child: 'c' },
    ]);
  });

  it('expands the seed scenario size', () => {
    const r = parse('process db[1-1500]\ndb[1-1500] exit');
    expect(r.ok && r.commands.length).toBe(3000);
  });
});
