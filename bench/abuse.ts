/**
 * npm run bench:abuse: scenarios whose history grows without bound, to show
 * that no step costs time that grows with it (the number of mms, steps or
 * anonymous objects ever made), and scenarios too large for the lab, to show
 * that they stop cleanly at the budget (sim/budget.ts) as the runner and the
 * worker stop them. Each case is written in the scenario language, parsed,
 * then stepped through one engine with a time limit; a case that hits the
 * limit says how far it got. Steps per second should not fall as a case goes
 * on: the fork cases print the rate of their first and last 10%.
 */
import { createEngine, type Located } from '../src/sim/index';
import { BudgetMeter } from '../src/sim/budget';
import { parse } from '../src/scenario';

const LIMIT_S = Number(process.env.ABUSE_LIMIT_S ?? 60);
const hex = (n: number): string => `0x${n.toString(16)}`;
const BASE = 0x7f0000000000;

interface Options {
  /** engine.invariants() after every step, as the worker does. */
  readonly check?: boolean;
  /** Print the rate of the first and last 10% of the steps from this index on. */
  readonly flatFrom?: number;
  readonly note?: string;
}

/** The scenario's commands, or why the parser refuses it (as the runner and the page would). */
function commandsOf(lines: string[]): Located[] | string {
  const r = parse(lines.join('\n'));
  return r.ok ? r.commands : `line ${r.error.line}: ${r.error.message}`;
}

/** ABUSE_ONLY=b runs only the cases whose label starts with (b). */
const ONLY = process.env.ABUSE_ONLY;

function run(label: string, make: () => string[], options: Options = {}): void {
  if (ONLY !== undefined && !ONLY.split(',').some((x) => label.startsWith(`(${x})`))) return;
  const lines = make();
  const t00 = performance.now();
  const cmds = commandsOf(lines);
  if (typeof cmds === 'string') {
    const s = ((performance.now() - t00) / 1000).toFixed(2);
    return void console.log(`${label.padEnd(66)} refused up front in ${s} s: ${cmds}`);
  }
  const engine = createEngine();
  const at = new Float64Array(cmds.length + 1);
  let errors = 0;
  let broken: string[] = [];
  const meter = new BudgetMeter();
  let stopped: string | null = null;
  const t0 = performance.now();
  let done = 0;
  for (; done < cmds.length; done++) {
    const cmd = cmds[done]!;
    const events = engine.step(cmd);
    for (const e of events) if (e.k === 'error') errors++;
    if (options.check === true && broken.length === 0) broken = engine.invariants();
    const stop = meter.after(cmd.line, engine.footprint(), events.length);
    const t = performance.now() - t0;
    at[done + 1] = t;
    if (stop !== null) stopped = stop.message;
    if (stop !== null || t > LIMIT_S * 1000) {
      done++;
      break;
    }
  }
  const seconds = at[done]! / 1000;
  const parts = [
    label.padEnd(66),
    `${Math.round(done / Math.max(seconds, 1e-9)).toString().padStart(9)} steps/s`,
    `${seconds.toFixed(2).padStart(7)} s`,
    stopped !== null ? `stopped cleanly after ${done} of ${cmds.length} steps` : done < cmds.length ? `STOPPED at the ${LIMIT_S} s limit after ${done} of ${cmds.length} steps` : `${done} steps`,
  ];
  if (options.flatFrom !== undefined && done > options.flatFrom + 20) {
    const from = options.flatFrom;
    const n = done - from;
    const tenth = Math.max(1, Math.floor(n / 10));
    const rate = (a: number, b: number): number => Math.round((b - a) / Math.max((at[from + b]! - at[from + a]!) / 1000, 1e-9));
    parts.push(`first 10% ${rate(0, tenth)} steps/s, last 10% ${rate(n - tenth, n)} steps/s`);
  }
  if (errors > 0) parts.push(`${errors} errors`);
  if (options.check === true) parts.push(broken.length === 0 ? 'invariants hold' : `INVARIANT BROKEN: ${broken[0]}`);
  if (options.note !== undefined) parts.push(options.note);
  console.log(parts.join('  '));
  if (stopped !== null) console.log(`${''.padEnd(66)} ${stopped.slice(0, stopped.indexOf('. ') + 1)}`);
}

/** (a) n 4 KiB anonymous mappings with a hole between each (no merging), then all unmapped. */
function mmapMunmap(n: number): string[] {
  const lines = ['machine ram=64G', 'process p'];
  for (let i = 0; i < n; i++) lines.push(`p mmap ${hex(BASE - (i + 1) * 0x2000)} 4K rw private -`);
  for (let i = 0; i < n; i++) lines.push(`p munmap ${hex(BASE - (i + 1) * 0x2000)} 4K`);
  return lines;
}

/** (a) n 4 KiB anonymous mappings, each unmapped on the next line. */
function mmapMunmapInterleaved(n: number): string[] {
  const lines = ['machine ram=64G', 'process p'];
  for (let i = 0; i < n; i++) lines.push(`p mmap ${hex(BASE - (i + 1) * 0x2000)} 4K rw private -`, `p munmap ${hex(BASE - (i + 1) * 0x2000)} 4K`);
  return lines;
}

