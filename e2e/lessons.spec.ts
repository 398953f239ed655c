import { atStep, expect, open, severeViolations, test } from './fixtures';

test.describe('lessons', () => {
  test('a lesson from the picker: predict wrong, then right, and the step plays; reveal; Esc to explore and back', async ({ page }) => {
    await open(page);
    await page.keyboard.press('l');
    const picker = page.getByTestId('lesson-picker');
    await expect(picker).toBeVisible();
    await expect(picker.getByRole('button', { name: /msharefs|What came next/ })).toBeEnabled();
    await picker.getByRole('button', { name: /The walk/ }).click();
    await expect(page.getByTestId('slide')).toBeVisible();
    // Move on to the first question (arrows move between slides in a lesson).
    while ((await page.getByTestId('predict').count()) === 0) await page.getByTestId('next-slide').click();
    await expect(page.getByTestId('next-slide')).toBeDisabled();
    const shown = await page.getByTestId('step-counter').textContent();
    await page.getByTestId('predict-input').fill('4096');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByTestId('predict-feedback')).toContainText('✗');
    // A wrong answer runs nothing.
    await expect(page.getByTestId('step-counter')).toHaveText(shown ?? '');
    await page.getByTestId('predict-input').fill('12 KiB');
    await page.getByRole('button', { name: 'Check' }).click();
    await expect(page.getByTestId('predict-feedback')).toContainText('✓');
    await expect(page.getByTestId('predict-feedback')).toContainText('12 KiB');
    await atStep(page, 4);
    await page.getByTestId('next-slide').click();
    await page.getByRole('button', { name: 'Show me' }).click();
    await expect(page.getByTestId('predict-feedback')).toContainText('Answer:');
    await atStep(page, 5);
    expect(await severeViolations(page)).toEqual([]);

    await page.getByTestId('diagram').focus();
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('exploring')).toBeVisible();
    await expect(page.getByTestId('editor')).toHaveText(/a touch 0x7f0000001000 read/, { useInnerText: true });
    await page.getByRole('button', { name: /Back to the lesson/ }).click();
    await expect(page.getByTestId('slide')).toContainText('The neighbour is cheap');
  });

  test('presentation mode at 1024x768 keeps the columns side by side, with the slide in big type', async ({ page }) => {
    await page.setViewportSize({ width: 1024, height: 768 });
    // End states only, so the columns are measured where they rest, not mid-slide.
    await open(page, '/?motion=off');
    await page.getByTestId('open-lessons').click();
    await page.getByTestId('lesson-picker').getByRole('button', { name: /MAP_SHARED_PT/ }).first().click();
    await expect(page.getByTestId('slide')).toBeVisible();
    await page.keyboard.press('p');
    await expect(page.getByTestId('presentation')).toBeVisible();
    await expect(page.getByTestId('presentation-slide')).toBeVisible();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const columns = page.locator('[data-testid^=column-]');
    await expect.poll(() => columns.count()).toBeGreaterThan(1);
    // Measured once the layout has settled at the presentation's size.
    const apart = async (): Promise<{ dy: number; dx: number }> => {
      const a = await columns.nth(0).boundingBox();
      const b = await columns.nth(1).boundingBox();
      return { dy: Math.abs((a?.y ?? 0) - (b?.y ?? 0)), dx: Math.abs((b?.x ?? 0) - (a?.x ?? 0)) };
    };
    await expect.poll(async () => (await apart()).dx).toBeGreaterThan(100);
    expect((await apart()).dy).toBeLessThan(4);
    expect(await severeViolations(page)).toEqual([]);
    await page.keyboard.press('b');
    await expect(page.getByTestId('blank')).toBeVisible();
    await page.keyboard.press('b');
    await page.keyboard.press('Escape');
    await expect(page.getByTestId('presentation')).toHaveCount(0);
  });
});
