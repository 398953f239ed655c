/**
 * One message arriving at the frame, end to end: the origin check of
 * `origin=`, then the shape check, then the command. Only a well-formed
 * command from an allowed origin reaches the store; a malformed sptlab
 * message from an allowed origin is answered with `error`; the rest is
 * ignored in silence.
 */
import type { EmbedCommand, EmbedEvent } from './embedMessages';
import { acceptsFrom } from './origins';
import { readCommand } from './readCommand';

export interface MessageDeps {
  readonly allowed: readonly string[] | null;
  readonly run: (command: EmbedCommand) => string | null;
  readonly reply: (event: EmbedEvent) => void;
}

export type Handled = 'ignored' | 'refused' | 'done' | 'failed';

/** Handles `data` posted from `origin`; never throws. */
export function handleMessage(data: unknown, origin: string, deps: MessageDeps): Handled {
  if (!acceptsFrom(origin, deps.allowed)) return 'ignored';
  const read = readCommand(data);
  if (read.kind === 'ignore') return 'ignored';
  if (read.kind === 'bad') {
    deps.reply({ type: 'error', message: read.message });
    return 'refused';
  }
  const problem = deps.run(read.command);
  if (problem === null) return 'done';
  deps.reply({ type: 'error', message: problem });
  return 'failed';
}
