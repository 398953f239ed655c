/**
 * The worker's test-only fault switch. A worker started with faults on (the
 * page's `?faults=1`) breaks when it loads a scenario holding a comment line
 * `# fault: throw` (an uncaught error, as a bug would) or `# fault: hang`
 * (it never answers again), so the page's recovery can be tried for real.
 * Without the switch these lines are plain comments.
 */
export type Fault = 'throw' | 'hang';

const FAULT_LINE = /^[ \t]*#[ \t]*fault:[ \t]*(throw|hang)[ \t]*$/m;

/**
 * The fault a message asks for, if it is a load whose text has a fault line.
 * A reopening (a load with a `limit`, up to the last good step) is spared, as
 * a step that never ran cannot break.
 */
export function faultIn(message: unknown): Fault | null {
  if (typeof message !== 'object' || message === null) return null;
  const { type, text, limit } = message as { type?: unknown; text?: unknown; limit?: unknown };
  if (type !== 'load' || typeof text !== 'string' || limit !== undefined) return null;
  const m = FAULT_LINE.exec(text);
  return m === null ? null : (m[1] as Fault);
}
