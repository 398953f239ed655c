/**
 * mmap (SPEC 1.2, 1.3, 2): checks in the kernel's order, the address (fixed,
 * no-replace or seeded `auto`), the VMA, and the MAP_SHARED_PT decision.
 */
import type { Command } from '../commands';
import { ANON_FILE } from '../commands';
import { PAGE_SIZE, PMD_SIZE, USER_TOP, alignUp, hex, isAligned, type Vaddr } from '../geometry';
import { autoAddressBelow } from '../random';
import { emit } from './machine';
import { joinHost, planSharedPt } from './sharing/models';
import { fail, isError, type SyscallError } from './errors';
import { unmapChecked } from './munmap';
import { attach } from './mshare';
import { insertVma, isFree, mergeVmas } from './vma';
import { newObject, type Machine, type MemObject, type Task, type Vma } from './state';

type MmapCommand = Extract<Command, { op: 'mmap' }>;

/** Performs mmap; returns the start address, or an error. */
export function mmap(m: Machine, task: Task, c: MmapCommand, fixedAt: Vaddr | null): Vaddr | SyscallError {
  const mm = task.mm;
  // The order of the checks (docs/ENGINE.md): the file, the flags, the length, the offset, the address.
  const anon = c.file === ANON_FILE;
  const existing = anon ? null : m.objects.get(c.file);
  const region = existing === undefined ? m.regions.get(c.file) : undefined;
  if (!anon && existing === undefined && region === undefined) return fail('EBADF', `no file or memfd named ${c.file}`);
  if (c.flags.shared === c.flags.private) return fail('EINVAL', 'mmap needs exactly one of shared and private');
  // As posted, MAP_PRIVATE|MAP_SHARED_PT got through (and shared).
  if (c.flags.sharedPt && c.flags.private && !m.asPosted) return fail('EINVAL', 'MAP_SHARED_PT needs MAP_SHARED, not MAP_PRIVATE');
  if (c.len === 0) return fail('EINVAL', 'mmap of length 0');
  if (region !== undefined) return attach(m, task, region, c, fixedAt);
  if (!isAligned(c.offset, PAGE_SIZE)) return fail('EINVAL', `offset ${hex(c.offset)} is not page-aligned`);
  const huge = existing?.kind === 'hugetlb';
  const align = huge ? PMD_SIZE : PAGE_SIZE;
  if (fixedAt !== null && !isAligned(fixedAt, align)) return fail('EINVAL', `address ${hex(fixedAt)} is not ${huge ? '2 MiB' : 'page'}-aligned`);
  const len = alignUp(c.len, align);

  let va: Vaddr;
  if (fixedAt === null) {
    const picked = autoAddressBelow(mm.mmapBase, len, mm.vmas.descending(mm.mmapBase));
    if (picked === null) return fail('ENOMEM', 'no free address range for an auto mapping');
    va = picked;
  } else {
    va = fixedAt;
    if (va + len > USER_TOP) return fail('ENOMEM', `${hex(va)} + ${hex(len)} is beyond user space`);
    if (c.flags.fixed) {
      const err = unmapChecked(m, mm, va, len);
      if (err !== null) return err;
    } else if (!isFree(mm, va, len)) return fail('EEXIST', `${hex(va)} overlaps an existing mapping (MAP_FIXED_NOREPLACE)`);
  }

  // hugetlbfs checks the offset in its own mmap, after the placement (and a fixed unmap), as measured.
  if (huge && !isAligned(c.offset, PMD_SIZE)) return fail('EINVAL', `a hugetlb offset must be 2 MiB-aligned`);
  // A writable shared mapping past the end of a hugetlbfs file extends the file (SPEC 1.4).
  if (huge && existing !== undefined && c.flags.shared && c.prot.write && c.offset + len > existing.size) existing.size = c.offset + len;
  const obj: MemObject = existing ?? newObject(`anon:${mm.id}:${hex(va)}`, 'anon', len);
  if (anon) m.anon.add(obj);
  const vma: Vma = {
    start: va,
    end: va + len,
    prot: { ...c.prot },
    shared: c.flags.shared,
    advice: null,
    obj,
    // Like Linux's shared anonymous memory, an anonymous object starts at offset 0.
    offset: anon ? 0 : c.offset,
    host: null,
    anon: false,
    mshare: null,
  };
  let sharing: 'none' | 'shared_pt' | 'hugetlb' = huge && c.flags.shared ? 'hugetlb' : 'none';
  let notShared: string | null = null;
  if (c.flags.sharedPt) {
    const plan = planSharedPt(m, obj, vma, c.flags);
    if (isError(plan)) return plan;
    notShared = plan.notShared;
    if (plan.shares) sharing = 'shared_pt';
  }
  emit(m, { k: 'mmap', mm: mm.id, va, len, file: obj.name, sharing, notShared });
  if (sharing === 'shared_pt') joinHost(m, mm, vma);
  insertVma(mm, vma);
  mergeVmas(mm, vma.start, vma.end);
  return va;
}
