/**
 * mmap and munmap: argument checks in a fixed order, the address (explicit,
 * `fixed` or `auto`), the MAP_SHARED_PT decision, and the new VMA.
 */
import { ANON_FILE, type Command } from '../commands';
import { alignUp, hex, PAGE_SIZE, PMD_SIZE, USER_TOP, type Vaddr } from '../geometry';
import { autoAddress } from '../random';
import { createHost, hostRef, ineligibleReason, NOT_HOST_REGION } from './ptshare';
import { SysError, type Host, type MemObject, type Mm, type Out, type RefState, type Task, type Vma } from './state';
import { attachCmd } from './mshare';
import { dropRegions, unmapRange } from './unmap';
import { checkHugetlbSplit, checkRegionCut, insertVma, isFree, mergeAll } from './vmas';

type MmapCmd = Extract<Command, { op: 'mmap' }>;

/** munmap of [start, start+len): the checks, then the work (SPEC 1.2, 1.3). */
export function munmapRange(st: RefState, out: Out, task: Task, start: Vaddr, len: number): void {
  munmapMm(st, out, task.mm, start, len);
}

/** munmap in any mm (an msharefs host's too, for `NAME unmap`). */
export function munmapMm(st: RefState, out: Out, mm: Mm, start: Vaddr, len: number): void {
  if (start % PAGE_SIZE !== 0) throw new SysError('EINVAL', 'munmap start not page-aligned');
  if (len === 0) throw new SysError('EINVAL', 'munmap of length 0');
  const end = start + alignUp(len, PAGE_SIZE);
  if (end > USER_TOP) throw new SysError('EINVAL', 'munmap range beyond user space');
  checkRegionCut(mm, start, end);
  checkHugetlbSplit(mm, start, end);
  dropRegions(st, out, mm, unmapRange(st, out, mm, start, end, true));
}

function lookupObject(st: RefState, name: string): MemObject | null {
  if (name === ANON_FILE) return null;
  const obj = st.files.get(name);
  if (obj === undefined && !st.regions.has(name)) throw new SysError('EBADF', `no such file: ${name}`);
  if (obj === undefined) return null;
  return obj;
}

export function mmapCmd(st: RefState, out: Out, task: Task, c: MmapCmd, addr: Vaddr | null): void {
  const mm = task.mm;
  const file = lookupObject(st, c.file);
  const f = c.flags;
  if (f.shared === f.private) throw new SysError('EINVAL', 'mmap needs exactly one of shared and private');
  // As posted, MAP_PRIVATE|MAP_SHARED_PT got through, and shared.
  if (f.sharedPt && !f.shared && !st.asPosted) throw new SysError('EINVAL', 'shared_pt needs a shared mapping');
  if (c.len === 0) throw new SysError('EINVAL', 'mmap of length 0');
  const target = file === null && c.file !== ANON_FILE ? st.regions.get(c.file) : undefined;
  if (target !== undefined) {
    const start = attachCmd(st, out, mm, target, c, addr, (a, b) => {
      checkRegionCut(mm, a, b);
      checkHugetlbSplit(mm, a, b);
      dropRegions(st, out, mm, unmapRange(st, out, mm, a, b, true));
    });
    if (c.as !== null) mm.names.set(c.as, start);
    return;
  }
  if (c.offset % PAGE_SIZE !== 0) throw new SysError('EINVAL', 'offset not page-aligned');
  const hugetlb = file !== null && file.hugetlb;
  if (hugetlb && addr !== null && addr % PMD_SIZE !== 0) throw new SysError('EINVAL', 'hugetlb mapping needs a 2 MiB-aligned address');
  const len = alignUp(c.len, hugetlb ? PMD_SIZE : PAGE_SIZE);
  let start: Vaddr;
  if (addr === null) {
    const at = autoAddress(mm.mmapBase, len, mm.vmas);
    if (at === null) throw new SysError('ENOMEM', 'no free address range found');
    start = at;
  } else {
    if (addr % PAGE_SIZE !== 0) throw new SysError('EINVAL', 'mmap address not page-aligned');
    if (addr + len > USER_TOP) throw new SysError('ENOMEM', 'mapping beyond user space');
    start = addr;
    if (!f.fixed) {
      if (!isFree(mm, start, start + len)) throw new SysError('EEXIST', `${hex(start)} overlaps an existing mapping`);
    } else {
      checkRegionCut(mm, start, start + len);
      checkHugetlbSplit(mm, start, start + len);
      dropRegions(st, out, mm, unmapRange(st, out, mm, start, start + len, true));
    }
  }
  // hugetlbfs looks at the offset only once the place is found (and a fixed range unmapped).
  if (hugetlb && c.offset % PMD_SIZE !== 0) throw new SysError('EINVAL', 'hugetlb mapping needs a 2 MiB-aligned offset');
  // A writable shared mapping longer than a hugetlbfs file extends the file.
  if (file !== null && hugetlb && f.shared && c.prot.write && c.offset + len > file.size) file.size = c.offset + len;
  // Anonymous memory: a fresh object per mmap; like Linux's shared anonymous
  // mappings it starts at offset 0 whatever offset was given.
  const obj: MemObject = file ?? {
    name: `anon:${mm.id}:${hex(start)}`,
    kind: 'anon',
    hugetlb: false,
    size: len,
    cached: new Set(),
    host: null,
  };
  const offset = file === null ? 0 : c.offset;

  let region: Host | null = null;
  let created = false;
  let notShared: string | null = null;
  if (f.sharedPt) {
    notShared = ineligibleReason(obj, start, len);
    if (notShared === null) {
      const h = obj.host;
      if (h === null) {
        region = createHost(st, obj, start, len, offset);
        created = true;
      } else if (h.start === start && h.len === len && h.offset === offset) region = h;
      else notShared = NOT_HOST_REGION;
    }
  }
  if (file === null) st.objects.push(obj);
  const vma: Vma = {
    start,
    end: start + len,
    obj,
    offset,
    prot: c.prot,
    shared: f.shared,
    sharedPt: f.sharedPt,
    advice: 'none',
    region,
    anon: false,
    mshare: null,
  };
  insertVma(mm, vma);
  mergeAll(mm);
  const sharing = region !== null ? 'shared_pt' : hugetlb && f.shared ? 'hugetlb' : 'none';
  out.push({ k: 'mmap', mm: mm.id, va: start, len, file: obj.name, sharing, notShared });
  if (region !== null) {
    if (created) out.push({ k: 'host_create', host: region.mm.id, file: obj.name, va: start, len });
    hostRef(out, region, mm.id);
  }
  if (c.as !== null) mm.names.set(c.as, start);
}
