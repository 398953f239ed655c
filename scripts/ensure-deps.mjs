// Runs `npm install` only when node_modules is missing or older than package-lock.json,
// so `npm start` and `npm test` work on a fresh checkout without reinstalling every time.
import { spawnSync } from 'node:child_process';
import { existsSync, statSync, utimesSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const lockfile = join(root, 'package-lock.json');
// npm rewrites this hidden lockfile on every install, so its age is the install's age.
const installed = join(root, 'node_modules', '.package-lock.json');

const mtime = (file) => (existsSync(file) ? statSync(file).mtimeMs : 0);

if (mtime(installed) === 0 || mtime(installed) < mtime(lockfile)) {
  console.log('Installing dependencies (node_modules missing or older than package-lock.json)...');
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const run = spawnSync(npm, ['install', '--no-audit', '--no-fund'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' },
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
  // Mark the install as newer than the lockfile even if npm left the files untouched.
  if (existsSync(installed)) {
    const now = new Date();
    utimesSync(installed, now, now);
  }
}
