import { describe, expect, it } from 'vitest';
import type { Located } from '../sim/commands';
import type { TraceEvent } from '../sim/events';
import type { Model, ProcessReport } from '../sim/model';
import { parseArgs } from './options';
import { runCli, type CliIo } from './runCli';

/** A stand-in model: records what it was given, reports fixed figures. */
function fakeModel(options: { broken?: string[]; processes?: ProcessReport[] } = {}) {
  const seen: Located[] = [];
  const model: Model = {
    step(cmd) {
      seen.push(cmd);
      const events: TraceEvent[] = [];
      if (cmd.command.op === 'process') events.push({ k: 'task', task: cmd.command.name, mm: seen.length, how: 'process', parent: null });
      if (cmd.command.op === 'touch') events.push({ k: 'error', errno: 'EINVAL', message: 'no such mapping name' });
      return events;
    },
    processes: () =>
      options.processes ?? [
        { name: 'db1', alive: true, pgtables_bytes: 8192, rss_pages: 16384, oom_killed: false, thread_of: null, signal: null },
      ],
    hosts: () => [{ file: 'sga', refcount: 8, pgtables_bytes: 139264 }],
    memory: () => ({ ram_bytes: 64 * 2 ** 30, pagetables_bytes: 241664, file_bytes: 64 * 2 ** 20 }),
    translate: () => null,
    mmName: (mm) => `mm${mm}`,
    invariants: () => options.broken ?? [],
  };
  return { model, seen };
}

/** Runs the CLI against in-memory files; returns the exit code and what it wrote. */
function run(argv: string[], files: Record<string, string>, model: Model = fakeModel().model, traceLines?: number) {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw new Error(`ENOENT: no such file, open '${path}'`);
      return text;
    },
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  };
  const code = runCli(argv, io, () => model, undefined, traceLines);
  return { code, stdout, stderr };
}

const SCENARIO = 'process db1\nfile sga 4M\ndb1 mmap 0x7f0000000000 4M rw shared,shared_pt sga as=buf\ndb1 touch buf read\n';

describe('parseArgs', () => {
  it('takes FILE and options in any order', () => {
    expect(parseArgs(['--json', 'a.txt', '--without-shared-pt'])).toEqual({
      kind: 'run',
      options: { file: 'a.txt', json: true, withoutSharedPt: true, compare: null },
    });
    expect(parseArgs(['--', '--odd-name'])).toEqual({ kind: 'run', options: { file: '--odd-name', json: false, withoutSharedPt: false, compare: null } });
  });

  it('refuses unknown options, a missing file and two files', () => {
    expect(parseArgs(['a', '--jsn'])).toEqual({ kind: 'usage-error', message: "unknown option '--jsn'" });
    expect(parseArgs([])).toEqual({ kind: 'usage-error', message: 'missing FILE' });
    expect(parseArgs(['a', 'b'])).toMatchObject({ kind: 'usage-error' });
  });
});

