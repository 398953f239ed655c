import { atStep, expect, open, severeViolations, test } from './fixtures';

test.describe('the lab on its default scenario', () => {
  test('steps forward and back with the keyboard and the buttons', async ({ page, errors }) => {
    await open(page);
    for (let i = 0; i < 8; i++) await page.keyboard.press('ArrowRight');
    await atStep(page, 8, 15);
    await expect(page.getByTestId('trace')).toContainText('host fault');
    await expect(page.getByTestId('column-host:sga')).toBeVisible();

    await page.keyboard.press('ArrowLeft');
    await atStep(page, 7);
    await expect(page.getByTestId('trace')).toContainText('not shared');
    await expect(page.getByTestId('step-notes')).toContainText("Not shared: report's mapping at 0x7f00_0000_0000 gets its own page tables");

    await page.getByRole('button', { name: 'Last step (End)' }).click();
    await atStep(page, 15, 15);
    await page.keyboard.press('Home');
    await atStep(page, 0);
    await page.keyboard.press('End');
    await atStep(page, 15);
    await expect(page.getByRole('slider', { name: 'Step' })).toHaveAttribute('aria-valuenow', '15');
    expect(errors).toEqual([]);
  });

  test('plays and pauses with the space bar', async ({ page }) => {
    await open(page);
    const slider = page.getByRole('slider', { name: 'Step' });
    await page.locator('body').press(' ');
    await expect(page.getByRole('button', { name: 'Pause (space)' })).toBeVisible();
    await expect.poll(async () => Number(await slider.getAttribute('aria-valuenow'))).toBeGreaterThanOrEqual(2);
    await page.locator('body').press(' ');
    await expect(page.getByRole('button', { name: 'Play (space)' })).toBeVisible();
    const paused = await slider.getAttribute('aria-valuenow');
    await expect(page.getByTestId('step-caption')).toContainText(`Step ${paused} of 15`);
    await expect(slider).toHaveAttribute('aria-valuenow', paused ?? '');
  });

  test('plays to the end at the highest speed and stops there', async ({ page }) => {
    await open(page);
    await page.getByRole('combobox', { name: 'Speed' }).selectOption('8');
    await page.getByTestId('play').click();
    await atStep(page, 15, 15);
    await expect(page.getByRole('button', { name: 'Play (space)' })).toBeVisible();
  });

  test('inspects a host PTE page and one of its entries, in plain words', async ({ page }) => {
    await open(page);
    await page.getByRole('slider', { name: 'Step' }).focus();
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await atStep(page, 9);
    const hostPte = page.getByRole('button', { name: /^host:sga's PTE page at 0x7f00_0000_0000, shared/ });
    await hostPte.focus();
    await page.keyboard.press('Enter');
    const inspector = page.getByTestId('inspector');
    await expect(inspector).toContainText('This PTE page belongs to the host mm of sga, which no process runs.');
    await expect(inspector).toContainText("2 processes' PMD entries point at it: db1 and db2. A change here is seen by all of them.");
    await inspector.getByRole('button', { name: /^0–511/ }).click();
    await expect(inspector).toContainText('PTE entry 0 of host:sga');
    await expect(inspector).toContainText('P W U A D NX');
    await expect(inspector).toContainText('they all see these bits');
  });

  test('shows a parse error at its line and recovers when it is fixed', async ({ page }) => {
    await open(page);
    await page.keyboard.press('End');
    await atStep(page, 15, 15);
    const editor = page.getByTestId('editor');
    await editor.fill('file f 4M\nprocess a\na mmap 0x7f0000000000 4M rw sharde f\na exit');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('parse-error')).toContainText('line 3, column');
    await expect(page.getByRole('alert').filter({ hasText: 'line 3' })).toBeVisible();
    await atStep(page, 15, 15); // the old run stays on screen

    await editor.fill('file f 4M\nprocess a\na mmap 0x7f0000000000 4M rw shared f\na exit');
    await editor.press('Control+Enter');
    await expect(page.getByTestId('parse-error')).toHaveCount(0);
    await atStep(page, 0, 4);
  });

  test('keeps shortcuts out of the editor', async ({ page }) => {
    await open(page);
    await page.getByTestId('editor').click();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press(' ');
    await atStep(page, 0);
    await expect(page.getByRole('button', { name: 'Play (space)' })).toBeVisible();
  });

  test('has no serious accessibility violations, in either theme', async ({ page }) => {
    await open(page);
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await atStep(page, 9);
    expect(await severeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: /Switch to dark theme/ }).click();
    await expect(page.locator('html')).toHaveClass(/dark/);
    expect(await severeViolations(page)).toEqual([]);
  });
});
