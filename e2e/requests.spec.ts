import { test as plain } from '@playwright/test';
import { atStep, expect, test } from './fixtures';

// Every request the lab makes stays on its own origin, under its Content-Security-Policy,
// through a journey that uses each part of it. A CSP violation is a console error, which
// the page fixture fails on.
test('the lab asks nothing of any other origin and breaks none of its own policy', async ({ page, baseURL }) => {
  test.setTimeout(120_000);
  const origin = new URL(baseURL as string).origin;
  const requests: string[] = [];
  page.on('request', (r) => requests.push(r.url()));
  const violations: string[] = [];
  page.on('console', (m) => {
    if (/Content.Security.Policy|Refused to/i.test(m.text())) violations.push(m.text());
  });

  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain('frame-ancestors *');
  await atStep(page, 0);
  await expect(page.getByTestId('boot-note')).toHaveCount(0);
  await page.keyboard.press('End');
  await page.getByText('Compare', { exact: true }).click();
  await expect(page.getByTestId('compare-bar')).toBeVisible();
  await page.getByText('Scale', { exact: true }).click();
  await expect(page.getByTestId('scale-headline')).toBeVisible();
  await page.getByText('Explore', { exact: true }).click();
  await page.getByTestId('open-lessons').click();
  await expect(page.getByTestId('lesson-picker')).toBeVisible();
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'PNG' }).click();

  expect(violations).toEqual([]);
  const outside = requests.filter((u) => !u.startsWith(`${origin}/`) && !u.startsWith('data:') && !u.startsWith('blob:'));
  expect(outside).toEqual([]);
  expect(requests.length).toBeGreaterThan(2);
});

// Its script refused, as from file://, the page still says what to do (no console fixture: the refusal is logged).
plain('the built page names what to do when it cannot start', async ({ page }) => {
  await page.route('**/assets/*.js', (r) => r.abort());
  await page.goto('/');
  await expect(page.getByTestId('boot-note')).toContainText('serve this folder');
});
