/** Entry point of `npm run sim` (SPEC 3): wires runCli to Node's files and streams. */
import { createEngine } from '../sim/index';
import { runCli } from './runCli';
import { readScenarioFile, statScenarioFile } from './scenarioFile';

// `sim FILE | head` closes the pipe early: stop quietly, as Unix tools do.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code !== 'EPIPE') throw e;
  process.exit(process.exitCode ?? 0);
});

process.exitCode = runCli(
  process.argv.slice(2),
  {
    statFile: statScenarioFile,
    readFile: (path) => readScenarioFile(path),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  },
  createEngine,
);
