import { defineConfig, devices } from '@playwright/test';

// Journeys run in the system's Chromium (never a downloaded browser) against the built app.
const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

// The lab is served on APP_PORT; the embed journeys' host pages on two other origins (HOST_PORT and
// HOST_PORT + 1), so the frame is cross-origin as on a documentation site. Override the ports with
// SPTLAB_PORT / SPTLAB_HOST_PORT when the defaults are taken on this machine.
const APP_PORT = Number(process.env.SPTLAB_PORT ?? 4173);
const HOST_PORT = Number(process.env.SPTLAB_HOST_PORT ?? 4174);
process.env.SPTLAB_PORT = String(APP_PORT);
process.env.SPTLAB_HOST_PORT = String(HOST_PORT);

export default defineConfig({
  testDir: 'e2e',
  outputDir: 'test-results',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright.json' }]],
  use: {
    baseURL: `http://127.0.0.1:${APP_PORT}`,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: chromiumArgs,
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx vite preview --host 127.0.0.1 --port ${APP_PORT} --strictPort`,
      url: `http://127.0.0.1:${APP_PORT}`,
      reuseExistingServer: !process.env.CI,
      timeout: 60_000,
    },
    {
      command: 'node e2e/embed-host/serve.mjs',
      url: `http://127.0.0.1:${HOST_PORT}/health`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
    },
  ],
});
