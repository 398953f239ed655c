// A scenario that would outgrow the budget (sim/budget.ts) is stopped at the step that
// crosses it: what ran is printed, the message says what is too large and the limit, exit 2.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../sim/index';
import { EXIT_USAGE, runCli } from './runCli';

const GROWING = ['file f 4M', 'process p[1-6]', 'p[1-6] mmap 0x7f0000000000 4M r shared f', 'p[1-6] touch 0x7f0000000000 4M read', ''].join('\n');

function run(argv: string[], budget: number, events = 1000) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { readFile: () => GROWING, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, createEngine, { objects: budget, events });
  return { code, stdout, stderr };
}

describe('sim with a budget', () => {
  it('stops after the step that crossed it, keeps the output up to there, and exits 2', () => {
    const r = run(['g.scn', '--json'], 20);
    expect(r.code).toBe(EXIT_USAGE);
    const report = JSON.parse(r.stdout);
    // Seven lines of set-up and six mmaps hold 13 objects; each touch adds a PUD page and a PMD page with its run: 22 after the third.
    expect(report.steps).toBe(16);
    expect(report.stopped.line).toBe(4);
    expect(report.processes.filter((p: { rss_pages: number }) => p.rss_pages > 0)).toHaveLength(3);
    expect(report.stopped.message).toMatch(/over the limit of 20 this lab can keep/);
    expect(r.stderr).toBe(`sim: g.scn: ${report.stopped.message}\n`);
  });

  it('says so in the text summary too', () => {
    const r = run(['g.scn'], 20);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stdout).toMatch(/\nstopped\n {2}the simulated world grew too large at line \d/);
  });

  it('leaves a scenario within the budget alone: no `stopped` in the JSON, exit 0', () => {
    const r = run(['g.scn', '--json'], 1000);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).stopped).toBeUndefined();
  });

  it('stops a run whose trace grows past the budget, though its world fits', () => {
    const r = run(['g.scn', '--json'], 1000, 10);
    expect(r.code).toBe(EXIT_USAGE);
    const report = JSON.parse(r.stdout);
    expect(report.stopped.message).toMatch(/^the trace grew too long at line \d+: .* over the limit of 10 this lab can keep/);
    expect(r.stderr).toBe(`sim: g.scn: ${report.stopped.message}\n`);
  });

  it('stops either side of a comparison, naming the side', () => {
    const r = run(['g.scn', '--compare', '--json'], 20);
    expect(r.code).toBe(EXIT_USAGE);
    expect(r.stderr).toMatch(/^sim: g\.scn \(.+\): the simulated world grew too large/);
  });
});
