/**
 * Numbers in scenarios: byte sizes and addresses. One grammar serves both:
 * decimal or 0x hex, `_` allowed between digits (so addresses copied from the
 * trace, printed as 0x7f00_0000_0000, read back), and after decimal digits
 * an optional binary suffix K, M, G or T in either case. Values must be safe integers so that
 * every byte count stays exact in a double.
 */
import type { AddrExpr } from '../sim/commands';
import { quoted } from './errors';

const UNITS: readonly (readonly [string, number])[] = [
  ['T', 2 ** 40],
  ['G', 2 ** 30],
  ['M', 2 ** 20],
  ['K', 2 ** 10],
];

/** Hex takes no suffix, so a typo such as 0x7f0g is an error rather than 0x7f0 GiB. */
const NUMBER = /^(?:0[xX]([0-9a-fA-F]+(?:_[0-9a-fA-F]+)*)|([0-9]+(?:_[0-9]+)*)([kKmMgGtT]?))$/;

/** What reading a number gave: the value, or why it is not one. */
export type NumberResult = { readonly ok: true; readonly value: number } | { readonly ok: false; readonly message: string };

/** Reads a size such as 4096, 0x1000, 4K or 2m. */
export function readSize(text: string): NumberResult {
  const m = NUMBER.exec(text);
  if (m === null) return { ok: false, message: `bad size ${quoted(text)}: expected bytes such as 4096, 0x1000 or 4M` };
  const hexDigits = m[1];
  const digits = (hexDigits ?? m[2] ?? '').replace(/_/g, '');
  // More digits than any safe integer has: too large, without building a huge BigInt.
  if (digits.replace(/^0+/, '').length > 16) return tooLarge(text);
  const base = BigInt(hexDigits === undefined ? digits : '0x' + digits);
  const suffix = (m[3] ?? '').toUpperCase();
  const unit = UNITS.find(([s]) => s === suffix)?.[1] ?? 1;
  const value = base * BigInt(unit);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return tooLarge(text);
  return { ok: true, value: Number(value) };
}

function tooLarge(text: string): NumberResult {
  return { ok: false, message: `size ${quoted(text)} is too large (at most 2^53 - 1 bytes)` };
}

/** A size as a person writes it: 4M when exact, plain decimal bytes otherwise. */
export function sizeText(n: number): string {
  if (n !== 0) {
    for (const [suffix, unit] of UNITS) if (n % unit === 0) return `${n / unit}${suffix}`;
  }
  return String(n);
}

/** An absolute address as the printer writes it: plain lowercase hex, no separators. */
export function addressText(va: number): string {
  return '0x' + va.toString(16);
}

/** ADDR as written in a command: a number, NAME, or NAME+SIZE. */
export function addrExprText(a: AddrExpr): string {
  if (a.kind === 'abs') return addressText(a.value);
  return a.offset === 0 ? a.name : `${a.name}+${sizeText(a.offset)}`;
}
