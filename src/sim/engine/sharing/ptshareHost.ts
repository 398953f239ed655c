/**
 * The MAP_SHARED_PT host mm (SPEC 1.3): one per file, created by the first
 * eligible mmap, holding the shared region's PTE pages; each guest mm holds a
 * reference; at the last reference the host is released and its tables freed.
 */
import { PMD_SIZE, isAligned, type Bytes, type Vaddr } from '../../geometry';
import { emit } from '../machine';
import { freeMm, newMm } from '../mm';
import { freeEmptyTables } from '../tablesfree';
import { insertVma, isolate, removeVmas } from '../vma';
import { plain } from './plain';
import type { Host, Machine, MemObject, Mm, Vma } from '../state';

/** Why a shared_pt request gets private tables, or null when it may share. */
export function ineligible(obj: MemObject, shared: boolean, va: Vaddr, len: Bytes): string | null {
  if (obj.kind === 'anon') return 'anonymous memory never shares page tables';
  if (obj.kind === 'hugetlb') return 'hugetlbfs files share through hugetlb PMD sharing, not MAP_SHARED_PT';
  if (!shared) return 'MAP_SHARED_PT needs MAP_SHARED';
  if (!isAligned(va, PMD_SIZE)) return 'the start is not 2 MiB-aligned';
  if (!isAligned(len, PMD_SIZE)) return 'the length is not a multiple of 2 MiB';
  return null;
}

/** The reason a second mapping cannot join obj's host, or null if it matches the region. */
export function mismatch(host: Host, va: Vaddr, len: Bytes, offset: Bytes): string | null {
  if (host.start === va && host.len === len && host.offset === offset) return null;
  const what = host.start !== va ? 'address' : host.len !== len ? 'length' : 'file offset';
  return `the ${what} differs from the file's shared region`;
}

/** Creates obj's host mm for the region of `vma` (its own copy of the VMA, no THP). */
export function createHost(m: Machine, vma: Vma): Host {
  const mm = newMm(m, `host:${vma.obj.name}`, true);
  insertVma(mm, { ...vma, prot: { ...vma.prot }, advice: 'nohugepage', host: null });
  const host: Host = { mm, obj: vma.obj, start: vma.start, len: vma.end - vma.start, offset: vma.offset, guests: new Set(), leaked: 0 };
  vma.obj.host = host;
  m.hosts.set(mm.id, host);
  emit(m, { k: 'host_create', host: mm.id, file: vma.obj.name, va: host.start, len: host.len });
  return host;
}

export function takeReference(m: Machine, host: Host, guest: Mm): void {
  host.guests.add(guest);
  emit(m, { k: 'host_ref', host: host.mm.id, mm: guest.id, refcount: host.guests.size + host.leaked });
}

/** Drops guest's reference; the last one releases the host. */
export function dropReference(m: Machine, host: Host, guest: Mm): void {
  host.guests.delete(guest);
  emit(m, { k: 'host_unref', host: host.mm.id, mm: guest.id, refcount: host.guests.size + host.leaked });
  if (host.guests.size + host.leaked === 0) releaseHost(m, host);
}

/** As posted: exit forgets to drop the reference; it stays counted and the host never goes. */
export function leakReference(m: Machine, host: Host, guest: Mm): void {
  host.guests.delete(guest);
  host.leaked += 1;
  m.findings.push({ mm: guest.name, message: `exit keeps ${guest.name}'s reference to ${host.mm.name} (refcount ${host.guests.size + host.leaked}): the host leaks` });
}

/** Clears the host's PTEs, frees its tables and its PGD; the file forgets it. */
function releaseHost(m: Machine, host: Host): void {
  emit(m, { k: 'host_release', host: host.mm.id, file: host.obj.name });
  // The host's own VMA has plain tables: clear them, drop it, free what it leaves empty.
  const gone = isolate(host.mm, host.start, host.start + host.len);
  for (const v of gone) plain.unmapVma(m, host.mm, v, new Set());
  removeVmas(host.mm, gone);
  freeEmptyTables(m, host.mm, host.start, host.start + host.len);
  freeMm(m, host.mm);
  host.obj.host = null;
  m.hosts.delete(host.mm.id);
}
