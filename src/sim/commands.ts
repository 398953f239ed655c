/**
 * The commands a scenario is made of (SPEC 2), after parsing and bracket
 * expansion: one command per simulated step. The parser produces them, the
 * printer turns them back into text, and every model consumes them.
 */
import type { Bytes, Vaddr } from './geometry';

/** An address as written: absolute, or relative to a mapping named with `as=`. */
export type AddrExpr =
  | { readonly kind: 'abs'; readonly value: Vaddr }
  | { readonly kind: 'named'; readonly name: string; readonly offset: Bytes };

export interface Prot {
  readonly read: boolean;
  readonly write: boolean;
  readonly exec: boolean;
}

export interface MmapFlags {
  readonly shared: boolean;
  readonly private: boolean;
  readonly sharedPt: boolean;
  readonly fixed: boolean;
}

export type Access = 'read' | 'write';
export type Fidelity = 'described' | 'as_posted';
export type Advice = 'dontneed' | 'hugepage' | 'nohugepage';

/** The name a scenario uses for anonymous memory in the FILE position of mmap. */
export const ANON_FILE = '-';

export type Command =
  | {
      readonly op: 'machine';
      readonly ram: Bytes;
      readonly seed: number;
      readonly ptReclaim: boolean;
      /** `fidelity=`: the described design (default) or the posted code's gaps (SPEC 1.3). */
      readonly fidelity?: Fidelity;
      /** `mshare_align=`: msharefs's region alignment (SPEC 1.5; default 512 GiB). */
      readonly mshareAlign?: Bytes;
    }
  | { readonly op: 'file'; readonly name: string; readonly size: Bytes; readonly hugetlb: boolean }
  | { readonly op: 'memfd'; readonly name: string; readonly size: Bytes }
  | { readonly op: 'process'; readonly name: string }
  | { readonly op: 'thread'; readonly parent: string; readonly name: string }
  | { readonly op: 'fork'; readonly parent: string; readonly child: string }
  | {
      readonly op: 'mmap';
      readonly task: string;
      /** null means `auto`: the kernel picks the address from the seed. */
      readonly addr: AddrExpr | null;
      readonly len: Bytes;
      readonly prot: Prot;
      readonly flags: MmapFlags;
      /** A file or memfd name, or ANON_FILE for anonymous memory. */
      readonly file: string;
      readonly offset: Bytes;
      /** `as=NAME`: later commands may write NAME+OFFSET for this mapping's start. */
      readonly as: string | null;
    }
  | {
      readonly op: 'touch';
      readonly task: string;
      readonly addr: AddrExpr;
      /** null: the one page containing addr. */
      readonly len: Bytes | null;
      readonly access: Access;
    }
  | { readonly op: 'mprotect'; readonly task: string; readonly addr: AddrExpr; readonly len: Bytes; readonly prot: Prot }
  | {
      readonly op: 'madvise';
      readonly task: string;
      readonly addr: AddrExpr;
      readonly len: Bytes;
      readonly advice: Advice;
    }
  | { readonly op: 'munmap'; readonly task: string; readonly addr: AddrExpr; readonly len: Bytes }
  | { readonly op: 'exit'; readonly task: string }
  /** msharefs (SPEC 1.5): a region file of SIZE bytes, with its host mm. */
  | { readonly op: 'mshare'; readonly name: string; readonly size: Bytes }
  /** MSHAREFS_CREATE_MAPPING: an object at OFFSET..OFFSET+LEN of the region. */
  | {
      readonly op: 'mshare_map';
      readonly region: string;
      readonly offset: Bytes;
      readonly len: Bytes;
      /** A file or memfd name, or ANON_FILE. */
      readonly file: string;
      readonly fileOffset: Bytes;
      readonly prot: Prot;
    }
  /** MSHAREFS_UNMAP: the objects in OFFSET..OFFSET+LEN of the region go. */
  | { readonly op: 'mshare_unmap'; readonly region: string; readonly offset: Bytes; readonly len: Bytes }
  /** Removes a region file (its host goes once nobody is attached). */
  | { readonly op: 'unlink'; readonly name: string };

export type Op = Command['op'];

/** A command with the scenario line it came from (1-based). */
export interface Located<T = Command> {
  readonly line: number;
  readonly command: T;
}

export const DEFAULT_RAM: Bytes = 64 * 2 ** 30;
export const DEFAULT_SEED = 1;
export const DEFAULT_MSHARE_ALIGN: Bytes = 512 * 2 ** 30;

export function protString(p: Prot): string {
  const s = (p.read ? 'r' : '') + (p.write ? 'w' : '') + (p.exec ? 'x' : '');
  return s === '' ? 'none' : s;
}

/** Removes every shared_pt flag: the baseline side of a comparison (SPEC 3). */
export function withoutSharedPt(commands: readonly Located[]): Located[] {
  return commands.map((c) =>
    c.command.op === 'mmap' && c.command.flags.sharedPt
      ? { line: c.line, command: { ...c.command, flags: { ...c.command.flags, sharedPt: false } } }
      : c,
  );
}
