import { describe, expect, it } from 'vitest';
import { createEngine } from '../sim/engine/engine';
import type { Located } from '../sim/commands';
import { runScenario } from '../sim/report';
import { compareSides, parseCompareVs, sharedPtFiles, withHugetlbSharing } from './compareSides';
import { parse } from './parser';
import { print } from './printer';

function commands(text: string): Located[] {
  const r = parse(text);
  if (!r.ok) throw new Error(JSON.stringify(r.error));
  return r.commands;
}

const EIGHT = [
  'machine ram=64G',
  'file sga 64M',
  'process db[1-8]',
  'db[1-8] mmap 0x7f0000000000 64M rw shared,shared_pt sga',
  'db[1-8] touch 0x7f0000000000 64M read',
].join('\n');

describe('compareSides', () => {
  it('baseline: the same lines with every shared_pt flag removed, labelled', () => {
    const input = commands(EIGHT);
    const sides = compareSides(input, 'baseline');
    expect(sides.with).toEqual({ label: 'with MAP_SHARED_PT', commands: input });
    expect(sides.without.label).toBe('without sharing');
    expect(sides.without.commands.map((c) => c.line)).toEqual(input.map((c) => c.line));
    expect(print(sides.without.commands)).toBe(print(input).replaceAll('shared,shared_pt', 'shared'));
  });

  it('hugetlb: the shared_pt file becomes a hugetlbfs file and the flag is dropped', () => {
    const sides = compareSides(commands(EIGHT), 'hugetlb');
    expect(sides.without.label).toBe('hugetlb PMD sharing');
    const text = print(sides.without.commands);
    expect(text).toContain('file sga 64M hugetlb');
    expect(text).not.toContain('shared_pt');
  });

  it('hugetlb: a memfd used with shared_pt becomes a hugetlbfs file of the same name and size', () => {
    const input = commands('memfd m 2M\nprocess A\nA mmap 0x7f0000000000 2M rw shared,shared_pt m\n');
    expect(withHugetlbSharing(input)[0]!.command).toEqual({ op: 'file', name: 'm', size: 2 * 2 ** 20, hugetlb: true });
  });

  it('hugetlb: files no shared_pt mapping uses, and anonymous memory, stay as they are', () => {
    const input = commands(
      ['file a 4M', 'file b 4M', 'process P', 'P mmap 0x7f0000000000 4M rw shared,shared_pt a', 'P mmap auto 4M rw shared b', 'P mmap auto 2M rw shared,shared_pt -'].join('\n'),
    );
    expect([...sharedPtFiles(input)]).toEqual(['a']);
    const out = withHugetlbSharing(input);
    expect(out[1]).toBe(input[1]);
    expect(out[4]).toBe(input[4]);
    expect(out[5]!.command).toMatchObject({ op: 'mmap', file: '-', flags: { sharedPt: false } });
  });

  it('hugetlb: a mapping that is not 2 MiB aligned then fails with EINVAL, as in Linux', () => {
    const input = commands('file f 4M\nprocess P\nP mmap 0x7f0000001000 2M rw shared,shared_pt f\n');
    const withSide = runScenario(createEngine(), compareSides(input, 'hugetlb').with.commands);
    const hugeSide = runScenario(createEngine(), compareSides(input, 'hugetlb').without.commands);
    expect(withSide.errors).toEqual([]);
    expect(hugeSide.errors).toMatchObject([{ line: 3, errno: 'EINVAL' }]);
  });

  it('hugetlb: eight sharers of 1 GiB share one PMD page, each charged for it', () => {
    const text = EIGHT.replaceAll('64M', '1G');
    const r = runScenario(createEngine(), compareSides(commands(text), 'hugetlb').without.commands);
    expect(r.errors).toEqual([]);
    // per process: PUD page + the shared PMD page; physically 8 PGDs + 8 PUDs + 1 PMD
    expect(r.processes.every((p) => p.pgtables_bytes === 2 * 4096)).toBe(true);
    expect(r.pagetables_bytes).toBe((8 + 8 + 1) * 4096);
  });

  it('leaves the input untouched', () => {
    const input = commands(EIGHT);
    const before = JSON.stringify(input);
    compareSides(input, 'hugetlb');
    compareSides(input, 'baseline');
    expect(JSON.stringify(input)).toBe(before);
  });
});

describe('parseCompareVs', () => {
  it('reads baseline and hugetlb, nothing else', () => {
    expect(parseCompareVs('baseline')).toBe('baseline');
    expect(parseCompareVs('hugetlb')).toBe('hugetlb');
    expect(parseCompareVs('Hugetlb')).toBeNull();
    expect(parseCompareVs('')).toBeNull();
  });
});
