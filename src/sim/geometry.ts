/**
 * x86-64 four-level paging geometry (SPEC 1.1).
 *
 * Addresses and sizes are plain numbers: user space is 47 bits and every byte
 * count the tool reports stays far below 2^53, so doubles are exact here.
 */

/** A virtual address in bytes (0 .. 2^47). */
export type Vaddr = number;
/** A size or count of bytes. */
export type Bytes = number;

export const PAGE_SIZE = 4096;
export const ENTRIES = 512;
export const PMD_SIZE = 2 * 1024 * 1024; // span of one PTE page
export const PUD_SIZE = 1024 * 1024 * 1024; // span of one PMD page
export const PGDIR_SIZE = 512 * PUD_SIZE; // span of one PUD page
export const USER_TOP = 2 ** 47; // first address above user space
export const TABLE_BYTES = 4096;

export type Level = 'pgd' | 'pud' | 'pmd' | 'pte';
export const LEVELS: readonly Level[] = ['pgd', 'pud', 'pmd', 'pte'];

/** Bytes of address space one entry of a table at this level maps. */
export function entrySpan(level: Level): Bytes {
  switch (level) {
    case 'pgd':
      return PGDIR_SIZE;
    case 'pud':
      return PUD_SIZE;
    case 'pmd':
      return PMD_SIZE;
    case 'pte':
      return PAGE_SIZE;
  }
}

/** Bytes of address space a whole table at this level maps. */
export function tableSpan(level: Level): Bytes {
  return entrySpan(level) * ENTRIES;
}

/** The index into a table of this level that the address selects. */
export function indexAt(level: Level, va: Vaddr): number {
  const q = Math.floor(va / entrySpan(level));
  // q % ENTRIES, without the floating-point remainder (a library call once q passes 2^31) where q > 0.
  return q > 0 ? q - Math.floor(q / ENTRIES) * ENTRIES : q % ENTRIES;
}

/** Rounds down to a multiple of `align` (a power of two, possibly above 2^32). */
export function alignDown(x: number, align: number): number {
  return x - (x % align);
}

/** Rounds up to a multiple of `align`. */
export function alignUp(x: number, align: number): number {
  const r = x % align;
  return r === 0 ? x : x + (align - r);
}

export function isAligned(x: number, align: number): boolean {
  return x % align === 0;
}

/** Formats an address the way the tool shows them: 0x7f00_0000_0000. */
export function hex(va: number): string {
  const digits = va.toString(16);
  const groups: string[] = [];
  for (let end = digits.length; end > 0; end -= 4) groups.unshift(digits.slice(Math.max(0, end - 4), end));
  return '0x' + groups.join('_');
}

/** Formats a byte count in binary units, exact where it divides evenly. */
export function formatBytes(n: Bytes): string {
  const units: [string, number][] = [
    ['TiB', 2 ** 40],
    ['GiB', 2 ** 30],
    ['MiB', 2 ** 20],
    ['KiB', 2 ** 10],
  ];
  for (const [name, size] of units) {
    if (n >= size) {
      const v = n / size;
      return (Number.isInteger(v) ? String(v) : v.toFixed(1)) + ' ' + name;
    }
  }
  return `${n} B`;
}
