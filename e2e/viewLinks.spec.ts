import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { encodeLink } from '../src/ui/platform/shareLink';
import { atStep, expect, test } from './fixtures';

const TEXT = `file sga 64M
process db[1-8]
db[1-8] mmap 0x7f0000000000 64M rw shared,shared_pt sga
db[1-8] touch 0x7f0000000000 64M read`;

test.describe('links to the views (SPEC 5.1)', () => {
  test('a compare link opens both sides at the linked step, with the counters of the runner', async ({ page }) => {
    const dir = mkdtempSync(join(tmpdir(), 'sptlab-'));
    writeFileSync(join(dir, 'x.scn'), TEXT);
    const report = JSON.parse(execFileSync('npx', ['tsx', 'src/cli/sim.ts', join(dir, 'x.scn'), '--compare', '--json'], { encoding: 'utf8' })) as { with: { pagetables_bytes: number }; without: { pagetables_bytes: number } };
    await page.goto(`/${encodeLink(TEXT, 25)}&mode=compare`);
    await atStep(page, 25, 25);
    const sides = page.getByTestId('compare-side');
    await expect(sides.nth(0).getByTestId('compare-pagetables').locator('..')).toHaveAttribute('title', `${report.with.pagetables_bytes.toLocaleString('en-US')} bytes`);
    await expect(sides.nth(1).getByTestId('compare-pagetables').locator('..')).toHaveAttribute('title', `${report.without.pagetables_bytes.toLocaleString('en-US')} bytes`);
    // SPEC 3's own example: eight sharers of a touched 64 MiB region, 241,664 bytes in all.
    expect(report.with.pagetables_bytes).toBe(241_664);
  });

  test('the scale link of the seed shows 878.9 GiB and the OOM mark', async ({ page }) => {
    test.setTimeout(120_000);
    await page.goto('/#mode=scale&procs=1500&size=300G&ram=512G');
    await expect(page.getByTestId('scale-headline')).toContainText('878.9 GiB', { timeout: 90_000 });
    await expect(page.getByTestId('oom-mark')).toBeVisible();
  });

  test('a lesson link opens its slide, and the address follows the reader from slide to slide', async ({ page }) => {
    await page.goto('/#lesson=threads&slide=2');
    await expect(page.getByTestId('lesson-panel')).toContainText('slide 2 of');
    await page.getByTestId('diagram').focus();
    if ((await page.getByTestId('predict').count()) > 0) await page.getByRole('button', { name: 'Show me' }).click();
    await page.getByTestId('next-slide').click();
    await expect(page.getByTestId('lesson-panel')).toContainText('slide 3 of');
    await expect(page).toHaveURL(/#lesson=threads&slide=3$/);
  });
});
