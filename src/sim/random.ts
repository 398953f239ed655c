/**
 * The seeded randomness of `auto` addresses (SPEC 2): a 32-bit xorshift kept in
 * the machine's state, so a scenario places its mappings the same way everywhere.
 */
import { PAGE_SIZE, PMD_SIZE, type Bytes, type Vaddr } from './geometry';

/** Where `auto` mappings may land: 16 TiB .. 112 TiB, clear of the fixed examples. */
export const AUTO_LOW: Vaddr = 0x1000_0000_0000;
export const AUTO_HIGH: Vaddr = 0x7000_0000_0000;
/** Draws before `auto` gives up with ENOMEM. */
export const AUTO_TRIES = 64;

/** The generator's next state and a value in [0, 2^32). */
export function nextRandom(state: number): { state: number; value: number } {
  let x = state >>> 0 || 0x9e3779b9;
  x ^= x << 13;
  x >>>= 0;
  x ^= x >>> 17;
  x ^= x << 5;
  x >>>= 0;
  return { state: x, value: x };
}

/** The initial generator state for a scenario seed. */
export function seedState(seed: number): number {
  return (Math.imul(seed >>> 0, 0x9e3779b1) ^ 0x5bd1e995) >>> 0 || 1;
}

/**
 * Picks a kernel-chosen address for `len` bytes: 2 MiB-aligned for 2 MiB or more,
 * page-aligned otherwise, drawing again while `isFree` says the range is taken.
 * Returns the new generator state and the address, or null after AUTO_TRIES draws.
 */
export function pickAutoAddress(
  state: number,
  len: Bytes,
  isFree: (va: Vaddr, len: Bytes) => boolean,
): { state: number; va: Vaddr | null } {
  const align = len >= PMD_SIZE ? PMD_SIZE : PAGE_SIZE;
  const slots = Math.floor((AUTO_HIGH - AUTO_LOW - len) / align);
  if (slots <= 0) return { state, va: null };
  let s = state;
  for (let i = 0; i < AUTO_TRIES; i++) {
    const hi = nextRandom(s);
    const lo = nextRandom(hi.state);
    s = lo.state;
    const r = ((hi.value % 2 ** 20) * 2 ** 32 + lo.value) % slots; // < 2^52: exact
    const va = AUTO_LOW + r * align;
    if (isFree(va, len)) return { state: s, va };
  }
  return { state: s, va: null };
}
