import type { Page } from '@playwright/test';
import { atStep, expect, test } from './fixtures';

/** What one animation frame of the stage showed. */
interface Frame {
  readonly step: number;
  readonly drawn: readonly number[];
  readonly motion: readonly string[];
  readonly walk: boolean;
  readonly ghosts: readonly string[];
  readonly shifted: number;
}

/** Starts recording the stage on every animation frame. */
async function record(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { frames_: unknown[]; recording: boolean };
    w.frames_ = [];
    w.recording = true;
    const tick = (): void => {
      const svg = document.querySelector('[data-testid=diagram] svg[data-step]');
      w.frames_.push({
        step: Number(svg?.getAttribute('data-step') ?? -1),
        drawn: [...document.querySelectorAll('[data-link]')].map((e) => Number(e.getAttribute('data-drawn'))),
        motion: [...document.querySelectorAll('[data-motion]')].map((e) => e.getAttribute('data-motion') ?? ''),
        walk: document.querySelector('[data-testid=walk]') !== null,
        ghosts: [...document.querySelectorAll('[data-testid^=ghost-]')].map((e) => e.getAttribute('data-testid') ?? ''),
        shifted: [...document.querySelectorAll('[data-testid=diagram] svg g[transform^=translate]')].length,
      });
      if (w.recording) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
}

async function frames(page: Page): Promise<Frame[]> {
  return page.evaluate(() => {
    const w = window as unknown as { frames_: Frame[]; recording: boolean };
    w.recording = false;
    return w.frames_;
  });
}

/** Opens the default scenario at `step` without animating on the way, then sets the motion. */
async function openAt(page: Page, step: number, motion: 'full' | 'reduced'): Promise<void> {
  await page.goto('/?motion=off');
  await atStep(page, 0, 15);
  await page.getByTestId('diagram').focus();
  for (let i = 0; i < step; i++) await page.keyboard.press('ArrowRight');
  await atStep(page, step, 15);
  await page.getByTestId('motion').selectOption(motion);
  await page.getByTestId('diagram').focus();
}

test.describe('motion between steps', () => {
  test('a first touch passes through its walk, the tables growing in and the link drawing itself', async ({ page }) => {
    await openAt(page, 7, 'full');
    await record(page);
    await page.keyboard.press('ArrowRight');
    await atStep(page, 8, 15);
    await expect.poll(async () => (await page.evaluate(() => (window as unknown as { frames_: Frame[] }).frames_.length)) > 90).toBe(true);
    const seen = (await frames(page)).filter((f) => f.step === 8);
    const start = seen[0];
    const end = seen[seen.length - 1];
    expect(start?.walk).toBe(true);
    expect(seen.some((f) => f.motion.includes('appearing'))).toBe(true);
    expect(seen.some((f) => f.motion.includes('writing'))).toBe(true);
    // The new link curves are hidden at first, part-drawn in the middle, whole at the end.
    expect(seen.some((f) => f.drawn.some((d) => d > 0 && d < 1))).toBe(true);
    expect(end?.drawn.length).toBeGreaterThan(0);
    expect(end?.drawn.every((d) => d === 1)).toBe(true);
    expect(end?.walk).toBe(false);
    expect(end?.motion).toEqual([]);
  });

  test('an mprotect of a shared page ripples to every sharer, and an exit fades and closes its column', async ({ page }) => {
    await openAt(page, 10, 'full');
    await record(page);
    await page.keyboard.press('ArrowRight');
    await atStep(page, 11, 15);
    await expect(page.getByTestId('ripple')).toContainText('sees this');
    await expect(page.getByTestId('tlb')).toContainText('TLB flush: db1, db2, host:sga');
    await page.keyboard.press('ArrowRight');
    await atStep(page, 12, 15);
    await expect(page.getByTestId('ripple')).toBeHidden();
    await page.keyboard.press('ArrowRight');
    await atStep(page, 13, 15);
    await expect.poll(async () => page.getByTestId('ghost-db1').count()).toBe(0);
    const seen = await frames(page);
    expect(seen.filter((f) => f.step === 11).some((f) => f.motion.includes('ripple'))).toBe(true);
    const exit = seen.filter((f) => f.step === 13);
    // db1's column stays, fading, while its tables go; then the others slide into its place.
    expect(exit.some((f) => f.ghosts.includes('ghost-db1'))).toBe(true);
    expect(exit.some((f) => f.motion.includes('fading'))).toBe(true);
    expect(exit.some((f) => f.shifted > 0)).toBe(true);
    expect(exit[exit.length - 1]?.ghosts).toEqual([]);
  });

  test('with reduced motion a step keeps its highlights but nothing travels', async ({ page }) => {
    await openAt(page, 7, 'reduced');
    await record(page);
    await page.keyboard.press('ArrowRight');
    await atStep(page, 8, 15);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await atStep(page, 11, 15);
    await expect(page.getByTestId('ripple')).toContainText('sees this');
    const seen = await frames(page);
    expect(seen.some((f) => f.walk)).toBe(true);
    expect(seen.some((f) => f.drawn.some((d) => d > 0 && d < 1))).toBe(false);
    expect(seen.some((f) => f.motion.includes('ripple'))).toBe(false);
  });

  test('playing waits for each step to finish its animation before the next', async ({ page }) => {
    await openAt(page, 7, 'full');
    await record(page);
    await page.keyboard.press('Space');
    await atStep(page, 10, 15);
    await page.keyboard.press('Space');
    const seen = await frames(page);
    for (const step of [8, 9]) {
      const of = seen.filter((f) => f.step === step);
      expect(of.length).toBeGreaterThan(20);
      // The step came to rest (no element in motion) before the next one was drawn.
      expect(of[of.length - 1]?.motion).toEqual([]);
    }
  });
});
