import { expect, test } from '@playwright/test';
import { atStep } from './fixtures';

// A worker that breaks is replaced and the page says so, keeping the text and the step; a run
// that closed the page is not run again by itself; a world too large for the lab stops in words.
// Faults are forced for real with the worker's test-only switch (?faults=1 and a `# fault:` line).
const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64url');
const SMALL = ['file f 4M', 'process a', 'process b', 'a mmap 0x7f0000000000 4M rw shared,shared_pt f', 'b mmap 0x7f0000000000 4M rw shared,shared_pt f', 'a touch 0x7f0000000000 4M write', 'b touch 0x7f0000000000 4M read'];

test.describe('when the simulation fails', () => {
  test('a worker that throws is replaced; the page says so and reopens at the step on screen', async ({ page }) => {
    const text = [...SMALL, '# fault: throw'].join('\n');
    await page.goto(`/?faults=1#s=${b64(text)}&step=3`);
    const failure = page.getByTestId('failure');
    await expect(failure).toContainText('The simulation stopped.');
    await expect(failure).toContainText('An error inside the simulation');
    await expect(failure).toContainText('A fresh simulation has taken its place; your scenario is kept as you left it.');
    await expect(failure).not.toContainText('checkpoint');
    // The picture stays; the text is the reader's.
    await atStep(page, 3, 7);
    await expect(page.getByTestId('editor')).toContainText('# fault: throw');
    await page.screenshot({ path: 'test-results/recovery-thrown.png' });
    await page.getByRole('button', { name: 'Reopen at step 3' }).click();
    await expect(failure).toHaveCount(0);
    await atStep(page, 3, 7);
    await page.getByRole('button', { name: 'Step forward (→)' }).click();
    await atStep(page, 4, 7);
  });

  test('a worker that stops answering is replaced by the watchdog, and the page is never frozen', async ({ page }) => {
    test.setTimeout(60_000);
    const text = [...SMALL, '# fault: hang'].join('\n');
    await page.goto(`/?faults=1#s=${b64(text)}&step=7`);
    await atStep(page, 7, 7);
    // While the worker hangs, the page still answers the reader.
    await page.getByRole('button', { name: 'Step back (←)' }).click();
    await expect(page.getByTestId('step-counter')).toHaveText('6 / 7');
    const failure = page.getByTestId('failure');
    await expect(failure).toContainText('The simulation stopped answering for 15 seconds', { timeout: 30_000 });
    await page.getByRole('button', { name: /Reopen at step \d/ }).click();
    await expect(failure).toHaveCount(0);
    await expect(page.getByTestId('step-caption')).toContainText('of 7');
  });

  test('a page that closed mid-run does not run the same text again by itself on the next open', async ({ page, context }) => {
    test.setTimeout(90_000);
    const big = ['machine ram=2T', 'file sga 300G', 'process db[1-1500]', 'db[1-1500] mmap 0x7f0000000000 300G rw shared,shared_pt sga', 'db[1-1500] touch 0x7f0000000000 300G read'].join('\n');
    const link = `/#s=${b64(big)}&step=2`;
    await page.goto(link);
    await atStep(page, 2, 4502);
    // The run is under way: the page dies without closing (as when a tab runs out of memory).
    await expect.poll(() => page.evaluate(() => localStorage.getItem('sptlab.running'))).not.toBeNull();
    const crashed = page.waitForEvent('crash');
    await page.goto('chrome://crash').catch(() => undefined);
    await crashed;
    const again = await context.newPage();
    await again.goto(link);
    const failure = again.getByTestId('failure');
    await expect(failure).toContainText('Last time, the page closed while this scenario was running');
    await expect(failure).toContainText('It was not run again by itself; your scenario is kept.');
    await expect(again.getByTestId('editor')).toContainText('db[1-1500] touch');
    // Nothing runs until the reader asks.
    await again.waitForTimeout(1000);
    await expect(again.getByTestId('step-caption')).toHaveCount(0);
    const reopen = again.getByRole('button', { name: /Reopen at step \d/ });
    await reopen.click();
    await expect(failure).toHaveCount(0);
    await expect(again.getByTestId('step-caption')).toContainText('Step 2 of');
  });

  test('a world too large for the lab stops at the step that crossed the limit, in words', async ({ page }) => {
    test.setTimeout(120_000);
    // Each process is the first MAP_SHARED_PT sharer of a file as large as user space: the file's host and
    // the sharer each keep 131,000 PMD pages (later sharers would keep runs): the fourth crosses two million
    // (line 5, step 35).
    const huge = ['machine ram=4096T', 'file f[1-10] 0x7ffe00000000', 'process p[1-10]', 'p[1-10] mmap 0x100000000 0x7ffe00000000 r shared,shared_pt f[1-10]', 'p[1-10] touch 0x100000000 0x7ffe00000000 read'].join('\n');
    // A link to its last line lands on the last step that ran.
    await page.goto(`/#s=${b64(huge)}&step=41`);
    const stopped = page.getByTestId('stopped');
    await expect(stopped).toContainText('The run stopped early:', { timeout: 100_000 });
    await expect(stopped).toContainText('over the limit of 2,000,000 this lab can keep');
    await expect(stopped).toContainText('the lines after it did not run');
    await expect(stopped).toContainText('grew too large at line 5');
    await expect(page.getByTestId('step-caption')).toContainText('Step 35 of 35', { timeout: 30_000 });
    await page.screenshot({ path: 'test-results/recovery-stopped.png' });
  });
});
