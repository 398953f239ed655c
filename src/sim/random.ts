/**
 * `auto` addresses as Linux picks them (SPEC 2): each process gets an
 * `mmap_base` below its stack, randomised from the scenario's seed (a 32-bit
 * xorshift kept in the machine's state), and each `auto` mapping goes top-down
 * into the highest free gap below it that fits, 2 MiB-aligned for 2 MiB or more.
 * Neighbouring auto mappings therefore share PUD and PMD pages as in a real
 * process, and two processes' mappings of one file land at different addresses.
 */
import { PAGE_SIZE, PMD_SIZE, USER_TOP, alignDown, type Bytes, type Vaddr } from './geometry';

/** x86-64 TASK_SIZE: user space ends one page below 2^47. */
export const TASK_SIZE: Vaddr = USER_TOP - PAGE_SIZE;
/**
 * Linux's mmap_base gap on x86-64 with the default 8 MiB stack limit: the stack limit,
 * the stack's largest random offset (16 GiB - 4 KiB) and the stack guard gap (1 MiB).
 */
export const MMAP_GAP: Bytes = 8 * 2 ** 20 + (16 * 2 ** 30 - PAGE_SIZE) + 2 ** 20;
/** mmap_rnd_bits: the base moves down by up to 2^28 pages (1 TiB). */
export const MMAP_RND_BITS = 28;
/** mmap_min_addr: nothing is placed below it. */
export const MMAP_MIN_ADDR: Vaddr = 0x10000;

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

/** A new process's mmap_base (arch/x86/mm/mmap.c): TASK_SIZE - gap - random pages. */
export function drawMmapBase(state: number): { state: number; base: Vaddr } {
  const r = nextRandom(state);
  const rnd = (r.value % 2 ** MMAP_RND_BITS) * PAGE_SIZE;
  return { state: r.state, base: TASK_SIZE - MMAP_GAP - rnd };
}

/**
 * The address Linux's top-down allocator gives `len` bytes below `base`, given the
 * mm's VMAs (sorted, disjoint): the highest gap that fits, the mapping at its top,
 * aligned down to 2 MiB for 2 MiB or more. Null when no gap fits (ENOMEM).
 */
export function autoAddress(base: Vaddr, len: Bytes, vmas: readonly { readonly start: Vaddr; readonly end: Vaddr }[], alignment?: Bytes): Vaddr | null {
  function* descending(): Generator<{ readonly start: Vaddr; readonly end: Vaddr }> {
    for (let i = vmas.length - 1; i >= 0; i--) yield vmas[i]!;
  }
  return autoAddressBelow(base, len, descending(), alignment);
}

/** autoAddress over the VMAs from the highest down (those at or above base may be left out). */
export function autoAddressBelow(base: Vaddr, len: Bytes, descending: Iterable<{ readonly start: Vaddr; readonly end: Vaddr }>, alignment?: Bytes): Vaddr | null {
  const align = alignment ?? (len >= PMD_SIZE ? PMD_SIZE : PAGE_SIZE);
  let hi = base;
  for (const v of descending) {
    if (v.start >= hi) continue;
    const at = alignDown(hi - len, align);
    if (hi - len >= 0 && at >= Math.max(v.end, MMAP_MIN_ADDR)) return at;
    hi = v.start;
  }
  const at = alignDown(hi - len, align);
  return hi - len >= 0 && at >= MMAP_MIN_ADDR ? at : null;
}
