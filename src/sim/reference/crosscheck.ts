/**
 * Running one scenario through two models side by side (SPEC 4: the fast
 * engine against this reference) and stopping at the first step where their
 * events, reports, translations or invariants differ, with the scenario up to
 * that step as text a person can replay.
 */
import type { Located } from '../commands';
import { normalizeEvents, type TraceEvent } from '../events';
import type { Model } from '../model';
import { scriptText } from './script';

export interface CrossCheckOptions {
  /** Compare free text too (error messages, notShared reasons, SIGBUS wording). */
  readonly exactText?: boolean;
  /** Turns commands into scenario text for the failure message. */
  readonly format?: (cmds: readonly Located[]) => string;
  /** Addresses at which every live task's translations are compared. */
  readonly probes?: readonly number[];
}

/** The events as compared: free text left out unless asked for. */
function shape(events: readonly TraceEvent[], o: CrossCheckOptions): unknown[] {
  const out: unknown[] = [];
  for (const e of events) {
    let x: TraceEvent = e;
    if (!o.exactText) {
      if (x.k === 'error') x = { ...x, message: '…' };
      else if (x.k === 'mmap' && x.notShared !== null) x = { ...x, notShared: '…' };
      else if (x.k === 'signal' && x.signal === 'SIGBUS') x = { ...x, reason: '…' };
    }
    out.push(x);
  }
  return out;
}

function json(x: unknown): string {
  return (JSON.stringify(x, null, 1) ?? 'undefined').replace(/\n\s*/g, ' ');
}


/** The first difference between the two models' views after a step, or null. */
function difference(ref: Model, other: Model, o: CrossCheckOptions): string | null {
  const pairs: [string, unknown, unknown][] = [
    ['processes()', ref.processes(), other.processes()],
    ['hosts()', ref.hosts(), other.hosts()],
    ['memory()', ref.memory(), other.memory()],
    ['findings()', ref.findings?.() ?? [], other.findings?.() ?? []],
  ];
  for (const [what, a, b] of pairs) if (json(a) !== json(b)) return `${what} differ:\n  reference: ${json(a)}\n  other:     ${json(b)}`;
  for (const p of ref.processes()) {
    if (!p.alive) continue;
    for (const va of o.probes ?? []) {
      const a = ref.translate(p.name, va);
      const b = other.translate(p.name, va);
      if (json(a) !== json(b)) return `translate(${p.name}, 0x${va.toString(16)}) differs:\n  reference: ${json(a)}\n  other:     ${json(b)}`;
    }
  }
  const ri = ref.invariants();
  if (ri.length > 0) return `reference invariants broken:\n  ${ri.join('\n  ')}`;
  const oi = other.invariants();
  if (oi.length > 0) return `other model's invariants broken:\n  ${oi.join('\n  ')}`;
  return null;
}

/**
 * Runs cmds through both models; throws at the first disagreement with a
 * replayable scenario. Returns the reference model and each step's events.
 * `everyStep: false` compares reports, translations and invariants only at the
 * end (events still after every step): for long page-by-page scenarios.
 */
export function crossCheck(
  cmds: readonly Located[],
  makeRef: () => Model,
  makeOther: () => Model,
  o: CrossCheckOptions & { readonly everyStep?: boolean } = {},
): { ref: Model; steps: TraceEvent[][] } {
  const ref = makeRef();
  const other = makeOther();
  const format = o.format ?? scriptText;
  const steps: TraceEvent[][] = [];
  for (let i = 0; i < cmds.length; i++) {
    const cmd = cmds[i] as Located;
    const events = normalizeEvents(ref.step(cmd));
    steps.push(events);
    const a = shape(events, o);
    const b = shape(normalizeEvents(other.step(cmd)), o);
    let diff: string | null = null;
    if (json(a) !== json(b)) {
      const at = a.findIndex((e, j) => json(e) !== json(b[j]));
      diff = `events differ (first at index ${at}):\n  reference: ${json(a)}\n  other:     ${json(b)}`;
    } else if (o.everyStep !== false || i === cmds.length - 1) diff = difference(ref, other, o);
    if (diff !== null) {
      throw new Error(`after line ${cmd.line} (${format([cmd]).trim()}):\n${diff}\n\nscenario:\n${format(cmds.slice(0, i + 1))}`);
    }
  }
  return { ref, steps };
}
