/**
 * The headless runner as a function of its inputs (argv, a file reader,
 * output writers, a model factory) returning the exit code, so tests run it
 * without a process; sim.ts only wires it to Node.
 */
import { formatParseError } from '../scenario/errors';
import { parse } from '../scenario/parser';
import { printCommand } from '../scenario/printer';
import { withoutSharedPt } from '../sim/commands';
import type { Model } from '../sim/model';
import { runScenario } from '../sim/report';
import { DEFAULT_BUDGET, type Budget } from '../sim/budget';
import { traceText } from '../sim/traceText';
import { compareLines, runBothSides } from './compare';
import { parseArgs, USAGE } from './options';
import { fileProblem, MAX_SCENARIO_BYTES, ScenarioFileError, type FileFacts } from './scenarioFile';
import { summaryLines } from './summary';

export interface CliIo {
  /**
   * What the path is (regular file or not, and its size), asked before reading it so that a
   * directory, a device, a FIFO or a file over MAX_SCENARIO_BYTES is refused unread; throws when
   * the path cannot be examined. Absent when the files are not a file system's (tests' in-memory files).
   */
  readonly statFile?: (path: string) => FileFacts;
  /** The file's text; throws when it cannot be read (a ScenarioFileError's message is the whole line to print). */
  readonly readFile: (path: string) => string;
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export const EXIT_OK = 0;
export const EXIT_INVARIANT = 1;
export const EXIT_USAGE = 2;

/**
 * Lines of the text trace kept for printing. The summary comes first (SPEC 3, and what
 * `sim FILE | head` shows) but is known only at the end, so the trace waits in memory until
 * then; past this many lines the rest is counted, not kept, and a last line says how much
 * was left off. (The JSON report holds no trace, so it needs no cap.)
 */
export const MAX_TRACE_LINES = 100_000;

/** Runs the scenario named in argv; returns the exit status of SPEC 3. */
/** `budget`: what a run may hold (sim/budget.ts); `traceLines`: MAX_TRACE_LINES; tests pass small ones. */
export function runCli(argv: readonly string[], io: CliIo, createModel: () => Model, budget: Budget = DEFAULT_BUDGET, traceLines = MAX_TRACE_LINES): number {
  const args = parseArgs(argv);
  if (args.kind === 'help') {
    io.stdout(USAGE);
    return EXIT_OK;
  }
  if (args.kind === 'usage-error') {
    io.stderr(`sim: ${args.message}\n${USAGE}`);
    return EXIT_USAGE;
  }
  const { file, json } = args.options;
  let text: string;
  try {
    const problem = io.statFile === undefined ? null : fileProblem(file, io.statFile(file), MAX_SCENARIO_BYTES);
    if (problem !== null) throw new ScenarioFileError(problem);
    text = io.readFile(file);
  } catch (e) {
    // One line: the path and why, not the usage (the command line itself was fine).
    if (e instanceof ScenarioFileError) io.stderr(`sim: ${e.message}\n`);
    else io.stderr(`sim: cannot read ${file}: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT_USAGE;
  }
  const parsed = parse(text);
  if (!parsed.ok) {
    io.stderr(`${file}:${formatParseError(parsed.error)}\n`);
    return EXIT_USAGE;
  }
  if (args.options.compare !== null) {
    const { report, labels } = runBothSides(parsed.commands, args.options.compare, createModel, budget);
    if (json) io.stdout(JSON.stringify(report, null, 2) + '\n');
    else io.stdout(compareLines(file, labels, report).join('\n'));
    const broken = (['with', 'without'] as const).find((side) => !report[side].ok);
    const stopped = (['with', 'without'] as const).find((side) => report[side].stopped !== undefined);
    if (broken === undefined && stopped !== undefined) {
      io.stderr(`sim: ${file} (${labels[stopped]}): ${report[stopped].stopped?.message ?? ''}\n`);
      return EXIT_USAGE;
    }
    if (broken === undefined) return EXIT_OK;
    io.stderr(`sim: ${file}: invariants broken (${labels[broken]}): ${report[broken].invariants[0] ?? ''}\n`);
    return EXIT_INVARIANT;
  }
  const commands = args.options.withoutSharedPt ? withoutSharedPt(parsed.commands) : parsed.commands;
  const model = createModel();
  const trace: string[] = [];
  let leftOff = { lines: 0, steps: 0 };
  let index = 0;
  const report = runScenario(model, commands, {
    budget,
    onStep: (record) => {
      if (json) return;
      const command = commands[index++];
      // A step is its line and one line per event (traceText); past the cap only counted.
      const room = traceLines - trace.length;
      if (room < 1 + record.events.length) leftOff = { lines: leftOff.lines + 1 + record.events.length - Math.max(room, 0), steps: leftOff.steps + 1 };
      if (room <= 0) return;
      trace.push(`line ${record.line}: ${command === undefined ? '?' : printCommand(command.command)}`);
      // Names now, while every mm of the step is still known to the model.
      for (const l of traceText(record.events.slice(0, room - 1), (mm) => model.mmName(mm))) trace.push('  ' + l);
    },
  });
  if (json) io.stdout(JSON.stringify(report, null, 2) + '\n');
  else {
    if (leftOff.lines > 0) trace.push(leftOffLine(leftOff, traceLines));
    io.stdout([...summaryLines(file, report), '', 'trace', ...trace, ''].join('\n'));
  }
  if (!report.ok) {
    io.stderr(`sim: ${file}: invariants broken: ${report.invariants[0] ?? ''}\n`);
    return EXIT_INVARIANT;
  }
  if (report.stopped !== undefined) {
    // Refused, not broken: what ran is printed above; the exit status says the rest did not run.
    io.stderr(`sim: ${file}: ${report.stopped.message}\n`);
    return EXIT_USAGE;
  }
  return EXIT_OK;
}

/** The trace's last line when the cap cut it: how much is missing and why. */
function leftOffLine(leftOff: { lines: number; steps: number }, kept: number): string {
  const n = (x: number): string => x.toLocaleString('en-US');
  const steps = leftOff.steps === 1 ? '1 step' : `${n(leftOff.steps)} steps`;
  return `… ${n(leftOff.lines)} more trace ${leftOff.lines === 1 ? 'line' : 'lines'} (of ${steps}) left off: the text output keeps the first ${n(kept)} lines of the trace`;
}
