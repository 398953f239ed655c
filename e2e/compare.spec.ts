import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { atStep, expect, open, severeViolations, test } from './fixtures';

/** The headless runner's --compare report for a scenario text: the command-line twin of the view. */
function runnerCompare(text: string, vs: 'baseline' | 'hugetlb'): { with: { pagetables_bytes: number }; without: { pagetables_bytes: number } } {
  const dir = mkdtempSync(join(tmpdir(), 'sptlab-'));
  const file = join(dir, 'scenario.scn');
  writeFileSync(file, text);
  const out = execFileSync('npx', ['tsx', 'src/cli/sim.ts', file, '--compare', `--vs=${vs}`, '--json'], { encoding: 'utf8' });
  return JSON.parse(out) as { with: { pagetables_bytes: number }; without: { pagetables_bytes: number } };
}

const exact = (n: number): string => `${n.toLocaleString('en-US')} bytes`;

test.describe('compare with and without sharing', () => {
  test('shows both sides at the same step with the counters the runner prints', async ({ page }) => {
    await open(page);
    const text = await page.getByTestId('editor').innerText();
    await page.getByText('Compare', { exact: true }).click();
    await page.getByTestId('diagram').focus();
    await page.keyboard.press('End');
    await atStep(page, 15, 15);
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await atStep(page, 12, 15);
    const lines = text.split('\n');
    // The runner's report after step 12: the scenario cut after its twelfth command.
    let seen = 0;
    const cut = lines.findIndex((l) => l.trim() !== '' && !l.trim().startsWith('#') && ++seen === 12);
    const report = runnerCompare(lines.slice(0, cut + 1).join('\n'), 'baseline');
    const sides = page.getByTestId('compare-side');
    await expect(sides).toHaveCount(2);
    await expect(sides.nth(0).getByTestId('compare-pagetables').locator('..')).toHaveAttribute('title', exact(report.with.pagetables_bytes));
    await expect(sides.nth(1).getByTestId('compare-pagetables').locator('..')).toHaveAttribute('title', exact(report.without.pagetables_bytes));
    await expect(page.getByTestId('difference')).toContainText('with MAP_SHARED_PT');
    await expect(page.getByTestId('diagram-other')).toBeVisible();
    // The host mm has no column without sharing: its place is kept, in words.
    await expect(page.getByTestId('gap-host:sga')).toBeVisible();
    expect(await severeViolations(page)).toEqual([]);
  });

  test('compares against hugetlb PMD sharing when asked', async ({ page }) => {
    await open(page);
    await page.getByText('Compare', { exact: true }).click();
    await page.getByTestId('vs').selectOption('hugetlb');
    await expect(page.getByTestId('difference')).toContainText('hugetlb PMD sharing');
  });

  test('on a phone the sides are tabs, and the numbers stay in view', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page);
    await page.getByText('Compare', { exact: true }).click();
    const tabs = page.getByRole('tablist', { name: 'Sides' }).getByRole('tab');
    await expect(tabs).toHaveCount(2);
    await tabs.nth(1).click();
    await expect(tabs.nth(1)).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByTestId('diagram-other')).toBeVisible();
    await expect(page.getByTestId('diagram')).toHaveCount(0);
    await expect(page.getByTestId('compare-bar')).toBeVisible();
  });
});

test.describe('the scale explorer', () => {
  test('reproduces the seed: 878.9 GiB without sharing, the OOM point on 512 GiB, both sharing models fit', async ({ page }) => {
    test.setTimeout(120_000);
    await open(page);
    await page.getByText('Scale', { exact: true }).click();
    await expect(page.getByTestId('scale-headline')).toContainText('878.9 GiB', { timeout: 90_000 });
    await expect(page.getByTestId('scale-headline')).toHaveAttribute('title', '943,718,400,000 bytes');
    await expect(page.getByTestId('oom-mark')).toContainText('first OOM kill: process 362');
    await expect(page.getByTestId('scale-fit-shared_pt')).toContainText('fits', { timeout: 90_000 });
    await expect(page.getByTestId('scale-fit-hugetlb')).toContainText('fits');
    await expect(page.getByTestId('scale-table')).toContainText('878.9 GiB');
    expect(await severeViolations(page)).toEqual([]);
  });

  test('a slider move starts new curves, and a size it cannot take is refused in words', async ({ page }) => {
    await open(page);
    await page.getByText('Scale', { exact: true }).click();
    const procs = page.getByLabel('Processes, exact');
    await procs.fill('20');
    await procs.press('Enter');
    await expect(page.getByTestId('scale-headline')).toContainText('20 × 300 GiB');
    const size = page.getByLabel('Mapping size, exact');
    await size.fill('3M');
    await size.press('Enter');
    await expect(page.getByRole('alert')).toContainText('not a multiple of 2 MiB');
  });
});
