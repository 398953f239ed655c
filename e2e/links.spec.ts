import { atStep, expect, open, test } from './fixtures';

const TWO = 'file f 2M\nprocess a\nprocess b\na mmap 0x7f0000000000 2M rw shared,shared_pt f\nb mmap 0x7f0000000000 2M rw shared,shared_pt f\na touch 0x7f0000000000 read\nb touch 0x7f0000000000 read';
const b64 = (t: string): string => Buffer.from(t, 'utf8').toString('base64url');

test.describe('links', () => {
  test('a link reopens the same scenario at the same step', async ({ page, context }) => {
    await open(page);
    const editor = page.getByTestId('editor');
    await editor.fill(TWO);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await atStep(page, 0, 7);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await atStep(page, 6, 7);
    await expect(page).toHaveURL(/#s=[A-Za-z0-9_-]+&step=6$/);
    const url = page.url();

    const other = await context.newPage();
    await other.goto(url);
    await atStep(other, 6, 7);
    await expect(other.getByTestId('editor')).toHaveText(/b touch 0x7f0000000000 read/, { useInnerText: true });
    await expect(other.getByTestId('column-host:f')).toBeVisible();
  });

  test('the address bar keeps the link the reader was sent until they act', async ({ page }) => {
    await page.goto(`/#s=${b64(TWO)}&step=99`);
    await atStep(page, 7, 7);
    await expect(page.getByTestId('diagram').locator('svg[data-step="7"]')).toBeVisible();
    expect(page.url()).toMatch(/&step=99$/);
    await page.getByRole('button', { name: 'Step back (←)' }).click();
    await atStep(page, 6, 7);
    await expect(page).toHaveURL(/&step=6$/);
  });

  test('a damaged scenario says so and opens the default scenario at the link\'s step', async ({ page }) => {
    await page.goto('/#s=@@not-base64@@&step=3');
    await expect(page.getByTestId('notice')).toContainText('The link is damaged');
    await expect(page.getByTestId('notice')).toContainText('default scenario');
    await atStep(page, 3, 15);
  });

  test('a bad step or mode is reported in words and the rest of the link still opens', async ({ page }) => {
    await page.goto(`/#s=${b64(TWO)}&step=abc&mode=sideways&unknown=1`);
    await atStep(page, 0, 7);
    await expect(page.getByTestId('editor')).toHaveText(TWO, { useInnerText: true });
    const notice = page.getByTestId('notice');
    await expect(notice).toContainText('step="abc" is not a step number');
    await expect(notice).toContainText('mode="sideways" is not one of single, compare, scale');
    await expect(notice).not.toContainText('unknown');
    // The address bar keeps what the reader was sent until they act, so it can still be copied.
    await page.waitForTimeout(600);
    expect(new URL(page.url()).hash).toBe(`#s=${b64(TWO)}&step=abc&mode=sideways&unknown=1`);
  });

  test('a new link opened in the same tab (hashchange) shows in place', async ({ page }) => {
    await open(page);
    await page.evaluate(() => ((window as unknown as { stayed: boolean }).stayed = true));
    await page.goto(`/#s=${b64(TWO)}&step=4`);
    await atStep(page, 4, 7);
    await expect(page.getByTestId('editor')).toHaveText(TWO, { useInnerText: true });
    expect(await page.evaluate(() => (window as unknown as { stayed?: boolean }).stayed)).toBe(true);
    await page.goto('/#step=2&step=x');
    await atStep(page, 2, 7);
  });

  test('a new link in place sets typed text aside and says so', async ({ page }) => {
    await open(page);
    await page.getByTestId('editor').fill('process typed\n# not run yet');
    await page.goto(`/#s=${b64(TWO)}&step=1`);
    await atStep(page, 1, 7);
    await expect(page.getByTestId('notice')).toContainText('replaced the scenario you had typed');
    // The editor offers what was set aside at once, without a reload.
    await page.getByRole('button', { name: 'Restore my text' }).click();
    await expect(page.getByTestId('editor')).toHaveText('process typed\n# not run yet', { useInnerText: true });
  });

  test('a long scenario travels compressed and comes back the same', async ({ page, context }) => {
    const names = Array.from({ length: 120 }, (_, i) => `p${i}`);
    const long = ['file f 2M', ...names.map((n) => `process ${n}`), ...names.map((n) => `${n} mmap 0x7f0000000000 2M rw shared,shared_pt f`)].join('\n');
    await page.goto(`/#s=${b64(long)}&step=3`);
    await atStep(page, 3, 241);
    await page.getByRole('button', { name: 'Step forward (→)' }).click();
    await atStep(page, 4, 241);
    await expect(page).toHaveURL(/#s=z\.[A-Za-z0-9_-]+&step=4$/);
    const url = page.url();
    expect(url.length).toBeLessThan(b64(long).length / 4);
    const other = await context.newPage();
    await other.goto(url);
    await atStep(other, 4, 241);
    // The editor draws only the lines in view: the first lines, then the last ones after Ctrl+End.
    const editor = other.getByTestId('editor');
    await expect(editor).toHaveText(/^file f 2M\nprocess p0\nprocess p1\n/, { useInnerText: true });
    await editor.click();
    await other.keyboard.press('Control+End');
    await expect(editor).toContainText('p119 mmap 0x7f0000000000 2M rw shared,shared_pt f', { useInnerText: true });
  });

  test('the text typed survives a reload', async ({ page }) => {
    await open(page);
    await page.getByTestId('editor').fill('process kept\n# typed, never run');
    await expect(page).toHaveURL(/#s=/); // the URL still holds the scenario on screen
    await page.goto('/');
    await expect(page.getByTestId('editor')).toHaveText('process kept\n# typed, never run', { useInnerText: true });
  });
});
