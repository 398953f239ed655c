// The runner end to end with the real engine: SPEC 3's worked example.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createEngine } from '../sim/index';
import { runCli } from './runCli';

/** Eight processes sharing a fully touched 64 MiB region at 0x7f0000000000. */
const EIGHT_SHARERS = [
  'file sga 64M',
  'process db[1-8]',
  'db[1-8] mmap 0x7f0000000000 64M rw shared,shared_pt sga',
  'db[1-8] touch 0x7f0000000000 64M write',
  '',
].join('\n');

function run(argv: string[], text: string) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { readFile: () => text, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, createEngine);
  return { code, stdout, stderr };
}

describe('sim with the engine (SPEC 3)', () => {
  it('lists "as posted" findings in the JSON and still exits 0', () => {
    const text = 'machine fidelity=as_posted\nfile f 4M\nprocess a\na mmap 0x7f0000000000 4M rw shared,shared_pt f\na touch 0x7f0000000000 4M read\na exit\n';
    const r = run(['p.txt', '--json'], text);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.ok).toBe(true);
    expect(report.findings).toEqual([
      { line: 6, mm: 'a', message: "exit keeps a's reference to host:f (refcount 1): the host leaks" },
      { line: 6, mm: 'a', message: 'BUG: non-zero pgtables_bytes on freeing mm: 8192' },
    ]);
    expect(run(['p.txt'], text).stdout).toMatch(/findings \(as posted\)\n.*\n {2}line 6: a: BUG: non-zero pgtables_bytes on freeing mm: 8192/);
  });

  it('has an empty findings list in the described design', () => {
    expect(JSON.parse(run(['e.txt', '--json'], EIGHT_SHARERS).stdout).findings).toEqual([]);
  });

  it('reproduces the figures of eight sharers of a 64 MiB region', () => {
    const r = run(['eight.txt', '--json'], EIGHT_SHARERS);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report).toMatchObject({ ok: true, steps: 25, errors: [], pagetables_bytes: 241664, invariants: [] });
    expect(report.hosts).toEqual([{ file: 'sga', refcount: 8, pgtables_bytes: 139264 }]);
    expect(report.processes).toHaveLength(8);
    for (const p of report.processes) {
      expect(p).toMatchObject({ alive: true, pgtables_bytes: 8192, rss_pages: 16384, oom_killed: false });
    }
  });

  it('without shared_pt every process pays for its own 32 PTE pages', () => {
    const report = JSON.parse(run(['eight.txt', '--json', '--without-shared-pt'], EIGHT_SHARERS).stdout);
    expect(report.hosts).toEqual([]);
    for (const p of report.processes) expect(p.pgtables_bytes).toBe(34 * 4096);
    expect(report.pagetables_bytes).toBe(8 * 34 * 4096 + 8 * 4096);
  });

  it('prints the summary and a trace with host and link faults', () => {
    const r = run(['eight.txt'], EIGHT_SHARERS);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/db1 … db8 \(8 alike\) +alive +8192 B +\(8 KiB\) +16384/);
    expect(r.stdout).toMatch(/page tables {2}241664 B \(236 KiB\)/);
    expect(r.stdout).toMatch(/line 4: db2 touch 0x7f0000000000 64M write\n(?: {2}.*\n)*? {2}link {4}db2 PMD entries/);
  });

  it('runs as `npm run sim` does, with its exit codes', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sim-'));
    const good = join(dir, 'eight.txt');
    const bad = join(dir, 'bad.txt');
    writeFileSync(good, EIGHT_SHARERS);
    writeFileSync(bad, 'process db1\ndb1 exit now\n');
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const ok = spawnSync(tsx, ['src/cli/sim.ts', good, '--json'], { encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout).pagetables_bytes).toBe(241664);
    const failed = spawnSync(tsx, ['src/cli/sim.ts', bad], { encoding: 'utf8' });
    expect(failed.status).toBe(2);
    expect(failed.stderr).toBe(`${bad}:line 2, column 10: unexpected 'now' (usage: TASK exit)\n`);
  }, 30_000);
});
