// Type-checks every layer with its own tsconfig. A layer whose folders hold no files yet
// (tsc error TS18003) is reported and skipped; any other error fails the check.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsc = join(root, 'node_modules', '.bin', 'tsc');
const configs = [
  'tsconfig.json',
  'tsconfig.sim.json',
  'tsconfig.node.json',
  'tsconfig.app.json',
  'tsconfig.e2e.json',
];

let failed = 0;
for (const config of configs) {
  const run = spawnSync(tsc, ['--noEmit', '--pretty', 'false', '-p', config], {
    cwd: root,
    encoding: 'utf8',
  });
  const output = `${run.stdout ?? ''}${run.stderr ?? ''}`.trim();
  if (run.status === 0) {
    console.log(`typecheck ${config}: ok`);
  } else if (output.includes('TS18003')) {
    console.log(`typecheck ${config}: skipped, no files yet`);
  } else {
    failed += 1;
    console.log(`typecheck ${config}: FAILED`);
    console.log(output || run.error?.message || `tsc exited with ${run.status}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