/** (b) a process with `vmas` small written anonymous VMAs, forked `forks` times; each child exits again. */
function forkWide(vmas: number, forks: number): string[] {
  const lines = ['machine ram=64G', 'process p'];
  for (let i = 0; i < vmas; i++) {
    const va = hex(BASE - (i + 1) * 0x2000);
    lines.push(`p mmap ${va} 4K rw private -`, `p touch ${va} write`);
  }
  for (let i = 0; i < forks; i++) lines.push(`fork p c${i}`, `c${i} exit`);
  return lines;
}

/** (c) one page touched in each of `chunks` 2 MiB chunks of one anonymous mapping. */
function sparseTouch(chunks: number): string[] {
  const lines = ['machine ram=1T', 'process p', `p mmap ${hex(0x7e0000000000)} ${chunks * 2}M rw private -`];
  for (let i = 0; i < chunks; i++) lines.push(`p touch ${hex(0x7e0000000000 + i * 0x200000)} write`);
  return lines;
}

/** (e) `procs` processes each reading all of user space (128 TiB) from anonymous memory. */
function wholeUserSpace(procs: number): string[] {
  return ['machine ram=4096T', `process p[1-${procs}]`, `p[1-${procs}] mmap 0x1000 0x7ffffffe0000 rw private - as=a`, `p[1-${procs}] touch a 0x7ffffffe0000 read`];
}

/**
 * (e) `procs` processes sharing one file as large as user space: each reads it all,
 * then write-protects it, writes a page, forks once, and all exit.
 */
function wholeUserSpaceFile(procs: number): string[] {
  const all = `p[1-${procs}]`;
  return [
    'machine ram=4096T',
    'file f 0x7ffffffe0000',
    `process ${all}`,
    `${all} mmap 0x1000 0x7ffffffe0000 rw private f as=a`,
    `${all} touch a 0x7ffffffe0000 read`,
    `${all} touch a+0x40000000 write`,
    `${all} mprotect a 0x7ffffffe0000 r`,
    `fork p1 c1`,
    `${all} exit`,
    'c1 exit',
  ];
}

/** (d) a process with a MAP_SHARED_PT region and a private written page, forked `forks` times (children stay). */
function forkMany(forks: number): string[] {
  const lines = [
    'machine ram=16T',
    'file f 2M',
    'process p',
    `p mmap ${hex(0x7e0000000000)} 2M rw shared,shared_pt f`,
    `p touch ${hex(0x7e0000000000)} 2M write`,
    `p mmap ${hex(BASE)} 4K rw private -`,
  ];
  for (let i = 0; i < forks; i++) lines.push(`fork p c${i}`);
  return lines;
}

/**
 * (f) hugetlb sharers beside `copies` + 1 processes of `vmas` unrelated VMAs each: a sharer's
 * first fault in a 1 GiB window looks for a partner among the file's own mappers only.
 */
function hugetlbBesideWide(vmas: number, copies: number, sharers: number): string[] {
  const lines = ['machine ram=2T', 'file h 64G hugetlb', 'process idle'];
  for (let i = 0; i < vmas; i++) lines.push(`idle mmap ${hex(0x100000000000 + i * 0x2000)} 4K rw private -`);
  for (let k = 1; k <= copies; k++) lines.push(`fork idle idle${k}`);
  lines.push(`process db[1-${sharers}]`, `db[1-${sharers}] mmap ${hex(BASE)} 64G rw shared h`, `db[1-${sharers}] touch ${hex(BASE)} 64G read`);
  return lines;
}

console.log(`abuse cases, ${LIMIT_S} s limit each`);
run('(a) 1 process, 160000 mmap/munmap pairs', () => mmapMunmap(160_000));
run('(a) 1 process, 320000 mmap/munmap pairs', () => mmapMunmap(320_000));
run('(a) 1 process, 499999 mmap/munmap pairs (a million lines)', () => mmapMunmap(499_999));
run('(a) 1 process, 499999 mmap/munmap pairs, each unmapped at once', () => mmapMunmapInterleaved(499_999));
run('(a) 1 process, 640000 mmap/munmap pairs (1.28 million lines)', () => mmapMunmap(640_000));
const wide = { flatFrom: 40_002, note: 'each child exits after its fork: 5000 live copies of 20000 VMAs do not fit in memory' };
run('(b) 20000 small VMAs, forked 5000 times', () => forkWide(20_000, 5000), wide);
run('(b) 20000 small VMAs, forked 10000 times', () => forkWide(20_000, 10_000), wide);
run('(c) 1 page in each of 40000 2 MiB chunks, checked', () => sparseTouch(40_000), { check: true, flatFrom: 3 });
run('(d) 800000 forks of one process', () => forkMany(800_000), { flatFrom: 6 });
run('(e) 100 processes reading all of user space (128 TiB each)', () => wholeUserSpace(100));
run('(e) 1000 processes reading all of user space (128 TiB each)', () => wholeUserSpace(1000));
run('(e) 100 processes on a 128 TiB file: read, write, mprotect, fork, exit', () => wholeUserSpaceFile(100), { check: true });
run('(e) 1000 processes on a 128 TiB file: read, write, mprotect, fork, exit', () => wholeUserSpaceFile(1000), { check: true });
run('(f) 200 hugetlb sharers of 64 GiB beside 420000 unrelated VMAs', () => hugetlbBesideWide(20_000, 20, 200));
run('(f) 1000 hugetlb sharers of 64 GiB beside 420000 unrelated VMAs', () => hugetlbBesideWide(20_000, 20, 1000));
