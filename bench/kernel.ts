/**
 * The benchmark's anchor in the real kernel: bench/faultrate.c, compiled with the
 * system's `cc -O2` at bench time, maps a page-cache file MAP_SHARED and reads one
 * byte per page; its best of three `read-touch: N pages/s` is this machine's
 * first-touch rate. Beside it, the engine's detailed rate on the same number of
 * pages: a scenario of one `touch ADDR read` line per page, run as the worker runs
 * it (engine.step per command, engine.invariants() after each), timing the steps only.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createEngine } from '../src/sim/engine/engine';
import { parse } from '../src/scenario/parser';
import type { Located } from '../src/sim/commands';
import { SGA_BASE } from './sga';

const OUT_DIR = join('node_modules', '.cache', 'bench');

/** Pages per second, or why there is no figure. */
export type Rate = { readonly pagesPerSecond: number } | { readonly skipped: string };

function firstLine(text: string | null | undefined): string {
  return (text ?? '').trim().split('\n')[0] ?? '';
}

/** The kernel's first-touch rate over `mib` MiB (best of three), or why it was skipped. */
export function kernelRate(mib: number): Rate {
  const source = join('bench', 'faultrate.c');
  if (!existsSync(source)) return { skipped: `${source} not found (run from the repository's root)` };
  mkdirSync(OUT_DIR, { recursive: true });
  const binary = join(OUT_DIR, 'faultrate');
  const cc = spawnSync('cc', ['-O2', '-o', binary, source], { encoding: 'utf8' });
  if (cc.error !== undefined) return { skipped: 'no C compiler (cc) found' };
  if (cc.status !== 0) return { skipped: `cc failed: ${firstLine(cc.stderr)}` };
  // A tmpfs file when /dev/shm exists, else one in the cache folder; unique per run so that two benches do not share it.
  const dataDirs = existsSync('/dev/shm') ? ['/dev/shm', OUT_DIR] : [OUT_DIR];
  let why = '';
  for (const dir of dataDirs) {
    const run = spawnSync(binary, [String(mib), join(dir, `faultrate-${process.pid}`)], { encoding: 'utf8' });
    const rates = [...(run.stdout ?? '').matchAll(/^read-touch: (\d+) pages\/s/gm)].map((m) => Number(m[1]));
    if (run.status === 0 && rates.length > 0) return { pagesPerSecond: Math.max(...rates) };
    why = `faultrate failed in ${dir}: ${firstLine(run.stderr) || `exit ${run.status ?? run.signal}`}`;
  }
  return { skipped: why };
}

/** `file f SIZE`, `process a`, one MAP_SHARED read-only mapping of it, then one `a touch ADDR read` per page. */
export function pageByPageScenario(pages: number): string {
  const size = `${(pages * 4096) / 2 ** 20}M`;
  const lines = [`file f ${size}`, 'process a', `a mmap 0x${SGA_BASE.toString(16)} ${size} r shared f`];
  for (let i = 0; i < pages; i++) lines.push(`a touch 0x${(SGA_BASE + i * 4096).toString(16)} read`);
  return lines.join('\n') + '\n';
}

/** The engine's detailed touch rate: pages touched per second of engine.step over the touch lines. */
export function engineRate(pages: number): { pagesPerSecond: number; broken: readonly string[] } {
  const parsed = parse(pageByPageScenario(pages));
  if (!parsed.ok) throw new Error(`page-by-page scenario: line ${parsed.error.line}: ${parsed.error.message}`);
  const engine = createEngine();
  let stepMs = 0;
  let touches = 0;
  let broken: readonly string[] = [];
  for (const cmd of parsed.commands as Located[]) {
    const t0 = performance.now();
    engine.step(cmd);
    const ms = performance.now() - t0;
    if (cmd.command.op === 'touch') {
      stepMs += ms;
      touches++;
    }
    if (broken.length === 0) broken = engine.invariants().map((m) => `after line ${cmd.line}: ${m}`);
  }
  if (touches !== pages) throw new Error(`${touches} touch lines, expected ${pages}`);
  return { pagesPerSecond: pages / (stepMs / 1000), broken };
}
