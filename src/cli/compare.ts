/**
 * `--compare`: one scenario run twice through fresh models, as written and as
 * its other side (SPEC 5 "Compare"), so the numbers the compare view shows have
 * a command-line twin. JSON is `{ "with": report, "without": report }`.
 */
import { compareSides, type CompareVs } from '../scenario/compareSides';
import type { Located } from '../sim/commands';
import type { Model } from '../sim/model';
import { runScenario, type RunReport } from '../sim/report';
import type { Budget } from '../sim/budget';
import { bytesText, summaryLines } from './summary';

export interface CompareReport {
  readonly with: RunReport;
  readonly without: RunReport;
}

/** Runs both sides; the labels travel beside the reports, not inside the JSON. */
export function runBothSides(
  commands: readonly Located[],
  vs: CompareVs,
  createModel: () => Model,
  budget?: Budget,
): { readonly report: CompareReport; readonly labels: { readonly with: string; readonly without: string } } {
  const sides = compareSides(commands, vs);
  return {
    report: {
      with: runScenario(createModel(), sides.with.commands, { budget }),
      without: runScenario(createModel(), sides.without.commands, { budget }),
    },
    labels: { with: sides.with.label, without: sides.without.label },
  };
}

/** "383× less" when sharing saves, "2.0× more" when it costs, "the same" otherwise. */
export function ratioText(withBytes: number, withoutBytes: number): string {
  if (withBytes === withoutBytes) return 'the same';
  if (withBytes === 0 || withoutBytes === 0) return withBytes === 0 ? 'none with sharing' : 'none on the other side';
  const r = withBytes < withoutBytes ? withoutBytes / withBytes : withBytes / withoutBytes;
  const digits = r >= 10 ? 0 : 1;
  return `${r.toFixed(digits)}× ${withBytes < withoutBytes ? 'less' : 'more'} with MAP_SHARED_PT`;
}

/** Both summaries one after the other, then the system figures side by side. */
export function compareLines(file: string, labels: { readonly with: string; readonly without: string }, report: CompareReport): string[] {
  const a = report.with.pagetables_bytes;
  const b = report.without.pagetables_bytes;
  return [
    `== ${labels.with} ==`,
    ...summaryLines(file, report.with),
    '',
    `== ${labels.without} ==`,
    ...summaryLines(file, report.without),
    '',
    'compare (system page tables)',
    `  ${labels.with.padEnd(20)} ${bytesText(a)}`,
    `  ${labels.without.padEnd(20)} ${bytesText(b)}`,
    `  ${ratioText(a, b)}`,
    '',
  ];
}
