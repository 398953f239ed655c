/**
 * What the runner agrees to read as a scenario: a regular file of at most
 * MAX_SCENARIO_BYTES. A directory, a device (`sim /dev/zero` would read
 * forever), a FIFO or a file larger than that is refused with one line
 * naming the path and the limit, before any of it is read.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';

/** The largest scenario text the runner reads: 64 MiB. */
export const MAX_SCENARIO_BYTES = 64 * 2 ** 20;

/** What a path names, as far as reading it as a scenario is concerned. */
export type FileKind = 'file' | 'directory' | 'character device' | 'block device' | 'FIFO' | 'socket' | 'other';

export interface FileFacts {
  readonly kind: FileKind;
  /** Bytes; meaningful for a regular file only. */
  readonly size: number;
}

const MiB = 2 ** 20;

/** 80.0 MiB (83,886,080 bytes): one decimal, and the exact count so a file just over the limit does not read as equal to it. */
function sizeWords(bytes: number): string {
  return `${(bytes / MiB).toFixed(1)} MiB (${bytes.toLocaleString('en-US')} bytes)`;
}

function limitWords(limit: number): string {
  const mib = limit / MiB;
  return Number.isInteger(mib) ? `${mib} MiB` : sizeWords(limit);
}

/** Why `path` cannot be read as a scenario (one line, without the `sim: ` prefix), or null when it can. */
export function fileProblem(path: string, facts: FileFacts, limit = MAX_SCENARIO_BYTES): string | null {
  if (facts.kind !== 'file') {
    const what = facts.kind === 'other' ? '' : ` (a ${facts.kind})`;
    return `${path} is not a regular file${what}; a scenario is a text file of at most ${limitWords(limit)}`;
  }
  if (facts.size > limit) return `${path} is ${sizeWords(facts.size)}; the limit is ${limitWords(limit)}`;
  return null;
}

/** Thrown by readScenarioFile when the path is not one the runner reads; the message is fileProblem's line. */
export class ScenarioFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ScenarioFileError';
  }
}

function kindOf(s: Stats): FileKind {
  if (s.isFile()) return 'file';
  if (s.isDirectory()) return 'directory';
  if (s.isCharacterDevice()) return 'character device';
  if (s.isBlockDevice()) return 'block device';
  if (s.isFIFO()) return 'FIFO';
  if (s.isSocket()) return 'socket';
  return 'other';
}

/** The facts of a path, following symbolic links; throws (ENOENT, EACCES, …) when it cannot be examined. */
export function statScenarioFile(path: string): FileFacts {
  const s = statSync(path);
  return { kind: kindOf(s), size: s.size };
}

/**
 * Reads a scenario file from Node's file system: checks the path first (so a FIFO
 * is never opened, which would wait for a writer), then reads at most `limit` + 1
 * bytes from the opened file, so a file that grew after the check is still refused.
 */
export function readScenarioFile(path: string, limit = MAX_SCENARIO_BYTES): string {
  const before = fileProblem(path, statScenarioFile(path), limit);
  if (before !== null) throw new ScenarioFileError(before);
  const fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  try {
    const opened = fstatSync(fd);
    const problem = fileProblem(path, { kind: kindOf(opened), size: opened.size }, limit);
    if (problem !== null) throw new ScenarioFileError(problem);
    // One byte more than the size seen: filling it means the file grew after the check.
    const buffer = Buffer.alloc(opened.size + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const n = readSync(fd, buffer, filled, buffer.length - filled, null);
      if (n === 0) return buffer.toString('utf8', 0, filled);
      filled += n;
    }
    throw new ScenarioFileError(`${path} grew while it was read (it was ${sizeWords(opened.size)}); the limit is ${limitWords(limit)}`);
  } finally {
    closeSync(fd);
  }
}
