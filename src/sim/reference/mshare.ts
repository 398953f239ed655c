/**
 * msharefs (SPEC 1.5), one table and one page at a time: a region file with a
 * host mm ("mshare:NAME") holding its objects as VMAs; windows attached by
 * mmap whose PGD entries link to the host's PUD pages; faults that run in the
 * host; the host's life while the file exists or a window is attached.
 */
import { ANON_FILE, type Command } from '../commands';
import { alignDown, alignUp, hex, indexAt, PAGE_SIZE, PGDIR_SIZE, PMD_SIZE, USER_TOP, type Vaddr } from '../geometry';
import { autoAddress } from '../random';
import { ensureChild, hugetlbFault, writeLeaf } from './fault';
import { SysError, type MemObject, type Mm, type Out, type RefRegion, type RefState, type Vma } from './state';
import { framesFree, linkChild, newTable, unlinkChild } from './tables';
import { insertVma, isFree, mergeAll } from './vmas';

type Cmd<K extends Command['op']> = Extract<Command, { op: K }>;

export function mshareCmd(st: RefState, out: Out, c: Cmd<'mshare'>): void {
  if (st.files.has(c.name) || st.regions.has(c.name)) throw new SysError('EEXIST', `name already used: ${c.name}`);
  if (c.size === 0 || c.size % st.mshareAlign !== 0) throw new SysError('EINVAL', 'region size not a multiple of mshare_align');
  const base = st.mshareAlign;
  if (base + c.size > USER_TOP) throw new SysError('EINVAL', 'region larger than the host address space');
  if (framesFree(st) < 1) throw new SysError('ENOMEM', 'no memory for the host mm');
  const mm: Mm = { id: st.mms.length + 1, name: `mshare:${c.name}`, isHost: true, pgd: null, vmas: [], chargedPages: 0, alive: true, names: new Map(), mmapBase: 0 };
  st.mms.push(mm);
  mm.pgd = newTable(st, mm, 'pgd', 0);
  const pseudo: MemObject = { name: c.name, kind: 'file', hugetlb: false, size: c.size, cached: new Set(), host: null };
  const r: RefRegion = { name: c.name, size: c.size, mm, base, pseudo, windows: [], unlinked: false };
  st.regions.set(c.name, r);
  st.mshares.push(r);
  out.push({ k: 'host_create', host: mm.id, file: c.name, va: base, len: c.size });
}

function regionOf(st: RefState, name: string): RefRegion {
  const r = st.regions.get(name);
  if (r === undefined) throw new SysError('EBADF', `no region ${name}`);
  return r;
}

function checkRange(r: RefRegion, offset: number, len: number): void {
  if (offset % PAGE_SIZE !== 0 || len % PAGE_SIZE !== 0 || len === 0) throw new SysError('EINVAL', 'range not page-aligned or empty');
  if (offset + len > r.size) throw new SysError('EINVAL', 'range past the end of the region');
}

export function mshareMapCmd(st: RefState, out: Out, c: Cmd<'mshare_map'>): void {
  const r = regionOf(st, c.region);
  checkRange(r, c.offset, c.len);
  const file = c.file === ANON_FILE ? null : st.files.get(c.file);
  if (file === undefined) throw new SysError('EBADF', `no such file: ${c.file}`);
  if (c.fileOffset % PAGE_SIZE !== 0) throw new SysError('EINVAL', 'offset not page-aligned');
  const huge = file?.hugetlb === true;
  if (huge && (c.offset % PMD_SIZE !== 0 || c.fileOffset % PMD_SIZE !== 0)) throw new SysError('EINVAL', 'hugetlb offsets not 2 MiB-aligned');
  const start = r.base + c.offset;
  const end = huge ? Math.min(r.base + r.size, alignUp(start + c.len, PMD_SIZE)) : start + c.len;
  if (!isFree(r.mm, start, end)) throw new SysError('EEXIST', 'overlaps an object');
  const obj: MemObject = file ?? { name: `anon:${r.mm.id}:${hex(start)}`, kind: 'anon', hugetlb: false, size: c.len, cached: new Set(), host: null };
  if (file === null) st.objects.push(obj);
  const v: Vma = { start, end, obj, offset: file === null ? 0 : c.fileOffset, prot: c.prot, shared: true, sharedPt: false, advice: 'none', region: null, anon: false, mshare: null };
  out.push({ k: 'mmap', mm: r.mm.id, va: start, len: end - start, file: obj.name, sharing: huge ? 'hugetlb' : 'none', notShared: null });
  insertVma(r.mm, v);
  mergeAll(r.mm);
}

/** The host range of `NAME unmap OFFSET LEN`, checked. */
export function mshareUnmapRange(st: RefState, c: Cmd<'mshare_unmap'>): { mm: Mm; start: Vaddr; len: number } {
  const r = regionOf(st, c.region);
  if (c.offset % PAGE_SIZE !== 0 || c.len === 0 || c.offset + alignUp(c.len, PAGE_SIZE) > r.size) throw new SysError('EINVAL', 'not a range of the region');
  return { mm: r.mm, start: r.base + c.offset, len: c.len };
}

