/**
 * mprotect (SPEC 1.2, 1.3, 1.4): new VMA protections, then the populated
 * leaves rewritten; through a MAP_SHARED_PT link the host's PTEs change for
 * every sharer; hugetlb windows shared with others are unshared first.
 */
import { D, NX, P, W, type Bits } from '../bits';
import type { Prot } from '../commands';
import type { MmId } from '../events';
import { PMD_SIZE, PUD_SIZE, alignDown, hex, indexAt, type Bytes, type Vaddr } from '../geometry';
import { fail, isError, userRange, type SyscallError } from './errors';
import { hugetlbCutRefusal } from './munmap';
import { applyLeafOp, type Sink } from './leafops';
import { emit } from './machine';
import { piecesIn, replaceRange } from './runs';
import { seenPieces } from './seen';
import { unsharePmd } from './sharing/hugetlbShare';
import { pmdRunKind, type PmdRun } from './tables';
import { holesIn, isolate, mergeVmas } from './vma';
import { pmdOf } from './walk';
import type { Machine, Mm, Vma } from './state';

/** A leaf's bits under a new protection (docs/ENGINE.md). */
export function protectBits(bits: Bits, prot: Prot, shared: boolean): Bits {
  let b = bits & ~(P | W | NX);
  if (prot.read || prot.write || prot.exec) b |= P;
  if (prot.write && (shared || (bits & D) !== 0)) b |= W;
  if (!prot.exec) b |= NX;
  return b;
}

export function mprotect(m: Machine, mm: Mm, va: Vaddr, rawLen: Bytes, prot: Prot): SyscallError | null {
  const range = userRange(va, rawLen);
  if (range === null || isError(range)) return range;
  const { end } = range;
  const len = end - va;
  // As Linux walks the VMAs in order: a hole at the start fails first, then a hugetlb split.
  const hole = holesIn(mm, va, end)[0];
  if (hole !== undefined && hole[0] === va) return fail('ENOMEM', `no mapping at ${hex(va)}`);
  const cut = hugetlbCutRefusal(mm, va, hole === undefined ? end : hole[0]);
  if (cut !== null) return cut;
  const stop = hole === undefined ? end : hole[0];
  const flushed = new Set<MmId>();
  if (stop > va) {
    for (const v of isolate(mm, va, stop)) protectVma(m, mm, v, prot, flushed);
    mergeVmas(mm);
  }
  if (flushed.size > 0) emit(m, { k: 'tlb', mms: [...flushed].sort((a, b) => a - b), va, len });
  return hole === undefined ? null : fail('ENOMEM', `no mapping at ${hex(hole[0])}`);
}

function protectVma(m: Machine, mm: Mm, v: Vma, prot: Prot, flushed: Set<MmId>): void {
  v.prot = { ...prot };
  for (let s = alignDown(v.start, PUD_SIZE); s < v.end; s += PUD_SIZE) {
    const a = Math.max(v.start, s);
    const b = Math.min(v.end, s + PUD_SIZE);
    // In a MAP_SHARED_PT region the host's PTEs change, linked or not (SPEC 1.3, decision).
    const pmd = pmdOf(v.host !== null ? v.host.mm : mm, a);
    if (pmd === null) continue;
    if (v.obj.kind === 'hugetlb') {
      if (unsharePmd(m, mm, a)) flushed.add(mm.id);
      else protectHuge(m, mm, pmd.runs, s, a, b, prot, v.shared, flushed);
      continue;
    }
    const sink: Sink = {
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
    applyLeafOp(pmd, s, a, b, { populated: (bits) => protectBits(bits, prot, v.shared), fill: null }, null, sink);
  }
}

function protectHuge(m: Machine, mm: Mm, runs: PmdRun[], base: Vaddr, a: Vaddr, b: Vaddr, prot: Prot, shared: boolean, flushed: Set<MmId>): void {
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  for (const [x, y, r] of piecesIn(runs, e0, e1)) {
    if (r?.t !== 'leaf') continue;
    const to = protectBits(r.bits, prot, shared);
    if (to === r.bits) continue;
    replaceRange(runs, pmdRunKind, x, y, [{ ...r, lo: x, hi: y, page0: r.page0 + (x - r.lo) * 512, bits: to }]);
    emit(m, { k: 'prot', mm: mm.id, level: 'pmd', va: base + x * PMD_SIZE, len: (y - x) * PMD_SIZE, bits: to, seenBy: [mm.id] });
    flushed.add(mm.id);
  }
}
