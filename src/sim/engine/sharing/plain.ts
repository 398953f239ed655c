/**
 * Plain tables (SPEC 1.2): every mm builds its own PUD, PMD and PTE pages for
 * a mapping; nothing is shared but the file pages.
 */
import { PAGE_SIZE } from '../../geometry';
import { touchSink } from '../alloc';
import { pmdOf } from '../walk';
import { clearLeavesIn, protectLeaves } from './leaves';
import { eachSpan, type SharingModel } from './model';
import { normalTouchSpan, touchOnePage } from './plainTouch';

export const plain: SharingModel = {
  name: 'plain',
  touchSpan(m, mm, vma, a, b, access) {
    if (b - a === PAGE_SIZE && touchOnePage(m, mm, vma, a, access)) return null;
    return normalTouchSpan(m, mm, vma, a, b, access, touchSink(m, mm, vma, access, 'normal'));
  },
  protectSpan(m, mm, vma, s, a, b, flushed) {
    const pmd = pmdOf(mm, a);
    if (pmd !== null) protectLeaves(m, pmd, s, a, b, vma.prot, vma.shared, flushed);
  },
  clearSpan(m, mm, _vma, s, a, b, flushed) {
    const pmd = pmdOf(mm, a);
    if (pmd !== null) clearLeavesIn(m, pmd, s, a, b, flushed);
  },
  reclaims: true,
  unmapVma(m, mm, vma, flushed) {
    eachSpan(vma.start, vma.end, (s, a, b) => plain.clearSpan(m, mm, vma, s, a, b, flushed));
  },
  unmapped() {},
  forked() {},
};
