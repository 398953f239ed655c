import { expect, test } from './fixtures';

// The example page of docs/EMBED.md, as a reader sees it: two frames sized to their content.
for (const [name, width] of [['desktop', 1280], ['phone', 390]] as const) {
  test(`the embed example page at ${width} px (${name})`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/embed-example.html');
    const frames = page.locator('iframe[data-sptlab]');
    await expect(frames).toHaveCount(2);
    const lesson = page.frameLocator('iframe[data-sptlab] >> nth=0');
    const scenario = page.frameLocator('#scenario');
    // The lesson frame opens lesson abc at its third slide, with the slide beside the diagram.
    await expect(lesson.getByTestId('lesson-panel')).toContainText('slide 3 of');
    await expect(lesson.getByTestId('slide')).toBeVisible();
    await expect(scenario.getByTestId('step-caption')).toContainText('Step 7 of 7');
    await expect(page.locator('#readout')).toContainText('Step 7 of 7');
    // Sized from the frames' height events, not the page's 480 px default.
    for (const i of [0, 1]) await expect.poll(() => frames.nth(i).evaluate((el) => (el as HTMLElement).style.height)).toMatch(/^\d+px$/);
    const fits = async (i: number) => frames.nth(i).evaluate((el) => {
      const inner = (el as HTMLIFrameElement).clientHeight;
      return inner > 200 && inner === parseInt((el as HTMLElement).style.height, 10);
    });
    expect(await fits(1)).toBe(true);
    await page.getByRole('button', { name: 'After the mmaps' }).click();
    await expect(page.locator('#readout')).toContainText('Step 5 of 7');
    await expect(scenario.getByTestId('step-caption')).toContainText('Step 5 of 7');
    await page.screenshot({ path: info.outputPath(`embed-example-${width}.png`), fullPage: true });
  });
}
