import { atStep, expect, open, test } from './fixtures';

test.describe('links', () => {
  test('a link reopens the same scenario at the same step', async ({ page, context }) => {
    await open(page);
    const editor = page.getByTestId('editor');
    await editor.fill('file f 2M\nprocess a\nprocess b\na mmap 0x7f0000000000 2M rw shared,shared_pt f\nb mmap 0x7f0000000000 2M rw shared,shared_pt f\na touch 0x7f0000000000 read\nb touch 0x7f0000000000 read');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await atStep(page, 0, 7);
    for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
    await atStep(page, 6, 7);
    await expect(page).toHaveURL(/#s=[A-Za-z0-9_-]+&step=6$/);
    const url = page.url();

    const other = await context.newPage();
    await other.goto(url);
    await atStep(other, 6, 7);
    await expect(other.getByTestId('editor')).toHaveValue(/b touch 0x7f0000000000 read/);
    await expect(other.getByTestId('column-host:f')).toBeVisible();
  });

  test('a damaged link says so and opens the default scenario', async ({ page }) => {
    await page.goto('/#s=@@not-base64@@&step=3');
    await expect(page.getByTestId('notice')).toContainText('The link is damaged');
    await expect(page.getByTestId('notice')).toContainText('default scenario');
    await atStep(page, 0, 15);
  });

  test('the text typed survives a reload', async ({ page }) => {
    await open(page);
    await page.getByTestId('editor').fill('process kept\n# typed, never run');
    await expect(page).toHaveURL(/#s=/); // the URL still holds the scenario on screen
    await page.goto('/');
    await expect(page.getByTestId('editor')).toHaveValue('process kept\n# typed, never run');
  });
});
