/**
 * The values of link parameters, each read and written on its own: steps and
 * slides, the address range, sizes with K/M/G/T, the origin list. A reader
 * returns the value or the sentence that says why it is not one.
 */
import type { AddressWindow } from '../../../protocol/index';
import { sizeText } from '../../../protocol/sizes';
import { shown } from './linkState';

export type Read<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: string };

const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const bad = <T>(problem: string): Read<T> => ({ ok: false, problem });

const KiB = 1024;
const MiB = KiB * 1024;
const GiB = MiB * 1024;
const TiB = GiB * 1024;
/** The highest address a window may reach (the 47-bit user half). */
const TOP = 2 ** 47;

/** `step`: 0 to the number of commands (the caller clamps to the scenario's). */
export function readStep(raw: string): Read<number> {
  return /^\d{1,9}$/.test(raw) ? ok(Number(raw)) : bad(`The link's step=${shown(raw)} is not a step number (0 or more); using step 0.`);
}

/** `slide`: 1-based. */
export function readSlide(raw: string): Read<number> {
  return /^[1-9]\d{0,5}$/.test(raw) ? ok(Number(raw)) : bad(`The link's slide=${shown(raw)} is not a slide number (1 or more); using slide 1.`);
}

/** `range`: `0xSTART-0xEND`, hex with optional `_` groups, START below END, inside the user half. */
export function readRange(raw: string): Read<AddressWindow> {
  const m = /^0x([0-9a-f_]{1,16})-0x([0-9a-f_]{1,16})$/i.exec(raw);
  const lo = m === null ? Number.NaN : parseInt((m[1] ?? '').replace(/_/g, ''), 16);
  const hi = m === null ? Number.NaN : parseInt((m[2] ?? '').replace(/_/g, ''), 16);
  if (!Number.isSafeInteger(lo) || !Number.isSafeInteger(hi) || lo >= hi || hi > TOP) {
    return bad(`The link's range=${shown(raw)} is not an address range 0xSTART-0xEND below 0x800000000000; showing the scenario's own range.`);
  }
  return ok({ lo, hi });
}

export function writeRange(w: AddressWindow): string {
  return `0x${w.lo.toString(16)}-0x${w.hi.toString(16)}`;
}

/** A number with an optional K/M/G/T (and iB), where K is `k`: 1024 for bytes, 1000 for counts. */
function readScaled(raw: string, k: number): number | null {
  const m = /^(\d{1,16})(?:([KMGT])(?:i?B)?|B)?$/i.exec(raw);
  if (m === null) return null;
  const power = m[2] === undefined ? 0 : 'KMGT'.indexOf(m[2].toUpperCase()) + 1;
  const value = Number(m[1]) * k ** power;
  return Number.isSafeInteger(value) ? value : null;
}

/** `procs`: the scale explorer's processes, 1 to 5000 (`2K` is 2000). */
export function readProcs(raw: string): Read<number> {
  const n = readScaled(raw, 1000);
  return n !== null && n >= 1 && n <= 5000 ? ok(n) : bad(`The link's procs=${shown(raw)} is not a number of processes from 1 to 5000; the slider keeps its value.`);
}

/** `size`: the mapping, 2 MiB to 1 TiB, a multiple of 2 MiB. */
export function readSize(raw: string): Read<number> {
  const n = readScaled(raw, 1024);
  return n !== null && n >= 2 * MiB && n <= TiB && n % (2 * MiB) === 0
    ? ok(n)
    : bad(`The link's size=${shown(raw)} is not a size from 2M to 1T in steps of 2M; the slider keeps its value.`);
}

/** `ram`: the machine, 1 GiB to 1024 TiB, a multiple of 4 KiB. */
export function readRam(raw: string): Read<number> {
  const n = readScaled(raw, 1024);
  return n !== null && n >= GiB && n <= 1024 * TiB && n % (4 * KiB) === 0
    ? ok(n)
    : bad(`The link's ram=${shown(raw)} is not a size from 1G to 1024T in whole 4K pages; the slider keeps its value.`);
}

/** Bytes in the largest unit that holds them exactly (`300G`, `6M`, `4097K`). */
export function writeBytes(n: number): string {
  return sizeText(n);
}

/** `origin`: a comma list of origins (`https://docs.example.org`); the bad ones are dropped and named. */
export function readOrigins(raw: string): { readonly origins: readonly string[]; readonly problems: readonly string[] } {
  const origins: string[] = [];
  const problems: string[] = [];
  for (const part of raw.split(',').map((p) => p.trim()).filter((p) => p !== '')) {
    let origin: string | null = null;
    try {
      const url = new URL(part);
      if ((url.protocol === 'http:' || url.protocol === 'https:') && url.origin === part.replace(/\/$/, '')) origin = url.origin;
    } catch {
      origin = null;
    }
    if (origin === null) problems.push(`The link's origin ${shown(part)} is not an origin like https://example.org; the embed API will not talk to it.`);
    else if (!origins.includes(origin)) origins.push(origin);
  }
  return { origins, problems };
}
