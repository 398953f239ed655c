/**
 * Plain tables (SPEC 1.2): every mm builds its own PUD, PMD and PTE pages for
 * a mapping; nothing is shared but the file pages. Only here do PUD runs
 * (pudruns.ts) arise: a touch of whole empty GiB windows keeps them as runs,
 * and an operation on such a window works on the run where it can.
 */
import { PAGE_SIZE } from '../../geometry';
import { applyLeafOp } from '../leafops';
import { touchSink } from '../alloc';
import { applyOnRun, runWindowAt } from '../pudruns';
import { pmdToWrite } from '../walk';
import { CLEAR, clearSink, protectOp, protectSink } from './leaves';
import { eachSpan, type SharingModel } from './model';
import { normalTouchSpan, touchOnePage, touchOnRun } from './plainTouch';
import { touchWindows } from './plainWindows';

export const plain: SharingModel = {
  name: 'plain',
  touchWindows,
  touchSpan(m, mm, vma, a, b, access) {
    if (b - a === PAGE_SIZE && touchOnePage(m, mm, vma, a, access)) return null;
    if (touchOnRun(m, mm, vma, a, b, access)) return null;
    return normalTouchSpan(m, mm, vma, a, b, access, touchSink(m, mm, vma, access, 'normal'));
  },
  protectSpan(m, mm, vma, s, a, b, flushed) {
    const op = protectOp(vma.prot, vma.shared);
    const sink = protectSink(m, flushed);
    const w = runWindowAt(mm, a);
    if (w !== null && applyOnRun(w, s, a, b, op, null, sink)) return;
    const pmd = pmdToWrite(m, mm, a);
    if (pmd !== null) applyLeafOp(pmd, s, a, b, op, null, sink);
  },
  clearSpan(m, mm, _vma, s, a, b, flushed) {
    const sink = clearSink(m, flushed);
    const w = runWindowAt(mm, a);
    if (w !== null && applyOnRun(w, s, a, b, CLEAR, null, sink)) return;
    const pmd = pmdToWrite(m, mm, a);
    if (pmd !== null) applyLeafOp(pmd, s, a, b, CLEAR, null, sink);
  },
  reclaims: true,
  unmapVma(m, mm, vma, flushed) {
    eachSpan(vma.start, vma.end, (s, a, b) => plain.clearSpan(m, mm, vma, s, a, b, flushed));
  },
  unmapped() {},
  forked() {},
};
