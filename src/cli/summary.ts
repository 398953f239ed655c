/**
 * The runner's readable output: a summary a person can scan (processes and
 * their page-table bytes, hosts, the system figure, errors, invariants),
 * then the trace of every step (at most runCli's MAX_TRACE_LINES lines of it).
 */
import type { ProcessReport } from '../sim/model';
import type { RunReport } from '../sim/report';
import { formatBytes } from '../sim/geometry';

/** Runs of at least this many identical processes fold into one row. */
const FOLD_AT = 3;

/** Exact bytes and binary units side by side: 241664 B (236 KiB). */
export function bytesText(n: number): string {
  return n < 1024 ? `${n} B` : `${n} B (${formatBytes(n)})`;
}

function stateOf(p: ProcessReport): string {
  if (p.alive) return 'alive';
  if (p.oom_killed) return 'OOM-killed';
  if (p.signal !== null) return `killed by ${p.signal}`;
  return 'exited';
}

/** Pads each column to its widest cell; columns marked 'r' align right (numbers). */
export function table(rows: readonly (readonly string[])[], align: readonly ('l' | 'r')[] = []): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, cell.length)));
  const pad = (cell: string, i: number): string =>
    align[i] === 'r' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0);
  return rows.map((row) => row.map(pad).join('  ').trimEnd());
}

/** Binary units beside an exact figure, or nothing under 1 KiB. */
function unitsText(n: number): string {
  return n < 1024 ? '' : `(${formatBytes(n)})`;
}

/** Process rows, with runs of identical processes folded: "db2 … db8 (7 alike)". */
function processRows(processes: readonly ProcessReport[]): string[][] {
  const rows = processes.map((p) => [
    p.name,
    stateOf(p),
    `${p.pgtables_bytes} B`,
    unitsText(p.pgtables_bytes),
    String(p.rss_pages),
    p.thread_of === null ? '' : `thread of ${p.thread_of}`,
  ]);
  const same = (a: string[], b: string[]): boolean => a.slice(1).join('\u0000') === b.slice(1).join('\u0000');
  const out: string[][] = [];
  for (let i = 0; i < rows.length; ) {
    const first = rows[i] as string[];
    let j = i + 1;
    while (j < rows.length && same(first, rows[j] as string[])) j++;
    if (j - i >= FOLD_AT) out.push([`${first[0]} … ${(rows[j - 1] as string[])[0]} (${j - i} alike)`, ...first.slice(1)]);
    else out.push(...rows.slice(i, j));
    i = j;
  }
  return out;
}

/** The summary block, as lines. */
export function summaryLines(file: string, report: RunReport): string[] {
  const lines: string[] = [];
  const errors = report.errors.length;
  lines.push(`${file}: ${report.steps} steps, ${errors} ${errors === 1 ? 'error' : 'errors'}, ${report.ok ? 'invariants hold' : 'INVARIANTS BROKEN'}`);
  lines.push('', 'processes');
  if (report.processes.length === 0) lines.push('  (none)');
  else {
    const rows = [['name', 'state', 'page tables', '', 'rss pages', ''], ...processRows(report.processes)];
    lines.push(...table(rows, ['l', 'l', 'r', 'l', 'r']).map((l) => '  ' + l));
  }
  lines.push('', 'hosts (MAP_SHARED_PT, msharefs)');
  if (report.hosts.length === 0) lines.push('  (none)');
  else {
    const rows = [
      ['file', 'refcount', 'page tables', ''],
      ...report.hosts.map((h) => [h.file, String(h.refcount), `${h.pgtables_bytes} B`, unitsText(h.pgtables_bytes)]),
    ];
    lines.push(...table(rows, ['l', 'r', 'r']).map((l) => '  ' + l));
  }
  const m = report.memory;
  lines.push('', 'system');
  lines.push(`  page tables  ${bytesText(report.pagetables_bytes)}`);
  lines.push(`  file pages   ${bytesText(m.file_bytes)}`);
  lines.push(`  RAM          ${bytesText(m.ram_bytes)}`);
  if (errors > 0) {
    lines.push('', 'errors');
    for (const e of report.errors) lines.push(`  line ${e.line}: ${e.errno}: ${e.message}`);
  }
  if (report.findings.length > 0) {
    lines.push('', 'findings (as posted)');
    for (const f of report.findings) lines.push(`  line ${f.line}: ${f.mm}: ${f.message}`);
  }
  if (report.stopped !== undefined) lines.push('', 'stopped', `  ${report.stopped.message}`);
  if (!report.ok) {
    lines.push('', 'INVARIANTS BROKEN (a bug in the engine)');
    for (const i of report.invariants) lines.push(`  ${i}`);
  }
  return lines;
}
