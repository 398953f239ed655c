/**
 * Rewriting and clearing the PTEs of one PMD page over a range, with who sees
 * each change (`seenBy`, the mms to flush): what mprotect and MADV_DONTNEED do to
 * an ordinary mapping's tables and, through the same code, to a host's.
 */
import { D, NX, P, W, type Bits } from '../../bits';
import type { Prot } from '../../commands';
import type { MmId } from '../../events';
import { applyLeafOp, type LeafOp, type Sink } from '../leafops';
import { emit } from '../machine';
import { seenPieces } from '../seen';
import type { PmdTable } from '../tables';
import type { Machine } from '../state';
import type { Vaddr } from '../../geometry';

/** A leaf's bits under a new protection (docs/ENGINE.md). */
export function protectBits(bits: Bits, prot: Prot, shared: boolean): Bits {
  let b = bits & ~(P | W | NX);
  if (prot.read || prot.write || prot.exec) b |= P;
  if (prot.write && (shared || (bits & D) !== 0)) b |= W;
  if (!prot.exec) b |= NX;
  return b;
}

/** mprotect as a leaf operation: each populated leaf's bits under `prot`. */
export function protectOp(prot: Prot, shared: boolean): LeafOp {
  return { populated: (bits) => protectBits(bits, prot, shared), fill: null };
}

/** A sink for protection changes: `prot` events with who sees them; collects the mms to flush. */
export function protectSink(m: Machine, flushed: Set<MmId>): Sink {
  return {
    filled() {},
    allocated() {},
    cleared() {},
    changed(t, cva, clen, _from, to) {
      for (const [pva, plen, seen] of seenPieces(m, t, cva, clen)) {
        emit(m, { k: 'prot', mm: t.owner.id, level: 'pte', va: pva, len: plen, bits: to, seenBy: seen });
        seen.forEach((id) => flushed.add(id));
      }
    },
  };
}

/** Rewrites the populated leaves of [a, b) in `pmd` (the 1 GiB at s) under `prot`. */
export function protectLeaves(m: Machine, pmd: PmdTable, s: Vaddr, a: Vaddr, b: Vaddr, prot: Prot, shared: boolean, flushed: Set<MmId>): void {
  applyLeafOp(pmd, s, a, b, protectOp(prot, shared), null, protectSink(m, flushed));
}

/** A sink for clears: `clear` events with who sees them; collects the mms to flush. */
export function clearSink(m: Machine, flushed: Set<MmId>): Sink {
  return {
    filled() {},
    changed() {},
    allocated() {},
    cleared(pmd, va, len) {
      for (const [v, l, seen] of seenPieces(m, pmd, va, len)) {
        emit(m, { k: 'clear', mm: pmd.owner.id, level: 'pte', va: v, len: l, seenBy: seen });
        seen.forEach((id) => flushed.add(id));
      }
    },
  };
}

/** MADV_DONTNEED and unmap as a leaf operation: every populated leaf cleared. */
export const CLEAR: LeafOp = { populated: () => null, fill: null };

/** Clears the populated leaves of [a, b) in `pmd` (the 1 GiB at s). */
export function clearLeavesIn(m: Machine, pmd: PmdTable, s: Vaddr, a: Vaddr, b: Vaddr, flushed: Set<MmId>): void {
  applyLeafOp(pmd, s, a, b, CLEAR, null, clearSink(m, flushed));
}