/** mmap of a region: a window the region's size, MAP_SHARED, aligned to mshare_align. */
export function attachCmd(st: RefState, out: Out, mm: Mm, r: RefRegion, c: Cmd<'mmap'>, addr: Vaddr | null, unmapFixed: (start: Vaddr, end: Vaddr) => void): Vaddr {
  if (c.flags.private) throw new SysError('EINVAL', 'a region needs MAP_SHARED');
  if (c.len !== r.size) throw new SysError('EINVAL', 'a window must be the region size');
  if (c.offset !== 0) throw new SysError('EINVAL', 'a window starts at offset 0');
  if (addr !== null && addr % st.mshareAlign !== 0) throw new SysError('EINVAL', 'window address not aligned to mshare_align');
  let start: Vaddr;
  if (addr === null) {
    const at = autoAddress(mm.mmapBase, r.size, mm.vmas, st.mshareAlign);
    if (at === null) throw new SysError('ENOMEM', 'no free address range found');
    start = at;
  } else {
    if (addr + r.size > USER_TOP) throw new SysError('ENOMEM', 'mapping beyond user space');
    start = addr;
    if (c.flags.fixed) unmapFixed(start, start + r.size);
    else if (!isFree(mm, start, start + r.size)) throw new SysError('EEXIST', `${hex(start)} overlaps an existing mapping`);
  }
  const v: Vma = { start, end: start + r.size, obj: r.pseudo, offset: 0, prot: c.prot, shared: true, sharedPt: false, advice: 'none', region: null, anon: false, mshare: r };
  out.push({ k: 'mmap', mm: mm.id, va: start, len: r.size, file: r.name, sharing: 'msharefs', notShared: null });
  insertVma(mm, v);
  attachWindow(out, r, mm, v);
  return start;
}

export function attachWindow(out: Out, r: RefRegion, mm: Mm, v: Vma): void {
  r.windows.push({ mm, vma: v });
  out.push({ k: 'host_ref', host: r.mm.id, mm: mm.id, refcount: r.windows.length });
}

/** A window's fault: link its PGD entry, or fault in the host; a signal as [signal, reason], or null. */
export function windowFault(st: RefState, out: Out, mm: Mm, vma: Vma, va: Vaddr, access: 'read' | 'write'): ['SIGSEGV' | 'SIGBUS', string] | null {
  const r = vma.mshare as RefRegion;
  const hostVa = va - vma.start + r.base;
  const pgd = mm.pgd!;
  const gi = indexAt('pgd', va);
  if (pgd.entries[gi] === undefined) {
    const pud = ensureChild(st, out, r.mm.pgd!, r.mm, hostVa);
    linkChild(pgd, gi, pud);
    const e = alignDown(va, PGDIR_SIZE);
    out.push({ k: 'fault', mm: mm.id, va: e, len: PGDIR_SIZE, access, kind: 'link' });
    out.push({ k: 'link', mm: mm.id, va: e, len: PGDIR_SIZE, host: r.mm.id, level: 'pgd' });
    return null;
  }
  const object = r.mm.vmas.find((v) => v.start <= hostVa && hostVa < v.end);
  if (object === undefined) return ['SIGSEGV', `no object of ${r.name} at ${hex(va)}`];
  const p = object.prot;
  if (!p.read && !p.write && !p.exec) return ['SIGSEGV', 'access to a PROT_NONE mapping'];
  if (access === 'write' && !p.write) return ['SIGSEGV', 'write to a read-only mapping'];
  if (object.offset + (hostVa - object.start) >= alignUp(object.obj.size, PAGE_SIZE)) return ['SIGBUS', `past the end of ${object.obj.name}`];
  // (choice) a hugetlbfs object's fault is the host's own, as hugetlb faults are (kind hugetlb).
  if (object.obj.hugetlb) return hugetlbFault(st, out, r.mm, object, hostVa, access), null;
  const pud = ensureChild(st, out, r.mm.pgd!, r.mm, hostVa);
  const pmd = ensureChild(st, out, pud, r.mm, hostVa);
  const pte = ensureChild(st, out, pmd, r.mm, hostVa);
  writeLeaf(st, out, pte, mm, object, hostVa, access);
  out.push({ k: 'fault', mm: mm.id, va, len: PAGE_SIZE, access, kind: 'host' });
  return null;
}

/** munmap/exit of windows in [start, end): their PGD entries cleared. */
export function unlinkWindows(out: Out, mm: Mm, start: Vaddr, end: Vaddr): boolean {
  let any = false;
  for (const v of mm.vmas) {
    if (v.mshare === null || v.end <= start || v.start >= end) continue;
    for (let e = v.start; e < v.end; e += PGDIR_SIZE) {
      const gi = indexAt('pgd', e);
      const entry = mm.pgd?.entries[gi];
      if (entry === undefined || entry.kind !== 'table' || entry.table.owner === mm) continue;
      unlinkChild(mm.pgd!, gi);
      out.push({ k: 'unlink', mm: mm.id, va: e, len: PGDIR_SIZE, host: v.mshare.mm.id, level: 'pgd' });
      any = true;
    }
  }
  return any;
}

/** Windows of mm that are gone (in address order): their references drop; a host goes if unlinked. */
export function detachGone(st: RefState, out: Out, mm: Mm, release: (r: RefRegion) => void): void {
  const gone = st.mshares.flatMap((r) => r.windows.filter((w) => w.mm === mm && !mm.vmas.includes(w.vma)).map((w) => ({ r, w })));
  gone.sort((a, b) => a.w.vma.start - b.w.vma.start);
  for (const { r, w } of gone) {
    r.windows = r.windows.filter((x) => x !== w);
    out.push({ k: 'host_unref', host: r.mm.id, mm: mm.id, refcount: r.windows.length });
    if (r.windows.length === 0 && r.unlinked) release(r);
  }
}

