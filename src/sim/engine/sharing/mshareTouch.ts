/**
 * A touch of an msharefs window (SPEC 1.5): a PGD entry of the window that is
 * empty takes a link fault that points it at the host's PUD page (allocated in
 * the host if missing); then the fault runs in the host against its objects:
 * no object there is SIGSEGV, else the host's PMD and PTE pages are allocated
 * and charged to the host. The window's process is charged nothing.
 */
import type { Access } from '../../commands';
import { PAGE_SIZE, PGDIR_SIZE, PUD_SIZE, alignDown, alignUp, hex, indexAt, type Vaddr } from '../../geometry';
import { ensurePud, touchSink } from '../alloc';
import { leafAllows, vmaAllows } from '../faultbits';
import { emit, freeFrames, hoistFirstFault } from '../machine';
import type { OomPoint } from '../oom';
import { findVma } from '../vma';
import { pudOf, walkLeaf } from '../walk';
import type { Machine, Mm, MshareRegion, Task, Vma } from '../state';
import type { TouchKit } from './model';
import { normalTouchSpan } from './plainTouch';
import { hugetlbTouchSpan } from './hugetlbTouch';

export function touchWindow(m: Machine, task: Task, vma: Vma, lo: Vaddr, hi: Vaddr, access: Access, kit: TouchKit): boolean {
  const r = vma.mshare as MshareRegion;
  const shift = r.base - vma.start;
  for (let e = alignDown(lo, PGDIR_SIZE); e < hi; e += PGDIR_SIZE) {
    const a = Math.max(lo, e);
    const b = Math.min(hi, e + PGDIR_SIZE);
    if (!linkEntry(m, task.mm, r, e, shift, access)) return kit.oom({ va: a, need: 'pud' }), false;
    for (let at = a; at < b; ) {
      const object = findVma(r.mm, at + shift);
      if (object === null) return kit.kill(at, 'SIGSEGV', `no object of ${r.name} at ${hex(at)}`), false;
      const end = Math.min(b, object.end - shift);
      if (!objectSegment(m, task, r, object, at, end, shift, access, kit)) return false;
      at = end;
    }
  }
  return true;
}

/** The link fault of a window's empty PGD entry at e; false when the host's PUD page cannot be had. */
function linkEntry(m: Machine, guest: Mm, r: MshareRegion, e: Vaddr, shift: number, access: Access): boolean {
  const gi = indexAt('pgd', e);
  if (guest.pgd.children.has(gi)) return true;
  if (pudOf(r.mm, e + shift) === null && freeFrames(m) < 1) return false;
  emit(m, { k: 'fault', mm: guest.id, va: e, len: PGDIR_SIZE, access, kind: 'link' });
  guest.pgd.children.set(gi, ensurePud(m, r.mm, e + shift));
  emit(m, { k: 'link', mm: guest.id, va: e, len: PGDIR_SIZE, host: r.mm.id, level: 'pgd' });
  return true;
}

/** The part [lo, hi) of a window over one host object, faulted in the host. */
function objectSegment(m: Machine, task: Task, r: MshareRegion, object: Vma, lo: Vaddr, hi: Vaddr, shift: number, access: Access, kit: TouchKit): boolean {
  if (!vmaAllows(object, access)) {
    // The MMU lets populated leaves through; the first that faults is refused by the object.
    for (let va = lo; va < hi; va += PAGE_SIZE) {
      const w = walkLeaf(task.mm, va);
      if (w.leaf !== null && leafAllows(w.leaf.bits, access)) continue;
      const what = access === 'write' && (object.prot.read || object.prot.exec) ? 'write to a read-only mapping' : 'access to a PROT_NONE mapping';
      return kit.kill(va, 'SIGSEGV', what), false;
    }
    return true;
  }
  const eof = object.start + (alignUp(object.obj.size, PAGE_SIZE) - object.offset) - shift;
  const end = Math.min(hi, Math.max(lo, eof));
  for (let s = alignDown(lo, PUD_SIZE); s < end; s += PUD_SIZE) {
    const a = Math.max(lo, s);
    const b = Math.min(end, s + PUD_SIZE);
    const from = m.events.length;
    const oom: OomPoint | null =
      object.obj.kind === 'hugetlb'
        ? hugetlbTouchSpan(m, r.mm, object, a + shift, b + shift, access)
        : normalTouchSpan(m, r.mm, object, a + shift, b + shift, access, touchSink(m, task.mm, object, access, 'host', -shift));
    hoistFirstFault(m, from);
    if (oom !== null) return kit.oom({ va: oom.va - shift, need: oom.need }), false;
  }
  if (end < hi) return kit.kill(end, 'SIGBUS', `${hex(end)} is past the end of ${object.obj.name}`), false;
  return true;
}
