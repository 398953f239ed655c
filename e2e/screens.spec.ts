import { atStep, expect, open, test } from './fixtures';

// Screenshots for a person to look at (test-results/, not committed), at a laptop's and a phone's size.
test.describe('screens', () => {
  test('desktop 1280x800', async ({ page }, info) => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await open(page);
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await atStep(page, 9);
    await expect(page.getByTestId('column-host:sga')).toBeVisible();
    await page.screenshot({ path: info.outputPath('desktop-step9.png') });
  });

  test('phone 390x844: columns stack, links become badges, timeline at the bottom', async ({ page }, info) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    for (let i = 0; i < 9; i++) await page.getByRole('button', { name: 'Step forward (→)' }).click();
    await atStep(page, 9);
    await expect(page.getByRole('button', { name: /^Uses host:sga PTE page 0/ }).first()).toBeVisible();
    const timeline = page.getByRole('navigation', { name: 'Timeline' });
    const box = await timeline.boundingBox();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeGreaterThan(800);
    const diagram = await page.getByTestId('diagram').boundingBox();
    expect(diagram?.width ?? 999).toBeLessThanOrEqual(390);
    await page.screenshot({ path: info.outputPath('phone-step9.png') });
  });
});
