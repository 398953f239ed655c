// usage: node /tmp/shot.mjs WIDTH HEIGHT STEP_FROM OUTPREFIX [delaysMs...] [--dark] [--url=...]
import { chromium } from '@playwright/test';
const args = process.argv.slice(2);
const [w, h, from, out, ...rest] = args;
const dark = rest.includes('--dark');
const urlArg = rest.find((r) => r.startsWith('--url='));
const delays = rest.filter((r) => /^\d+$/.test(r)).map(Number);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: +w, height: +h }, colorScheme: dark ? 'dark' : 'light' });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
await page.goto(urlArg ? urlArg.slice(6) : 'http://127.0.0.1:4173/');
await page.getByTestId('step-caption').waitFor();
await page.waitForTimeout(500);
// go to step FROM via End/Home keys + arrows
await page.getByTestId('diagram').focus();
for (let i = 0; i < +from; i++) { await page.keyboard.press('ArrowRight'); await page.waitForTimeout(40); }
await page.waitForTimeout(1500);
await page.screenshot({ path: `${out}-rest.png` });
if (delays.length) {
  await page.keyboard.press('ArrowRight');
  let t0 = Date.now();
  for (const d of delays) { const wait = d - (Date.now() - t0); if (wait > 0) await page.waitForTimeout(wait); await page.screenshot({ path: `${out}-${d}.png` }); }
}
console.log('errors', JSON.stringify(errors));
await browser.close();
