// `--compare`: both sides of SPEC 5's comparison from the command line.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../sim/index';
import type { Model } from '../sim/model';
import { ratioText } from './compare';
import { parseArgs } from './options';
import { runCli } from './runCli';

/** Eight processes sharing a fully touched 1 GiB region (big enough for hugetlb windows). */
const EIGHT_SHARERS = [
  'file sga 1G',
  'process db[1-8]',
  'db[1-8] mmap 0x7f0000000000 1G rw shared,shared_pt sga',
  'db[1-8] touch 0x7f0000000000 1G read',
  '',
].join('\n');

function run(argv: string[], text: string, createModel: () => Model = createEngine) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { readFile: () => text, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, createModel);
  return { code, stdout, stderr };
}

describe('parseArgs --compare', () => {
  it('takes --compare, with --vs=baseline by default or --vs=hugetlb', () => {
    expect(parseArgs(['a', '--compare'])).toMatchObject({ kind: 'run', options: { compare: 'baseline' } });
    expect(parseArgs(['--vs=hugetlb', 'a', '--compare'])).toMatchObject({ kind: 'run', options: { compare: 'hugetlb' } });
    expect(parseArgs(['a'])).toMatchObject({ kind: 'run', options: { compare: null } });
  });

  it('refuses a bad --vs, --vs alone, and --compare with --without-shared-pt', () => {
    expect(parseArgs(['a', '--compare', '--vs=thp'])).toEqual({ kind: 'usage-error', message: "--vs takes baseline or hugetlb, got 'thp'" });
    expect(parseArgs(['a', '--vs=hugetlb'])).toEqual({ kind: 'usage-error', message: '--vs needs --compare' });
    expect(parseArgs(['a', '--compare', '--without-shared-pt'])).toMatchObject({ kind: 'usage-error' });
  });
});

describe('sim --compare', () => {
  it('prints { with, without } as one JSON object: shared tables against private ones', () => {
    const r = run(['eight.txt', '--compare', '--json'], EIGHT_SHARERS);
    expect(r).toMatchObject({ code: 0, stderr: '' });
    const both = JSON.parse(r.stdout);
    expect(Object.keys(both)).toEqual(['with', 'without']);
    // with: each guest its PUD + PMD page; the host PUD + PMD + 512 PTE pages; 9 PGDs
    expect(both.with.hosts).toEqual([{ file: 'sga', refcount: 8, pgtables_bytes: 514 * 4096 }]);
    expect(both.with.pagetables_bytes).toBe((8 * 2 + 514 + 9) * 4096);
    // without: every process PUD + PMD + 512 PTE pages of its own
    expect(both.without.hosts).toEqual([]);
    expect(both.without.processes.every((p: { pgtables_bytes: number }) => p.pgtables_bytes === 514 * 4096)).toBe(true);
    expect(both.without.pagetables_bytes).toBe(8 * 515 * 4096);
  });

  it('with --vs=hugetlb the other side shares one PMD page through hugetlbfs', () => {
    const both = JSON.parse(run(['eight.txt', '--compare', '--vs=hugetlb', '--json'], EIGHT_SHARERS).stdout);
    expect(both.without.errors).toEqual([]);
    expect(both.without.pagetables_bytes).toBe((8 + 8 + 1) * 4096);
    expect(both.with.pagetables_bytes).toBe((8 * 2 + 514 + 9) * 4096);
  });

  it('reports errors the hugetlb side causes like any error, exit 0', () => {
    const text = 'file f 4M\nprocess P\nP mmap 0x7f0000001000 2M rw shared,shared_pt f\n';
    const r = run(['f.txt', '--compare', '--vs=hugetlb', '--json'], text);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).without.errors).toMatchObject([{ line: 3, errno: 'EINVAL' }]);
  });

  it('prints both summaries, labelled, then the system figures side by side', () => {
    const r = run(['eight.txt', '--compare'], EIGHT_SHARERS);
    expect(r.code).toBe(0);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('== with MAP_SHARED_PT ==');
    expect(out[1]).toBe('eight.txt: 25 steps, 0 errors, invariants hold');
    expect(out).toContain('== without sharing ==');
    expect(r.stdout).toMatch(/compare \(system page tables\)\n {2}with MAP_SHARED_PT +2207744 B \(2\.1 MiB\)\n {2}without sharing +16875520 B/);
    expect(r.stdout).not.toMatch(/^trace$/m);
  });

  it('exits 2 for a parse error and 1 when either side breaks an invariant', () => {
    expect(run(['bad.txt', '--compare'], 'process db1\ndb1 exit now\n').code).toBe(2);
    let made = 0;
    const brokenSecond = (): Model => {
      const engine = createEngine();
      const second = ++made === 2;
      return { ...engine, step: (c) => engine.step(c), invariants: () => (second ? ['mm 2 charged 4096 bytes but owns none'] : []) };
    };
    const r = run(['eight.txt', '--compare', '--json'], EIGHT_SHARERS, brokenSecond);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ with: { ok: true }, without: { ok: false } });
    expect(r.stderr).toMatch(/invariants broken \(without sharing\): after line 1: mm 2 charged/);
  });
});

describe('ratioText', () => {
  it('says how many times less or more, or that they are the same', () => {
    expect(ratioText(2_469_396_480, 945_639_424_000)).toBe('383× less with MAP_SHARED_PT');
    expect(ratioText(8192, 4096)).toBe('2.0× more with MAP_SHARED_PT');
    expect(ratioText(4096, 4096)).toBe('the same');
  });
});
