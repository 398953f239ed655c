/**
 * Checks the scale explorer's sliders before anything runs, with one sentence
 * per problem (the page shows them beside the slider that caused them).
 */
import { formatBytes, PAGE_SIZE, PMD_SIZE, type Bytes } from '../../sim/geometry';
import type { ScaleInput } from '../../protocol/scale';

export const MIN_PROCS = 1;
export const MAX_PROCS = 5000;
export const MIN_SIZE: Bytes = PMD_SIZE;
export const MAX_SIZE: Bytes = 2 ** 40;
export const MIN_RAM: Bytes = 2 ** 30;
export const MAX_RAM: Bytes = 2 ** 50;

export type Validated = { readonly ok: true; readonly input: Required<ScaleInput> } | { readonly ok: false; readonly problems: string[] };

function wholeNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isSafeInteger(x);
}

/** A byte figure as people read it: "3 MiB", or the exact bytes when that says more. */
function said(n: number): string {
  const units = formatBytes(n);
  return n % PAGE_SIZE === 0 ? units : `${n} bytes`;
}

/** Problems with a size-like field: not a whole number, out of [min, max], not a multiple of `step`. */
function checkBytes(name: string, x: unknown, min: number, max: number, step: number, stepName: string): string[] {
  if (!wholeNumber(x)) return [`${name} must be a whole number of bytes, got ${String(x)}`];
  if (x < min || x > max) return [`${name} ${said(x)} is out of range (${formatBytes(min)} to ${formatBytes(max)})`];
  if (x % step !== 0) return [`${name} ${said(x)} is not a multiple of ${stepName}`];
  return [];
}

/** The sliders made whole (touchBytes defaults to the mapping's size), or every problem found. */
export function validateScaleInput(input: ScaleInput): Validated {
  const problems: string[] = [];
  if (!wholeNumber(input.procs) || input.procs < MIN_PROCS || input.procs > MAX_PROCS) {
    problems.push(`processes must be a whole number from ${MIN_PROCS} to ${MAX_PROCS}, got ${String(input.procs)}`);
  }
  problems.push(...checkBytes('size', input.sizeBytes, MIN_SIZE, MAX_SIZE, PMD_SIZE, '2 MiB'));
  problems.push(...checkBytes('RAM', input.ramBytes, MIN_RAM, MAX_RAM, PAGE_SIZE, '4 KiB'));
  const touch = input.touchBytes ?? input.sizeBytes;
  if (input.touchBytes !== undefined) {
    const max = wholeNumber(input.sizeBytes) && input.sizeBytes >= PAGE_SIZE ? input.sizeBytes : MAX_SIZE;
    problems.push(...checkBytes('touched bytes', input.touchBytes, PAGE_SIZE, max, PAGE_SIZE, '4 KiB'));
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, input: { procs: input.procs, sizeBytes: input.sizeBytes, ramBytes: input.ramBytes, touchBytes: touch } };
}
