/**
 * msharefs as a sharing model (SPEC 1.5): a window's PGD entries link to the
 * host's PUD pages; faults run in the host (mshareTouch.ts); mprotect, madvise
 * and a partial munmap of a window are refused; a full munmap or exit clears
 * the window's PGD entries and drops its reference (mshareRegion.ts).
 */
import { PGDIR_SIZE, alignDown } from '../../geometry';
import { fail } from '../errors';
import { emit } from '../machine';
import type { MshareRegion } from '../state';
import { DirTable } from '../tables';
import { attachWindow, detachWindow } from './mshareRegion';
import type { SharingModel } from './model';
import { touchWindow } from './mshareTouch';

export const msharefs: SharingModel = {
  name: 'msharefs',
  // Faults go through touchWindow; what reaches here are hits on a window the process may not fault in.
  touchSpan: () => null,
  touchWindow,
  refuse(op, vma, lo, hi) {
    if (op !== 'munmap') return fail('EINVAL', `${op} of an msharefs window is refused (the posted vm_ops refuse it)`);
    if (lo > vma.start || hi < vma.end) return fail('EINVAL', 'an msharefs window can only be unmapped whole');
    return null;
  },
  protectSpan() {},
  clearSpan() {},
  reclaims: false,
  unmapVma(m, mm, vma, flushed) {
    const r = vma.mshare as MshareRegion;
    for (let e = alignDown(vma.start, PGDIR_SIZE); e < vma.end; e += PGDIR_SIZE) {
      const gi = e / PGDIR_SIZE;
      const pud = mm.pgd.children.get(gi);
      if (!(pud instanceof DirTable) || pud.owner === mm) continue;
      mm.pgd.children.delete(gi);
      emit(m, { k: 'unlink', mm: mm.id, va: e, len: PGDIR_SIZE, host: r.mm.id, level: 'pgd' });
      flushed.add(mm.id);
    }
  },
  unmapped(m, mm, gone) {
    for (const v of gone) if (v.mshare !== null) detachWindow(m, v.mshare, mm, v);
  },
  forked(m, child) {
    for (const v of child.vmas) if (v.mshare !== null) attachWindow(m, v.mshare, child, v);
  },
};
