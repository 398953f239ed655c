import { expect, severeViolations, test } from './fixtures';
import { APP, HOST, STRANGER, b64, eventsOf, openHost, seen, send, waitEvent } from './embedHost';

const TWO = 'file f 2M\nprocess a\nprocess b\na mmap 0x7f0000000000 2M rw shared,shared_pt f\nb mmap 0x7f0000000000 2M rw shared,shared_pt f\na touch 0x7f0000000000 read\nb touch 0x7f0000000000 read';
const MANY = ['file g 4M', ...[1, 2, 3, 4].map((i) => `process p${i}`), ...[1, 2, 3, 4].map((i) => `p${i} mmap 0x7f0000000000 4M rw shared g`), ...[1, 2, 3, 4].map((i) => `p${i} touch 0x7f0000000000 4M read`)].join('\n');
const v = 1;
const app = 'sptlab';

test.describe('the embed API, from a host page on another origin', () => {
  test('ready, state and height; load, goto, play and pause; the iframe follows the content', async ({ page }) => {
    await openHost(page, `/?embed=1&origin=${encodeURIComponent(HOST)}#s=${b64(TWO)}&step=0`);
    const frame = page.frameLocator('#lab');
    const first = await waitEvent(page, 0, 'state', { step: 0 });
    expect(first).toMatchObject({ steps: 7, mode: 'single', lesson: null, playing: false });
    expect(first.sides).toEqual([{ label: expect.any(String), pagetables_bytes: 0, vmpte_bytes: 0, processes_alive: 0 }]);
    expect(await eventsOf(page, 'ready')).toEqual([{ app, v, type: 'ready', version: 1 }]);
    await expect(frame.getByTestId('step-caption')).toContainText('Step 0 of 7');
    await expect(page.getByRole('banner')).toHaveCount(0);
    await expect(frame.getByRole('banner')).toHaveCount(0); // no site header in the frame
    await expect(frame.getByTestId('editor')).toHaveCount(0);

    // The iframe is as tall as the frame says its content is.
    const height = async () => (await eventsOf(page, 'height')).at(-1)?.height as number;
    await expect.poll(height).toBeGreaterThan(300);
    await expect.poll(async () => page.locator('#lab').evaluate((el) => el.clientHeight)).toBe(await height());

    let from = await seen(page);
    await send(page, { app, v, type: 'goto', step: 5 });
    const at5 = await waitEvent(page, from, 'state', { step: 5 });
    await expect(frame.getByTestId('step-caption')).toContainText('Step 5 of 7');
    expect((at5.sides as { processes_alive: number }[])[0]?.processes_alive).toBe(2);

    const before = await height();
    from = await seen(page);
    await send(page, { app, v, type: 'load', scenario: MANY, mode: 'compare', step: 13 });
    const loaded = await waitEvent(page, from, 'state', { step: 13, mode: 'compare' });
    expect(loaded.steps).toBe(13);
    const sides = loaded.sides as { label: string; pagetables_bytes: number; vmpte_bytes: number; processes_alive: number }[];
    expect(sides).toHaveLength(2);
    expect(sides.map((s) => s.processes_alive)).toEqual([4, 4]);
    await expect.poll(height).not.toBe(before);
    await expect.poll(async () => page.locator('#lab').evaluate((el) => el.clientHeight)).toBe(await height());

    from = await seen(page);
    await send(page, { app, v, type: 'goto', step: 0 });
    await waitEvent(page, from, 'state', { step: 0 });
    from = await seen(page);
    await send(page, { app, v, type: 'play', speed: 8 });
    await waitEvent(page, from, 'state', { playing: true });
    await waitEvent(page, from, 'state', { step: 2, playing: true });
    from = await seen(page);
    await send(page, { app, v, type: 'pause' });
    const paused = await waitEvent(page, from, 'state', { playing: false });
    await expect(frame.getByTestId('step-caption')).toContainText(`Step ${paused.step as number} of 13`);

    await send(page, { app, v, type: 'theme', theme: 'dark' });
    await expect(frame.locator('html')).toHaveClass(/dark/);
    await send(page, { app, v, type: 'theme', theme: 'light' });
    await expect(frame.locator('html')).not.toHaveClass(/dark/);
  });

  test('a malformed command is answered with an error that names what was wrong', async ({ page }) => {
    await openHost(page, `/?embed=1#s=${b64(TWO)}`);
    await waitEvent(page, 0, 'ready');
    let from = await seen(page);
    await send(page, { app, v, type: 'goto', step: -2 });
    expect((await waitEvent(page, from, 'error')).message).toBe('goto: step must be a whole number, 0 or more.');
    from = await seen(page);
    await send(page, { app, v, type: 'fly' });
    expect((await waitEvent(page, from, 'error')).message).toMatch(/Unknown command type "fly"/);
    from = await seen(page);
    await send(page, { app, v, type: 'load', scenario: 'process a\na mmap nowhere' });
    expect((await waitEvent(page, from, 'error')).message).toMatch(/does not parse: line 2/);
    await send(page, { type: 'goto', step: 3 }); // not ours: ignored in silence
    await send(page, { app, v, type: 'getState' });
    await waitEvent(page, from, 'state');
    expect((await eventsOf(page, 'error')).length).toBe(3);
  });

  test('keys on the host page never reach the frame; Esc gives focus back to the host', async ({ page }) => {
    await openHost(page, `/?embed=1#s=${b64(TWO)}`);
    await waitEvent(page, 0, 'state', { step: 0 });
    const frame = page.frameLocator('#lab');
    await page.getByRole('button', { name: 'A button of the host page' }).focus();
    for (const key of ['ArrowRight', 'ArrowRight', 'End', ' ']) await page.keyboard.press(key);
    await frame.getByTestId('diagram').focus();
    await page.keyboard.press('ArrowRight');
    await expect(frame.getByTestId('step-caption')).toContainText('Step 1 of 7');
    const focusedOnHost = () => page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
    expect(await focusedOnHost()).toBe('lab'); // the frame holds focus
    await page.keyboard.press('Escape');
    await expect.poll(focusedOnHost).toBe('BODY'); // the host page has it back
    const stepped = await seen(page);
    await page.keyboard.press('ArrowRight');
    await send(page, { app, v, type: 'getState' });
    expect((await waitEvent(page, stepped, 'state')).step).toBe(1);
  });

  test('messages from an origin outside origin= are ignored, and nothing is posted to it', async ({ page }) => {
    await openHost(page, `/?embed=1&origin=${encodeURIComponent(HOST)}#s=${b64(TWO)}`, STRANGER);
    const frame = page.frameLocator('#lab');
    await expect(frame.getByTestId('step-caption')).toContainText('Step 0 of 7');
    const inner = page.frames().find((f) => f.url().startsWith(APP));
    if (inner === undefined) throw new Error('no lab frame');
    await inner.evaluate(() => window.addEventListener('message', (e) => ((window as unknown as { got: unknown }).got = (e.data as { type?: string }).type)));
    await send(page, { app, v, type: 'goto', step: 4 });
    // The frame's own listener ran before this one: once this one has the message, the frame has dealt with it.
    expect(await (await inner.waitForFunction(() => (window as unknown as { got?: string }).got)).jsonValue()).toBe('goto');
    // Had the goto been taken, one step forward would show step 5.
    await frame.getByRole('button', { name: 'Step forward (→)' }).click();
    await expect(frame.getByTestId('step-caption')).toContainText('Step 1 of 7');
    expect(await seen(page)).toBe(0);
  });

  test('the embedded frame never writes the reader\'s saved work', async ({ page }) => {
    await page.goto(`/?embed=1&editor=1#s=${b64(TWO)}`);
    await expect(page.getByTestId('editor')).toHaveText(TWO, { useInnerText: true });
    await page.evaluate(() => window.localStorage.setItem('sptlab.text', 'process mine'));
    await page.getByTestId('editor').fill('process typed-in-frame');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('step-caption')).toContainText('Step 0 of 1');
    await page.evaluate(() => window.dispatchEvent(new Event('pagehide')));
    expect(await page.evaluate(() => window.localStorage.getItem('sptlab.text'))).toBe('process mine');
    const open = page.getByTestId('open-in-lab');
    await expect(open).toHaveAttribute('href', /^http:\/\/127\.0\.0\.1:\d+\/#s=[A-Za-z0-9_-]+&step=0$/);
    await expect(open).toHaveAttribute('target', '_blank');
  });
});

