/**
 * npm run bench:ui: plays a 16-process MAP_SHARED_PT scenario (first touches,
 * an mprotect that reaches every sharer, the write that undoes it, the
 * teardown) in the system Chromium at 1× and 8×, and reports frame times
 * (p50, p95, max) and main-thread long tasks while it animates. The target
 * on this kind of machine: p95 frame ≤ 16.7 ms and no task over 50 ms.
 * Then the seed's own world (1500 clients × 300 GiB, MAP_SHARED_PT): the time
 * from opening a link to its last step to the diagram drawn (and from the
 * run's end, the page's "run finished" mark, to it: target ≤ 1.5 s), and the latency
 * of 20 steps back and 20 scrub jumps (p50, p95, max; target p95 ≤ 50 ms).
 */
import { spawn } from 'node:child_process';
import { chromium, type Browser, type Page } from '@playwright/test';
import { encodeLink } from '../src/ui/platform/shareLink';
import { stepAt } from '../src/viz/scrubber';
import { SEED_STEPS, SEED_TEXT } from './sga';

const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}`;

export const SCENARIO = `# 16 sharers: first touches, an mprotect seen by all, teardown
file sga 64M
process db[1-16]
db[1-16] mmap 0x7f0000000000 64M rw shared,shared_pt sga
db[1-16] touch 0x7f0000000000 8M read
db1 mprotect 0x7f0000000000 8M r
db[2-16] touch 0x7f0000000000 write
db[1-16] exit`;

/**
 * The page side, as source text: functions handed to page.evaluate would
 * carry the TypeScript loader's helpers into the page, where they do not exist.
 */
const START_RECORDING = `(() => {
  window.gaps = []; window.tasks = []; window.on = true;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) window.tasks.push(e.duration); }).observe({ type: 'longtask' });
  let last = performance.now();
  const tick = (now) => { window.gaps.push(now - last); last = now; if (window.on) requestAnimationFrame(tick); };
  requestAnimationFrame(tick);
})()`;
const STOP_RECORDING = `(() => { window.on = false; return { gaps: window.gaps.slice(1), tasks: window.tasks }; })()`;

interface Figures {
  readonly frames: number;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
  /** Frames that took longer than one and a half vsync intervals: a visible stutter. */
  readonly dropped: number;
  readonly longTasks: number;
  readonly longestTask: number;
}

function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

async function waitForServer(): Promise<void> {
  for (let i = 0; i < 100; i++) {
    try {
      if ((await fetch(BASE)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('the preview server did not start');
}

/** Plays steps from..to at `speed` and measures every animation frame and long task on the way. */
async function play(browser: Browser, from: number, to: number, speed: number): Promise<Figures> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`${BASE}/?motion=full${encodeLink(SCENARIO, from)}`);
  await page.getByTestId('step-caption').filter({ hasText: `Step ${from} of` }).waitFor();
  await page.locator('select').first().selectOption(String(speed));
  await page.evaluate(START_RECORDING);
  await page.getByTestId('diagram').focus();
  await page.keyboard.press('Space');
  await page.getByTestId('step-caption').filter({ hasText: `Step ${to} of` }).waitFor({ timeout: 300_000 });
  await page.keyboard.press('Space');
  await page.waitForTimeout(1500 / speed);
  const { gaps, tasks } = (await page.evaluate(STOP_RECORDING)) as { gaps: number[]; tasks: number[] };
  await page.close();
  const sorted = [...gaps].sort((a, b) => a - b);
  return { frames: gaps.length, p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted[sorted.length - 1] ?? 0, dropped: gaps.filter((g) => g > 25).length, longTasks: tasks.length, longestTask: Math.max(0, ...tasks) };
}

const CLIENTS = SEED_TEXT;
const CLIENT_STEPS = SEED_STEPS;

/** In the page from its start: when the diagram first shows `step` (window.drawnAt, page time). */
const WATCH_DRAWN = `((step) => {
  const watch = new MutationObserver(() => {
    if (document.querySelector('[data-testid="diagram"] svg[data-step="' + step + '"]') === null) return;
    watch.disconnect();
    window.drawnAt = performance.now();
  });
  document.addEventListener('DOMContentLoaded', () => watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] }));
})`;

/** Milliseconds until the diagram draws `step` (the svg carries its step). */
async function drawn(page: Page, step: number, t0: number): Promise<number> {
  await page.locator(`[data-testid="diagram"] svg[data-step="${step}"]`).waitFor({ timeout: 120_000 });
  return performance.now() - t0;
}

/**
 * Arms a timer inside the page: from the next input event (key or pointer) to the frame
 * after the diagram shows `step`, so the figure has no test-runner round trip or polling in it.
 */
const ARM = `((step) => {
  window.latency = new Promise((done) => {
    let t0 = null;
    const start = () => { t0 ??= performance.now(); };
    document.addEventListener('keydown', start, { capture: true, once: true });
    document.addEventListener('pointerdown', start, { capture: true, once: true });
    const seen = () => document.querySelector('[data-testid="diagram"] svg[data-step="' + step + '"]') !== null;
    const finish = () => requestAnimationFrame(() => done(performance.now() - (t0 ?? performance.now())));
    const watch = new MutationObserver(() => { if (t0 !== null && seen()) { watch.disconnect(); finish(); } });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
  });
})`;

/** Presses or clicks (`act`), and returns the in-page latency until `step` is drawn. */
async function timed(page: Page, step: number, act: () => Promise<void>): Promise<number> {
  await page.evaluate(`${ARM}(${step})`);
  await act();
  return (await page.evaluate('window.latency')) as number;
}

function spread(label: string, xs: readonly number[]): void {
  const sorted = [...xs].sort((a, b) => a - b);
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`${label.padEnd(34)} n ${sorted.length}  p50 ${ms(quantile(sorted, 0.5))}  p95 ${ms(quantile(sorted, 0.95))}  max ${ms(sorted[sorted.length - 1] ?? 0)}`);
}

/** The seed's world: a link to its last step, then steps back and scrub jumps, each timed to the drawn picture. */
async function bigWorld(browser: Browser): Promise<void> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(`(${WATCH_DRAWN})(${CLIENT_STEPS})`);
  const t0 = performance.now();
  await page.goto(`${BASE}/?motion=off${encodeLink(CLIENTS, CLIENT_STEPS)}`);
  console.log(`1500 x 300 GiB: link to the last step drawn after ${(await drawn(page, CLIENT_STEPS, t0)).toFixed(0)} ms (the run included)`);
  const afterRun = (await page.evaluate(`window.drawnAt - performance.getEntriesByName('run finished').at(-1).startTime`)) as number;
  console.log(`1500 x 300 GiB: last step drawn ${afterRun.toFixed(0)} ms after the run finished (target ≤ 1500 ms)`);
  await page.evaluate(START_RECORDING);
  const back: number[] = [];
  await page.getByTestId('diagram').focus();
  for (let i = 1; i <= 20; i++) back.push(await timed(page, CLIENT_STEPS - i, () => page.keyboard.press('ArrowLeft')));
  spread('1500 x 300 GiB: step back', back);
  const jumps: number[] = [];
  const box = await page.getByTestId('scrubber').boundingBox();
  if (box === null) throw new Error('no scrubber');
  let seed = 7;
  for (let i = 0; i < 20; i++) {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    const x = box.x + 2 + (seed / 2 ** 31) * (box.width - 4);
    const step = stepAt(x - box.x, box.width, CLIENT_STEPS);
    const current = Number(await page.getByTestId('scrubber').getAttribute('aria-valuenow'));
    if (step === current) continue;
    jumps.push(await timed(page, step, () => page.mouse.click(x, box.y + box.height / 2)));
  }
  spread('1500 x 300 GiB: scrub jump', jumps);
  const { tasks } = (await page.evaluate(STOP_RECORDING)) as { tasks: number[] };
  console.log(`1500 x 300 GiB: main-thread long tasks ${tasks.length} (longest ${Math.max(0, ...tasks).toFixed(0)} ms)`);
  await page.close();
}

function report(label: string, f: Figures): void {
  const ms = (x: number) => `${x.toFixed(1)} ms`;
  console.log(`${label.padEnd(34)} frames ${String(f.frames).padStart(5)}  p50 ${ms(f.p50)}  p95 ${ms(f.p95)}  max ${ms(f.max)}  over 25 ms ${f.dropped}  long tasks ${f.longTasks} (longest ${ms(f.longestTask)})`);
}

async function main(): Promise<void> {
  // Its own process group, so that stopping it stops vite too, not only npx.
  const server = spawn('npx', ['vite', 'preview', '--host', '127.0.0.1', '--port', String(PORT), '--strictPort'], { stdio: 'ignore', detached: true });
  try {
    await waitForServer();
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'],
    });
    // Steps: 1 file, 2-17 processes, 18-33 mmaps, 34-49 touches, 50 mprotect, 51-65 writes, 66-81 exits.
    // BENCH_UI_ONLY=big measures the seed's world alone.
    if (process.env.BENCH_UI_ONLY !== 'big') {
      report('1x, touches and the mprotect (33-52)', await play(browser, 33, 52, 1));
      report('1x, teardown (64-81)', await play(browser, 64, 81, 1));
      report('8x, the whole scenario (0-81)', await play(browser, 0, 81, 8));
    }
    await bigWorld(browser);
    await browser.close();
  } finally {
    if (server.pid !== undefined) process.kill(-server.pid);
  }
}

void main();
