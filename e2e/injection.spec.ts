import type { Page } from '@playwright/test';
import { atStep, expect, test } from './fixtures';
import { APP, HOST, b64, eventsOf, openHost, seen, send, waitEvent } from './embedHost';

// Names and text from scenarios, links, storage and embed messages are shown as text, never
// read as HTML or followed as URLs: every field gets a script payload, and the page must open
// no dialog, grow no script or image element, run no handler and ask no other origin for anything.
const PAYLOADS = ['<img src=x onerror="window.pwned=1">', '"><script>window.pwned=2</script>', 'javascript:window.pwned=3', '<svg onload="window.pwned=4">'];
const ALL = PAYLOADS.join(' ');
const app = 'sptlab';

/** Records dialogs and requests to other origins; checks the DOM holds nothing the payloads made. */
function watch(page: Page, allowed: string[]) {
  const dialogs: string[] = [];
  const strangers: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => {
    const url = r.url();
    if (!allowed.some((o) => url.startsWith(o)) && !url.startsWith('data:') && !url.startsWith('blob:')) strangers.push(url);
  });
  return {
    /** `frame`: check the lab inside the host page's iframe (the host's own scripts are not the lab's). */
    async clean(frame?: string): Promise<void> {
      const root = frame === undefined ? page.locator(':root') : page.frameLocator(frame).locator(':root');
      if (frame !== undefined) expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned ?? null)).toBeNull();
      const made = await root.evaluate(() => ({
        scripts: [...document.querySelectorAll('script')].filter((s) => s.src === '' || !s.src.startsWith(location.origin)).length,
        images: document.querySelectorAll('img[src="x"], img[onerror]').length,
        handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => a.name.startsWith('on'))).length,
        links: [...document.querySelectorAll('a[href^="javascript:"]')].length,
        pwned: (window as unknown as { pwned?: number }).pwned ?? null,
      }));
      expect(made).toEqual({ scripts: 0, images: 0, handlers: 0, links: 0, pwned: null });
      expect(dialogs).toEqual([]);
      expect(strangers).toEqual([]);
    },
  };
}

test.describe('no injection', () => {
  test('a scenario and a link carrying script payloads in every part show them as text', async ({ page }) => {
    const w = watch(page, [APP]);
    // In a comment, in a name the parser refuses (quoted in its message), and in every link parameter.
    const text = ['# ' + ALL, 'file f 2M', 'process a', 'a mmap 0x7f0000000000 2M rw shared f', `a touch 0x7f0000000000 read`].join('\n');
    const bad = encodeURIComponent(PAYLOADS[0] as string);
    await page.goto(`/?theme=${bad}&motion=${bad}&origin=${bad}#s=${b64(text)}&step=${bad}&mode=${bad}&vs=${bad}&range=${bad}&procs=${bad}&slide=${bad}`);
    await atStep(page, 0, 4);
    const notice = page.getByTestId('notice');
    // Each bad value is quoted (a short excerpt) in the notice, as text.
    await expect(notice).toContainText('step="<img src=x onerror=');
    await expect(notice).toContainText('mode="<img src=x onerror=');
    await expect(page.getByTestId('editor')).toContainText(ALL);
    await w.clean();

    // A parse error quoting a payload token.
    await page.getByTestId('editor').fill(`${text}\n${PAYLOADS[1]} exit`);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await expect(page.getByTestId('parse-error')).toContainText('script');
    await w.clean();

    // A lesson id that does not exist.
    await page.goto(`/#lesson=${bad}`);
    await expect(page.getByTestId('notice')).toContainText('<img src=x onerror=');
    await w.clean();
  });

  test('saved work and another tab\'s text carrying payloads are shown as text', async ({ page }) => {
    const w = watch(page, [APP]);
    await page.addInitScript((t) => {
      if (sessionStorage.getItem('seeded') === null) {
        localStorage.setItem('sptlab.text', t);
        sessionStorage.setItem('seeded', '1');
      }
    }, `# ${ALL}\nprocess a`);
    await page.goto('/');
    await atStep(page, 0, 1);
    await expect(page.getByTestId('editor')).toContainText(ALL);
    await page.evaluate((t) => window.dispatchEvent(new StorageEvent('storage', { key: 'sptlab.text', newValue: t })), `# ${PAYLOADS[3]}\nprocess b`);
    await expect(page.getByTestId('other-tab')).toBeVisible();
    await page.getByRole('button', { name: 'Load it' }).click();
    await expect(page.getByTestId('editor')).toContainText(PAYLOADS[3] as string);
    await w.clean();
  });

  test('embed messages carrying payloads in every field are refused or shown as text', async ({ page }) => {
    const w = watch(page, [APP, HOST]);
    await openHost(page, `/?embed=1&origin=${encodeURIComponent(HOST)}#s=${b64('process a')}`);
    await waitEvent(page, 0, 'state', { step: 0 });
    const from = await seen(page);
    for (const p of PAYLOADS) {
      await send(page, { app, v: 1, type: 'load', scenario: `# ${p}\nprocess ${p}`, mode: p, vs: p, step: p });
      await send(page, { app, v: 1, type: 'load', lesson: p });
      await send(page, { app, v: 1, type: 'goto', step: p });
      await send(page, { app, v: 1, type: 'play', speed: p });
      await send(page, { app, v: 1, type: 'theme', theme: p });
      await send(page, { app, v: 1, type: p });
    }
    await send(page, { app, v: 1, type: 'load', scenario: `# ${ALL}\nprocess b` });
    await waitEvent(page, from, 'state', { steps: 1 });
    const errors = await eventsOf(page, 'error');
    expect(errors.length).toBeGreaterThan(PAYLOADS.length);
    for (const e of errors) expect(typeof e.message).toBe('string');
    await w.clean('#lab');
  });
});
