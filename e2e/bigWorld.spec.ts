import { atStep, expect, test } from './fixtures';

// The seed's own case, 1500 clients mapping one SGA with MAP_SHARED_PT (2 TiB of RAM: no kills).
const CLIENTS = [
  'machine ram=2T',
  'file sga 300G',
  'process db[1-1500]',
  'db[1-1500] mmap 0x7f0000000000 300G rw shared,shared_pt sga',
  'db[1-1500] touch 0x7f0000000000 300G read',
].join('\n');
const TOTAL = 4502;
const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64url');

test.describe('a world of 1500 processes', () => {
  test.setTimeout(120_000);

  test('a link to its last step draws it, and stepping back shows the step before, never an empty world', async ({ page }) => {
    await page.goto(`/#s=${b64(CLIENTS)}&step=${TOTAL}`);
    await expect(page.getByTestId('step-caption')).toContainText(`Step ${TOTAL} of ${TOTAL}`, { timeout: 60_000 });
    await expect(page.getByTestId('diagram').locator(`svg[data-step="${TOTAL}"]`)).toBeVisible();
    await expect(page.getByTestId('empty-world')).toHaveCount(0);

    // Watch for any flash of "nothing exists" while the step back is on its way.
    await page.evaluate(() => {
      const w = window as unknown as { emptySeen: boolean };
      w.emptySeen = false;
      new MutationObserver(() => {
        if (document.querySelector('[data-testid="empty-world"]') !== null) w.emptySeen = true;
      }).observe(document.body, { childList: true, subtree: true });
    });
    await page.getByTestId('diagram').focus();
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByTestId('step-counter')).toHaveText(`${TOTAL - 1} / ${TOTAL}`);
    await atStep(page, TOTAL - 1, TOTAL);
    await expect(page.getByTestId('diagram').locator(`svg[data-step="${TOTAL - 1}"]`)).toBeVisible();
    await expect(page.getByTestId('waiting')).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { emptySeen: boolean }).emptySeen)).toBe(false);
  });
});
