import { expect, test } from './fixtures';

// A hundred processes each reading a file as large as user space (128 TiB): their PMD pages
// stay runs in their PUD pages, so the world is small and the whole scenario runs in the tab.
const SCENARIO = [
  'machine ram=4096T',
  'file f 0x7ffffffe0000',
  'process p[1-100]',
  'p[1-100] mmap 0x1000 0x7ffffffe0000 r shared f',
  'p[1-100] touch 0x1000 0x7ffffffe0000 read',
].join('\n');
const TOTAL = 302;
const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64url');

test.describe('processes touching all of user space', () => {
  test.setTimeout(120_000);

  test('run to the end and draw the last step, not stopped at the budget', async ({ page }) => {
    await page.goto(`/#s=${b64(SCENARIO)}&step=${TOTAL}`);
    await expect(page.getByTestId('step-caption')).toContainText(`Step ${TOTAL} of ${TOTAL}`, { timeout: 60_000 });
    await expect(page.getByTestId('diagram').locator(`svg[data-step="${TOTAL}"]`)).toBeVisible();
    await expect(page.getByTestId('stopped')).toHaveCount(0);
    // Each process pays 256 PUD, 131,072 PMD and 67,108,864 PTE pages: 256.5 GiB.
    await expect(page.getByTestId('diagram')).toContainText('256.5 GiB');
  });
});
