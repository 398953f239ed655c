// Prints the closing `N passed, N failed` line of `npm test` from the Vitest and
// Playwright JSON reports, with the typecheck, the lint and the build counted as one check each.
// Exits non-zero when anything failed, a report is missing, or a runner ran no test.
import { existsSync, readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';

const { values: args } = parseArgs({
  options: {
    typecheck: { type: 'string' },
    lint: { type: 'string' },
    build: { type: 'string' },
    vitest: { type: 'string', default: 'reports/vitest.json' },
    playwright: { type: 'string', default: 'reports/playwright.json' },
  },
});

let passed = 0;
let failed = 0;
const notes = [];

function readReport(label, file) {
  if (!file || !existsSync(file)) return null;
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    notes.push(`${label}: unreadable report ${file} (${error.message})`);
    return null;
  }
}

/** Counts a runner's tests; a missing report or an empty run is one failure. */
function addRunner(label, counts) {
  if (counts === null) {
    failed += 1;
    notes.push(`${label}: no report (the runner crashed or did not run)`);
    return;
  }
  passed += counts.passed;
  failed += counts.failed;
  notes.push(`${label}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (counts.passed + counts.failed === 0) {
    failed += 1;
    notes.push(`${label}: ran no test`);
  }
}

function addCheck(label, status) {
  if (status === '0') passed += 1;
  else failed += 1;
  notes.push(`${label}: ${status === '0' ? 'passed' : `failed (exit ${status ?? 'unknown'})`}`);
}

function vitestCounts(report) {
  if (report === null) return null;
  // A test file that fails to load has no failed test but a failed file: count it too.
  const brokenFiles = (report.testResults ?? []).filter(
    (file) =>
      file.status === 'failed' &&
      !(file.assertionResults ?? []).some((test) => test.status === 'failed'),
  ).length;
  return {
    passed: report.numPassedTests ?? 0,
    failed: (report.numFailedTests ?? 0) + brokenFiles,
    skipped: (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0),
  };
}

function playwrightCounts(report) {
  if (report === null || !report.stats) return null;
  const { expected = 0, unexpected = 0, flaky = 0, skipped = 0 } = report.stats;
  // Errors outside tests (config, web server) would otherwise leave no trace in the counts.
  const globalErrors = (report.errors ?? []).length > 0 && unexpected === 0 ? 1 : 0;
  return { passed: expected + flaky, failed: unexpected + globalErrors, skipped };
}

addCheck('typecheck', args.typecheck);
addCheck('lint', args.lint);
addRunner('unit tests (vitest)', vitestCounts(readReport('vitest', args.vitest)));
addCheck('build', args.build);
addRunner('e2e tests (playwright)', playwrightCounts(readReport('playwright', args.playwright)));

console.log('');
for (const note of notes) console.log(`  ${note}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
