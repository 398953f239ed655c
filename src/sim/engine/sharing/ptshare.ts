/**
 * MAP_SHARED_PT as a sharing model (SPEC 1.3): the mmap decision, guest faults
 * (ptshareTouch.ts), mprotect and MADV_DONTNEED on the host's PTEs, unlinking
 * at unmap, and the references guests hold on the host (ptshareHost.ts).
 */
import type { MmapFlags } from '../../commands';
import type { MmId } from '../../events';
import { PMD_SIZE, hex, indexAt, type Vaddr } from '../../geometry';
import { touchSink } from '../alloc';
import { fail, type SyscallError } from '../errors';
import { emit, freeFrames } from '../machine';
import { piecesIn, replaceRange } from '../runs';
import { pmdRunKind } from '../tables';
import { pmdToWrite } from '../walk';
import type { Host, Machine, MemObject, Mm, Vma } from '../state';
import { clearLeavesIn, protectLeaves } from './leaves';
import { eachSpan, type SharingModel } from './model';
import { createHost, dropReference, ineligible, leakReference, mismatch, takeReference } from './ptshareHost';
import { ptshareTouchSpan } from './ptshareTouch';
import { linkWindows } from './ptshareWindows';

const hostOf = (vma: Vma): Mm => (vma.host as Host).mm;

export const ptshare: SharingModel = {
  name: 'shared_pt',
  refuse(op, vma, lo, hi) {
    const h = vma.host as Host;
    if (op === 'munmap' && (lo !== h.start || hi !== h.start + h.len)) return fail('EINVAL', `a MAP_SHARED_PT region (${hex(h.start)}, ${hex(h.len)} bytes) can only be unmapped whole`);
    return null;
  },
  touchWindows: linkWindows,
  touchSpan: (m, mm, vma, a, b, access) => ptshareTouchSpan(m, mm, vma, a, b, access, touchSink(m, mm, vma, access, 'host')),
  // The host's PTEs for the range, whether or not mm has linked its entries (SPEC 1.3,
  // decision); as posted, only what mm's own links reach.
  protectSpan(m, mm, vma, s, a, b, flushed) {
    const pmd = pmdToWrite(m, m.asPosted ? mm : hostOf(vma), a);
    if (pmd !== null) protectLeaves(m, pmd, s, a, b, vma.prot, vma.shared, flushed);
  },
  clearSpan(m, mm, vma, s, a, b, flushed) {
    const pmd = pmdToWrite(m, m.asPosted ? mm : hostOf(vma), a);
    if (pmd !== null) clearLeavesIn(m, pmd, s, a, b, flushed);
  },
  reclaims: false,
  unmapVma(m, mm, vma, flushed) {
    eachSpan(vma.start, vma.end, (s, a, b) => unlink(m, mm, s, a, b, flushed));
  },
  // As posted, only munmap drops the reference: at exit it leaks, and so does the host.
  unmapped(m, mm, gone, teardown) {
    const hosts = new Set(gone.map((v) => v.host).filter((h) => h !== null));
    for (const h of hosts) {
      if (mm.vmas.some((v) => v.host === h)) continue;
      if (teardown && m.asPosted) leakReference(m, h, mm);
      else dropReference(m, h, mm);
    }
  },
  forked(m, child) {
    for (const h of new Set(child.vmas.map((v) => v.host).filter((x) => x !== null))) takeReference(m, h, child);
  },
};

/** Guest PMD entries of [a, b) (in the 1 GiB at s) that link into the host: cleared, nothing freed there. */
function unlink(m: Machine, mm: Mm, s: Vaddr, a: Vaddr, b: Vaddr, flushed: Set<MmId>): void {
  const pmd = pmdToWrite(m, mm, a);
  if (pmd === null) return;
  for (const [x, y, r] of piecesIn(pmd.runs, indexAt('pmd', a), indexAt('pmd', b - 1) + 1)) {
    if (r?.t !== 'link') continue;
    emit(m, { k: 'unlink', mm: mm.id, va: s + x * PMD_SIZE, len: (y - x) * PMD_SIZE, host: r.host.owner.id });
    replaceRange(pmd.runs, pmdRunKind, x, y, []);
    flushed.add(mm.id);
  }
}

/** The MAP_SHARED_PT decision for a new VMA: shared or why not, or ENOMEM for the host's PGD. */
export function planSharedPt(m: Machine, obj: MemObject, vma: Vma, flags: MmapFlags): { shares: boolean; notShared: string | null } | SyscallError {
  let notShared = ineligible(obj, flags.shared || m.asPosted, vma.start, vma.end - vma.start);
  if (notShared === null && obj.host !== null) notShared = mismatch(obj.host, vma.start, vma.end - vma.start, vma.offset);
  if (notShared === null && obj.host === null && freeFrames(m) < 1) return fail('ENOMEM', 'no memory for the host mm');
  return { shares: notShared === null, notShared };
}

/** Joins (or first creates) the file's host for a VMA the plan said shares. */
export function joinHost(m: Machine, mm: Mm, vma: Vma): void {
  const host = vma.obj.host ?? createHost(m, vma);
  vma.host = host;
  takeReference(m, host, mm);
}
