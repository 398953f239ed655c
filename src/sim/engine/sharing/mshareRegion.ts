/**
 * msharefs regions (SPEC 1.5, the 2025 v3 series): a region file with a host
 * mm ("mshare:NAME") whose VMAs are the objects placed in it, windows that
 * processes attach with mmap, and the host's life: while the file exists or
 * any window is attached.
 */
import { ANON_FILE, type Command } from '../../commands';
import { PAGE_SIZE, PMD_SIZE, USER_TOP, alignUp, hex, isAligned, type Vaddr } from '../../geometry';
import { fail, type SyscallError } from '../errors';
import { emit, freeFrames } from '../machine';
import { freeMm, newMm } from '../mm';
import { releaseAnon, freeEmptyTables } from '../tablesfree';
import { insertVma, isFree, isolate, mergeVmas, removeVmas } from '../vma';
import { newObject, type Machine, type Mm, type MshareRegion, type Vma } from '../state';
import { hugetlb } from './hugetlb';
import { plain } from './plain';

/** `mshare NAME SIZE`: the region file and its host mm. */
export function createRegion(m: Machine, name: string, size: number): SyscallError | null {
  if (m.objects.has(name) || m.regions.has(name)) return fail('EEXIST', `a file named ${name} exists`);
  if (size === 0 || size % m.mshareAlign !== 0) return fail('EINVAL', `an msharefs region's size must be a multiple of ${hex(m.mshareAlign)} (mshare_align)`);
  const base = m.mshareAlign;
  if (base + size > USER_TOP) return fail('EINVAL', `${name} is larger than a host's address space`);
  if (freeFrames(m) < 1) return fail('ENOMEM', `no memory for ${name}'s host mm`);
  const mm = newMm(m, `mshare:${name}`, true);
  const region: MshareRegion = { name, size, mm, base, pseudo: newObject(name, 'file', size), windows: [], unlinked: false };
  m.regions.set(name, region);
  m.mshares.set(mm.id, region);
  emit(m, { k: 'host_create', host: mm.id, file: name, va: base, len: size });
  return null;
}

/** The page-aligned range [base+offset, +len) of the region, or why not. */
function regionRange(r: MshareRegion, offset: number, len: number): { lo: Vaddr; hi: Vaddr } | SyscallError {
  if (!isAligned(offset, PAGE_SIZE) || !isAligned(len, PAGE_SIZE) || len === 0) return fail('EINVAL', 'an msharefs range must be page-aligned and not empty');
  if (offset + len > r.size) return fail('EINVAL', `${hex(offset)} + ${hex(len)} lies past the end of ${r.name}`);
  return { lo: r.base + offset, hi: r.base + offset + len };
}

/** `NAME map OFFSET LEN FILE [FILE_OFFSET] [PROT]` (MSHAREFS_CREATE_MAPPING). */
export function mapObject(m: Machine, c: Extract<Command, { op: 'mshare_map' }>): SyscallError | null {
  const r = m.regions.get(c.region);
  if (r === undefined) return fail('EBADF', `no msharefs region named ${c.region}`);
  const range = regionRange(r, c.offset, c.len);
  if ('errno' in range) return range;
  const anon = c.file === ANON_FILE;
  const file = anon ? null : m.objects.get(c.file);
  if (file === undefined) return fail('EBADF', `no file or memfd named ${c.file}`);
  if (!isAligned(c.fileOffset, PAGE_SIZE)) return fail('EINVAL', `offset ${hex(c.fileOffset)} is not page-aligned`);
  const huge = file?.kind === 'hugetlb';
  if (huge && (!isAligned(c.offset, PMD_SIZE) || !isAligned(c.fileOffset, PMD_SIZE))) return fail('EINVAL', 'a hugetlbfs object needs 2 MiB-aligned offsets');
  const hi = huge ? Math.min(r.base + r.size, alignUp(range.hi, PMD_SIZE)) : range.hi;
  if (!isFree(r.mm, range.lo, hi - range.lo)) return fail('EEXIST', `${hex(c.offset)} overlaps an object of ${r.name}`);
  const obj = file ?? newObject(`anon:${r.mm.id}:${hex(range.lo)}`, 'anon', c.len);
  if (anon) m.anon.add(obj);
  const vma: Vma = { start: range.lo, end: hi, prot: { ...c.prot }, shared: true, advice: null, obj, offset: anon ? 0 : c.fileOffset, host: null, anon: false, mshare: null };
  emit(m, { k: 'mmap', mm: r.mm.id, va: range.lo, len: hi - range.lo, file: obj.name, sharing: huge ? 'hugetlb' : 'none', notShared: null });
  insertVma(r.mm, vma);
  mergeVmas(r.mm, vma.start, vma.end);
  return null;
}

/** `unlink NAME`: the file goes; the host with it unless a window is attached. */
export function unlinkRegion(m: Machine, name: string): SyscallError | null {
  const r = m.regions.get(name);
  if (r === undefined) return fail('EBADF', `no msharefs region named ${name}`);
  m.regions.delete(name);
  r.unlinked = true;
  if (r.windows.length === 0) releaseRegion(m, r);
  return null;
}

/** A window attached (mmap, fork): a reference on the host. */
export function attachWindow(m: Machine, r: MshareRegion, mm: Mm, vma: Vma): void {
  r.windows.push({ mm, vma });
  emit(m, { k: 'host_ref', host: r.mm.id, mm: mm.id, refcount: r.windows.length });
}

/** A window gone (munmap, exit): the reference drops; the host goes once unlinked and unattached. */
export function detachWindow(m: Machine, r: MshareRegion, mm: Mm, vma: Vma): void {
  r.windows = r.windows.filter((w) => w.vma !== vma);
  emit(m, { k: 'host_unref', host: r.mm.id, mm: mm.id, refcount: r.windows.length });
  if (r.windows.length === 0 && r.unlinked) releaseRegion(m, r);
}

/** The host's teardown: its objects' tables cleared and freed, then its PGD. */
function releaseRegion(m: Machine, r: MshareRegion): void {
  emit(m, { k: 'host_release', host: r.mm.id, file: r.name });
  const gone = isolate(r.mm, 0, USER_TOP);
  for (const v of gone) (v.obj.kind === 'hugetlb' ? hugetlb : plain).unmapVma(m, r.mm, v, new Set());
  removeVmas(r.mm, gone);
  releaseAnon(m, gone);
  freeEmptyTables(m, r.mm, 0, USER_TOP);
  freeMm(m, r.mm);
  m.mshares.delete(r.mm.id);
}
