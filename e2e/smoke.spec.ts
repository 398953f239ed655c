import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('the lab page loads cleanly and is accessible', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));

  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Shared Page Tables Lab' })).toBeVisible();

  const { violations } = await new AxeBuilder({ page }).analyze();
  const severe = violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
  expect(severe).toEqual([]);
  expect(errors).toEqual([]);
});
