/**
 * The msharefs commands (SPEC 1.5, 2): `mshare NAME SIZE`, `NAME map ...`,
 * `NAME unmap OFFSET LEN`, `unlink NAME`, and attaching a window with
 * `TASK mmap ADDR|auto SIZE PROT shared NAME`.
 */
import type { Command } from '../commands';
import { PAGE_SIZE, USER_TOP, alignUp, hex, isAligned, type Vaddr } from '../geometry';
import { autoAddressBelow } from '../random';
import { fail, type SyscallError } from './errors';
import { emit } from './machine';
import { unmapChecked } from './munmap';
import { attachWindow, createRegion, mapObject, unlinkRegion } from './sharing/models';
import { insertVma, isFree } from './vma';
import type { Machine, MshareRegion, Task, Vma } from './state';

type MshareCommand = Extract<Command, { op: 'mshare' | 'mshare_map' | 'mshare_unmap' | 'unlink' }>;

export function mshareCommand(m: Machine, c: MshareCommand): SyscallError | null {
  switch (c.op) {
    case 'mshare':
      return createRegion(m, c.name, c.size);
    case 'mshare_map':
      return mapObject(m, c);
    case 'unlink':
      return unlinkRegion(m, c.name);
    case 'mshare_unmap': {
      const r = m.regions.get(c.region);
      if (r === undefined) return fail('EBADF', `no msharefs region named ${c.region}`);
      if (!isAligned(c.offset, PAGE_SIZE) || c.len === 0 || c.offset + alignUp(c.len, PAGE_SIZE) > r.size) {
        return fail('EINVAL', `${hex(c.offset)} + ${hex(c.len)} is not a range of ${r.name}`);
      }
      return unmapChecked(m, r.mm, r.base + c.offset, c.len);
    }
  }
}

/** Attaching a window: one VMA the size of the region, MAP_SHARED, aligned to mshare_align. */
export function attach(m: Machine, task: Task, r: MshareRegion, c: Extract<Command, { op: 'mmap' }>, fixedAt: Vaddr | null): Vaddr | SyscallError {
  const mm = task.mm;
  if (c.flags.private) return fail('EINVAL', 'an msharefs region is attached with MAP_SHARED, not MAP_PRIVATE');
  if (c.len !== r.size) return fail('EINVAL', `a window on ${r.name} must be its size, ${hex(r.size)}`);
  if (c.offset !== 0) return fail('EINVAL', 'a window starts at offset 0 of the region');
  if (fixedAt !== null && !isAligned(fixedAt, m.mshareAlign)) return fail('EINVAL', `address ${hex(fixedAt)} is not aligned to mshare_align (${hex(m.mshareAlign)})`);
  let va: Vaddr;
  if (fixedAt === null) {
    const picked = autoAddressBelow(mm.mmapBase, r.size, mm.vmas.descending(mm.mmapBase), m.mshareAlign);
    if (picked === null) return fail('ENOMEM', 'no free address range for the window');
    va = picked;
  } else {
    va = fixedAt;
    if (va + r.size > USER_TOP) return fail('ENOMEM', `${hex(va)} + ${hex(r.size)} is beyond user space`);
    if (c.flags.fixed) {
      const err = unmapChecked(m, mm, va, r.size);
      if (err !== null) return err;
    } else if (!isFree(mm, va, r.size)) return fail('EEXIST', `${hex(va)} overlaps an existing mapping (MAP_FIXED_NOREPLACE)`);
  }
  const vma: Vma = { start: va, end: va + r.size, prot: { ...c.prot }, shared: true, advice: null, obj: r.pseudo, offset: 0, host: null, anon: false, mshare: r };
  emit(m, { k: 'mmap', mm: mm.id, va, len: r.size, file: r.name, sharing: 'msharefs', notShared: null });
  insertVma(mm, vma);
  attachWindow(m, r, mm, vma);
  return va;
}
