/**
 * The headless runner's command line (SPEC 3):
 * `npm run --silent sim -- FILE [--json] [--without-shared-pt]`.
 */

export interface CliOptions {
  readonly file: string;
  readonly json: boolean;
  readonly withoutSharedPt: boolean;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

export const USAGE = [
  'usage: npm run --silent sim -- FILE [--json] [--without-shared-pt]',
  '',
  '  FILE                 a scenario in the scenario language',
  '  --json               print one JSON report instead of the summary and the trace',
  '  --without-shared-pt  drop every shared_pt flag first (the baseline of a comparison)',
  '  --help               print this help',
  '',
  'exit status: 0 when every invariant holds, 1 when one broke, 2 for bad usage or a parse error',
  '',
].join('\n');

/** Reads argv (without node and the script); options and FILE in any order, `--` ends options. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let file: string | null = null;
  let json = false;
  let withoutSharedPt = false;
  let optionsDone = false;
  for (const arg of argv) {
    if (!optionsDone && arg === '--') optionsDone = true;
    else if (!optionsDone && (arg === '--help' || arg === '-h')) return { kind: 'help' };
    else if (!optionsDone && arg === '--json') json = true;
    else if (!optionsDone && arg === '--without-shared-pt') withoutSharedPt = true;
    else if (!optionsDone && arg.startsWith('-') && arg !== '-') return { kind: 'usage-error', message: `unknown option '${arg}'` };
    else if (file !== null) return { kind: 'usage-error', message: `one scenario file only, got '${file}' and '${arg}'` };
    else file = arg;
  }
  if (file === null) return { kind: 'usage-error', message: 'missing FILE' };
  return { kind: 'run', options: { file, json, withoutSharedPt } };
}
