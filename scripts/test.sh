#!/usr/bin/env bash
# The whole check: typecheck, lint, unit + property tests, build, end-to-end tests.
# Every stage runs even after a failure so the closing summary line is complete;
# the exit status is non-zero if anything failed or no test ran.
set -u
cd "$(dirname "$0")/.."
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

node scripts/ensure-deps.mjs || exit 1
bash scripts/ensure-chromium.sh

# Stale reports or a stale build must never be read as this run's results.
rm -rf reports dist
mkdir -p reports

echo "== typecheck"
npm run --silent typecheck
typecheck=$?

echo "== lint"
npm run --silent lint
lint=$?

echo "== unit and property tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=reports/vitest.json

echo "== build"
npm run --silent build
build=$?

echo "== end-to-end tests"
npx playwright test

node scripts/summarize.mjs --typecheck "$typecheck" --lint "$lint" --build "$build" \
  --vitest reports/vitest.json --playwright reports/playwright.json