describe('runCli', () => {
  it('prints usage on stderr with exit 2 for an unknown option or a missing file argument', () => {
    for (const argv of [['s.txt', '--frob'], []]) {
      const r = run(argv, { 's.txt': SCENARIO });
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/usage: npm run --silent sim -- FILE/);
      expect(r.stdout).toBe('');
    }
  });

  it('prints help on stdout with exit 0', () => {
    const r = run(['--help'], {});
    expect(r).toMatchObject({ code: 0, stderr: '' });
    expect(r.stdout).toMatch(/^usage:/);
  });

  it('exits 2 when the file cannot be read', () => {
    const r = run(['nope.txt'], {});
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read nope.txt: ENOENT/);
  });

  it('reports a parse error as FILE:line N, column C: message, exit 2', () => {
    const r = run(['bad.txt'], { 'bad.txt': 'process db1\ndb1 mmap auto 4Q rw shared f\n' });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("bad.txt:line 2, column 15: bad size '4Q': expected bytes such as 4096, 0x1000 or 4M\n");
    expect(r.stdout).toBe('');
  });

  it('prints the report as one JSON object with --json', () => {
    const r = run(['s.txt', '--json'], { 's.txt': SCENARIO });
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['ok', 'steps', 'errors', 'processes', 'hosts', 'pagetables_bytes', 'memory', 'invariants', 'findings']);
    expect(report).toMatchObject({
      ok: true,
      steps: 4,
      errors: [{ line: 4, errno: 'EINVAL', message: 'no such mapping name' }],
      processes: [{ name: 'db1', alive: true, pgtables_bytes: 8192, rss_pages: 16384, oom_killed: false, thread_of: null, signal: null }],
      hosts: [{ file: 'sga', refcount: 8, pgtables_bytes: 139264 }],
      pagetables_bytes: 241664,
      invariants: [],
    });
  });

  it('removes shared_pt flags with --without-shared-pt', () => {
    const plain = fakeModel();
    run(['s.txt'], { 's.txt': SCENARIO }, plain.model);
    const baseline = fakeModel();
    run(['s.txt', '--without-shared-pt'], { 's.txt': SCENARIO }, baseline.model);
    const flags = (seen: Located[]) => seen.flatMap((c) => (c.command.op === 'mmap' ? [c.command.flags.sharedPt] : []));
    expect(flags(plain.seen)).toEqual([true]);
    expect(flags(baseline.seen)).toEqual([false]);
  });

  it('prints a summary, then each step as its line and indented events', () => {
    const r = run(['s.txt'], { 's.txt': SCENARIO });
    expect(r.code).toBe(0);
    const out = r.stdout.split('\n');
    expect(out[0]).toBe('s.txt: 4 steps, 1 error, invariants hold');
    expect(r.stdout).toMatch(/ {2}db1 +alive +8192 B +\(8 KiB\) +16384/);
    expect(r.stdout).toMatch(/ {2}sga +8 +139264 B +\(136 KiB\)/);
    expect(r.stdout).toMatch(/page tables {2}241664 B \(236 KiB\)/);
    expect(r.stdout).toMatch(/line 4: EINVAL: no such mapping name/);
    const trace = out.slice(out.indexOf('trace') + 1);
    expect(trace.slice(0, 4)).toEqual([
      'line 1: process db1',
      '  task    db1 created (process, new mm)',
      'line 2: file sga 4M',
      'line 3: db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga as=buf',
    ]);
  });

  it('keeps the first lines of a long trace and says how many it left off', () => {
    // Six trace lines in all: line 1 and its event, line 2, line 3, line 4 and its error.
    const whole = run(['s.txt'], { 's.txt': SCENARIO }, fakeModel().model, 6).stdout;
    expect(whole.split('\n').slice(-8)).toEqual([
      'trace',
      'line 1: process db1',
      '  task    db1 created (process, new mm)',
      'line 2: file sga 4M',
      'line 3: db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga as=buf',
      'line 4: db1 touch buf read',
      '  error   EINVAL: no such mapping name',
      '',
    ]);
    expect(whole).not.toMatch(/left off/);
    const cut = run(['s.txt'], { 's.txt': SCENARIO }, fakeModel().model, 3);
    expect(cut.code).toBe(0);
    expect(cut.stdout.split('\n')[0]).toBe('s.txt: 4 steps, 1 error, invariants hold');
    const trace = cut.stdout.split('\n').slice(cut.stdout.split('\n').indexOf('trace') + 1);
    expect(trace).toEqual([
      'line 1: process db1',
      '  task    db1 created (process, new mm)',
      'line 2: file sga 4M',
      '… 3 more trace lines (of 2 steps) left off: the text output keeps the first 3 lines of the trace',
      '',
    ]);
    // A step cut in the middle keeps its line and counts the rest of its events.
    const mid = run(['s.txt'], { 's.txt': SCENARIO }, fakeModel().model, 5).stdout;
    expect(mid).toMatch(/\nline 4: db1 touch buf read\n… 1 more trace line \(of 1 step\) left off/);
  });

  it('folds runs of identical processes in the summary', () => {
    const alike = (name: string): ProcessReport => ({ name, alive: true, pgtables_bytes: 8192, rss_pages: 1, oom_killed: false, thread_of: null, signal: null });
    const processes = [alike('db1'), ...['db2', 'db3', 'db4', 'db5'].map((n) => ({ ...alike(n), pgtables_bytes: 4096 })), { ...alike('t'), alive: false, oom_killed: true }];
    const r = run(['s.txt'], { 's.txt': 'process db1' }, fakeModel({ processes }).model);
    expect(r.stdout).toMatch(/ {2}db1 +alive +8192 B +\(8 KiB\)/);
    expect(r.stdout).toMatch(/ {2}db2 … db5 \(4 alike\) +alive +4096 B +\(4 KiB\)/);
    expect(r.stdout).toMatch(/ {2}t +OOM-killed/);
  });

  it('exits 1 and says so when an invariant breaks', () => {
    const broken = fakeModel({ broken: ['mm 2 charged 4096 bytes but owns none'] }).model;
    const r = run(['s.txt', '--json'], { 's.txt': SCENARIO }, broken);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false, invariants: ['after line 1: mm 2 charged 4096 bytes but owns none'] });
    expect(r.stderr).toMatch(/invariants broken/);
    const text = run(['s.txt'], { 's.txt': SCENARIO }, broken);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/INVARIANTS BROKEN/);
  });
});
