/**
 * Plain tables (SPEC 1.2): every mm builds its own PUD, PMD and PTE pages for
 * a mapping; nothing is shared but the file pages. Only here do PUD runs
 * (pudruns.ts) arise: a touch of whole empty GiB windows keeps them as runs,
 * and an operation on such a window works on the run where it can.
 */
import { PAGE_SIZE, type Vaddr } from '../../geometry';
import { applyLeafOp, type LeafOp, type Sink } from '../leafops';
import type { Machine, Mm } from '../state';
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
    if (touchOnRun(m, mm, vma, a, b, access) !== null) return null;
    return normalTouchSpan(m, mm, vma, a, b, access, touchSink(m, mm, vma, access, 'normal'));
  },
  protectSpan(m, mm, vma, s, a, b, flushed, end) {
    return leafSpan(m, mm, s, a, b, end, protectOp(vma.prot, vma.shared), protectSink(m, flushed));
  },
  clearSpan(m, mm, _vma, s, a, b, flushed, end) {
    return leafSpan(m, mm, s, a, b, end, CLEAR, clearSink(m, flushed));
  },
  reclaims: true,
  unmapVma(m, mm, vma, flushed) {
    eachSpan(vma.start, vma.end, (s, a, b) => plain.clearSpan(m, mm, vma, s, a, b, flushed, vma.end));
  },
  unmapped() {},
  forked() {},
};

/** A leaf operation over [a, b) of the span at s (going on to `end`): on a PUD run where it can be, else on the PMD page; where it got to. */
function leafSpan(m: Machine, mm: Mm, s: Vaddr, a: Vaddr, b: Vaddr, end: Vaddr, op: LeafOp, sink: Sink): Vaddr {
  const w = runWindowAt(mm, a);
  const done = w === null ? null : applyOnRun(w, s, a, b, op, null, sink, end);
  if (done !== null) return done;
  const pmd = pmdToWrite(m, mm, a);
  if (pmd !== null) applyLeafOp(pmd, s, a, b, op, null, sink);
  return b;
}
