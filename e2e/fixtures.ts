/**
 * Shared pieces of the lab's journeys: a page that records console errors,
 * waiting for a step to be on screen, and the axe check.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test as base, type Page } from '@playwright/test';

export const test = base.extend<{ errors: string[] }>({
  errors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(m.text());
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await use(errors);
    expect(errors, 'no console errors').toEqual([]);
  },
});

export { expect };

/** Waits until the diagram shows `step` of `total`. */
export async function atStep(page: Page, step: number, total?: number): Promise<void> {
  await expect(page.getByTestId('step-caption')).toContainText(`Step ${step} of ${total ?? ''}`);
}

/** Opens the lab on the default scenario, ready at step 0. */
export async function open(page: Page, path = '/'): Promise<void> {
  await page.goto(path);
  await atStep(page, 0);
}

/** Serious or critical accessibility violations, as readable strings. */
export async function severeViolations(page: Page): Promise<string[]> {
  const { violations } = await new AxeBuilder({ page }).analyze();
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
}
