/**
 * Entry bits, as x86-64 page-table entries carry them. Stored as a small
 * bitmask; NX really lives in bit 63, which a double cannot hold, so it has
 * its own position here and is shown with its real name.
 */
export type Bits = number;

export const P = 1 << 0; // present
export const W = 1 << 1; // writable
export const U = 1 << 2; // user
export const A = 1 << 5; // accessed
export const D = 1 << 6; // dirty
export const NX = 1 << 7; // no-execute (bit 63 in hardware)

const NAMES: [Bits, string][] = [
  [P, 'P'],
  [W, 'W'],
  [U, 'U'],
  [A, 'A'],
  [D, 'D'],
  [NX, 'NX'],
];

/** "P W U A D NX" style text for a bit set. */
export function bitsText(b: Bits): string {
  return NAMES.filter(([bit]) => (b & bit) !== 0)
    .map(([, name]) => name)
    .join(' ');
}

export function has(b: Bits, bit: Bits): boolean {
  return (b & bit) !== 0;
}
