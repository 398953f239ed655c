import { readFileSync } from 'node:fs';
import { atStep, expect, open, test } from './fixtures';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

test.describe('export', () => {
  test('the SVG parses, holds the diagram, caption, legend and counters, and needs no stylesheet', async ({ page }) => {
    await open(page);
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await atStep(page, 9);
    await expect(page.getByTestId('diagram').locator('svg[data-step="9"]')).toBeVisible();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the diagram as SVG' }).click()]);
    expect(download.suggestedFilename()).toBe('sptlab-map-shared-pt-two-processes-step-9.svg');
    const svg = readFileSync(await download.path(), 'utf8');
    expect(svg).not.toContain('var(--');
    expect(svg).not.toMatch(/class="/);
    // Open it alone in a page with no stylesheet: it parses and draws the same parts.
    await page.goto('about:blank');
    const found = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror') !== null,
        root: root.localName,
        step: root.querySelector('svg[data-step]')?.getAttribute('data-step'),
        text: root.textContent ?? '',
        host: text.includes('host:sga'),
      };
    }, svg);
    expect(found).toMatchObject({ error: false, root: 'svg', step: '9', host: true });
    expect(found.text).toContain('Step 9 of 15');
    expect(found.text).toContain('shared page / link');
    expect(found.text).toContain('PageTables (system)');
  });

  test('the PNG is twice the size of the picture, in the dark theme too', async ({ page }) => {
    await open(page, '/?theme=dark');
    for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
    await atStep(page, 9);
    const [svgFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the diagram as SVG' }).click()]);
    const svg = readFileSync(await svgFile.path(), 'utf8');
    const width = Number(/<svg[^>]* width="(\d+)"/.exec(svg)?.[1]);
    const height = Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);
    expect(svg).toMatch(/<rect width="100%" height="100%" fill="rgb\(11, 17, 32\)"/); // the dark background, resolved
    const [pngFile] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the diagram as PNG (2×)' }).click()]);
    expect(pngFile.suggestedFilename()).toBe('sptlab-map-shared-pt-two-processes-step-9.png');
    expect(pngSize(readFileSync(await pngFile.path()))).toEqual({ width: 2 * width, height: 2 * height });
  });

  test('the embed frame exports too', async ({ page }) => {
    await open(page, '/?embed=1');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export the diagram as PNG (2×)' }).click()]);
    expect(download.suggestedFilename()).toBe('sptlab-map-shared-pt-two-processes-step-0.png');
  });
});
