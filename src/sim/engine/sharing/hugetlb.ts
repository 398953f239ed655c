/**
 * hugetlb PMD sharing as a sharing model (SPEC 1.4): faults share a partner's
 * PMD page (hugetlbTouch.ts, hugetlbShare.ts); mprotect, MADV_DONTNEED and
 * munmap over a window whose PMD page has other users unshare the caller's
 * window first, and act on the PMD leaves of what stays private.
 */
import type { MmId } from '../../events';
import { PMD_SIZE, indexAt, type Vaddr } from '../../geometry';
import { emit } from '../machine';
import { piecesIn, replaceRange } from '../runs';
import { pmdRunKind, type PmdRun, type PmdTable } from '../tables';
import { pmdToWrite } from '../walk';
import type { Machine, Mm, Vma } from '../state';
import { protectBits } from './leaves';
import { seenPieces } from '../seen';
import { eachSpan, type SharingModel } from './model';
import { hugetlbTouchSpan } from './hugetlbTouch';
import { unsharePmd } from './hugetlbShare';

export const hugetlb: SharingModel = {
  name: 'hugetlb',
  touchSpan: hugetlbTouchSpan,
  protectSpan(m, mm, vma, s, a, b, flushed) {
    const pmd = pmdToWrite(m, mm, a);
    if (pmd === null) return;
    if (unsharePmd(m, mm, a)) flushed.add(mm.id);
    else protectHuge(m, mm, pmd.runs, s, a, b, vma, flushed);
  },
  clearSpan(m, mm, _vma, s, a, b, flushed) {
    const pmd = pmdToWrite(m, mm, a);
    if (pmd === null) return;
    if (unsharePmd(m, mm, a)) flushed.add(mm.id);
    else clearHugeLeaves(m, mm, pmd, s, a, b, flushed);
  },
  reclaims: false,
  unmapVma(m, mm, vma, flushed) {
    eachSpan(vma.start, vma.end, (s, a, b) => hugetlb.clearSpan(m, mm, vma, s, a, b, flushed, vma.end));
  },
  unmapped() {},
  forked() {},
};

function protectHuge(m: Machine, mm: Mm, runs: PmdRun[], base: Vaddr, a: Vaddr, b: Vaddr, vma: Vma, flushed: Set<MmId>): void {
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  for (const [x, y, r] of piecesIn(runs, e0, e1)) {
    if (r?.t !== 'leaf') continue;
    const to = protectBits(r.bits, vma.prot, vma.shared);
    if (to === r.bits) continue;
    replaceRange(runs, pmdRunKind, x, y, [{ ...r, lo: x, hi: y, page0: r.page0 + (x - r.lo) * 512, bits: to }]);
    emit(m, { k: 'prot', mm: mm.id, level: 'pmd', va: base + x * PMD_SIZE, len: (y - x) * PMD_SIZE, bits: to, seenBy: [mm.id] });
    flushed.add(mm.id);
  }
}

function clearHugeLeaves(m: Machine, mm: Mm, pmd: PmdTable, base: Vaddr, a: Vaddr, b: Vaddr, flushed: Set<MmId>): void {
  const e0 = indexAt('pmd', a);
  const e1 = indexAt('pmd', b - 1) + 1;
  for (const [x, y, r] of piecesIn(pmd.runs, e0, e1)) {
    if (r?.t !== 'leaf') continue;
    // Who sees it: this mm, and the windows linking to it when mm is an msharefs host.
    for (const [va, len, seen] of seenPieces(m, pmd, base + x * PMD_SIZE, (y - x) * PMD_SIZE)) {
      emit(m, { k: 'clear', mm: mm.id, level: 'pmd', va, len, seenBy: seen });
      seen.forEach((id) => flushed.add(id));
    }
    replaceRange(pmd.runs, pmdRunKind, x, y, []);
  }
}
