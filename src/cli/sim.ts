/** Entry point of `npm run sim` (SPEC 3): wires runCli to Node's files and streams. */
import { readFileSync } from 'node:fs';
import { createEngine } from '../sim/index';
import { runCli } from './runCli';

process.exitCode = runCli(
  process.argv.slice(2),
  {
    readFile: (path) => readFileSync(path, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  createEngine,
);
