/**
 * The headless runner's command line (SPEC 3):
 * `npm run --silent sim -- FILE [--json] [--without-shared-pt | --compare [--vs=hugetlb]]`.
 */
import { parseCompareVs, type CompareVs } from '../scenario/compareSides';

export interface CliOptions {
  readonly file: string;
  readonly json: boolean;
  readonly withoutSharedPt: boolean;
  /** Run both sides of a comparison against this other side; null for one run. */
  readonly compare: CompareVs | null;
}

export type ParsedArgs =
  | { readonly kind: 'run'; readonly options: CliOptions }
  | { readonly kind: 'help' }
  | { readonly kind: 'usage-error'; readonly message: string };

export const USAGE = [
  'usage: npm run --silent sim -- FILE [--json] [--without-shared-pt | --compare [--vs=hugetlb]]',
  '',
  '  FILE                 a scenario in the scenario language',
  '  --json               print one JSON report instead of the summary and the trace',
  '  --without-shared-pt  drop every shared_pt flag first (the baseline of a comparison)',
  '  --compare            run the scenario as written and its other side; with --json print',
  '                       { "with": report, "without": report }, else both summaries',
  '  --vs=baseline        with --compare: the other side drops every shared_pt flag (default)',
  '  --vs=hugetlb         with --compare: the other side moves shared_pt files to hugetlbfs',
  '                       and drops shared_pt (hugetlb PMD sharing)',
  '  --help               print this help',
  '',
  'exit status: 0 when every invariant holds (on both sides with --compare), 1 when one',
  'broke, 2 for bad usage or a parse error',
  '',
].join('\n');

/** Reads argv (without node and the script); options and FILE in any order, `--` ends options. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  let file: string | null = null;
  let json = false;
  let withoutSharedPt = false;
  let compare = false;
  let vs: CompareVs | null = null;
  let optionsDone = false;
  for (const arg of argv) {
    if (!optionsDone && arg === '--') optionsDone = true;
    else if (!optionsDone && (arg === '--help' || arg === '-h')) return { kind: 'help' };
    else if (!optionsDone && arg === '--json') json = true;
    else if (!optionsDone && arg === '--without-shared-pt') withoutSharedPt = true;
    else if (!optionsDone && arg === '--compare') compare = true;
    else if (!optionsDone && arg.startsWith('--vs=')) {
      vs = parseCompareVs(arg.slice('--vs='.length));
      if (vs === null) return { kind: 'usage-error', message: `--vs takes baseline or hugetlb, got '${arg.slice(5)}'` };
    } else if (!optionsDone && arg.startsWith('-') && arg !== '-') return { kind: 'usage-error', message: `unknown option '${arg}'` };
    else if (file !== null) return { kind: 'usage-error', message: `one scenario file only, got '${file}' and '${arg}'` };
    else file = arg;
  }
  if (file === null) return { kind: 'usage-error', message: 'missing FILE' };
  if (vs !== null && !compare) return { kind: 'usage-error', message: '--vs needs --compare' };
  if (compare && withoutSharedPt) return { kind: 'usage-error', message: '--compare runs both sides; leave out --without-shared-pt' };
  return { kind: 'run', options: { file, json, withoutSharedPt, compare: compare ? (vs ?? 'baseline') : null } };
}