test('the embed frame on its own is accessible', async ({ page }) => {
  await page.goto(`/?embed=1&editor=1#s=${b64(TWO)}&step=5`);
  await expect(page.getByTestId('step-caption')).toContainText('Step 5 of 7');
  expect(await severeViolations(page)).toEqual([]);
});

test.describe('embed.js, the host page helper', () => {
  test('connect resolves once the frame is ready; goto resolves with the state that shows it; an error rejects', async ({ page }) => {
    await openHost(page, `/?embed=1#s=${b64(TWO)}`);
    const connect = `SPTLab.connect(document.getElementById('lab'))`;
    expect(await page.evaluate(`${connect}.then((lab) => lab.goto(3)).then((s) => s.step)`)).toBe(3);
    expect(await page.evaluate(`${connect}.then((lab) => lab.goto(99)).then((s) => [s.step, s.steps])`)).toEqual([7, 7]);
    expect(await page.evaluate(`${connect}.then((lab) => lab.goto(-1)).then(() => 'resolved', (e) => e.message)`)).toMatch(/^goto: step must be/);
    // The helper sized the data-sptlab iframe from the frame's height events.
    const last = (await eventsOf(page, 'height')).at(-1)?.height as number;
    await expect.poll(() => page.locator('#lab').evaluate((el) => (el as HTMLElement).style.height)).toBe(`${last}px`);
  });
});

test('"Open in the lab" opens the same view full size in a new tab', async ({ page, context }) => {
  await page.goto(`/?embed=1&theme=dark#s=${b64(TWO)}&step=4`);
  await expect(page.getByTestId('step-caption')).toContainText('Step 4 of 7');
  await expect(page.getByTestId('open-in-lab')).toHaveAttribute('href', /\?theme=dark#s=[A-Za-z0-9_-]+&step=4$/);
  const [tab] = await Promise.all([context.waitForEvent('page'), page.getByRole('link', { name: /Open in the lab/ }).click()]);
  await expect(tab.getByTestId('step-caption')).toContainText('Step 4 of 7');
  await expect(tab.getByRole('heading', { name: 'Shared Page Tables Lab' })).toBeVisible();
  await expect(tab.locator('html')).toHaveClass(/dark/);
});
