/**
 * MAP_SHARED_PT (SPEC 1.3): which mmaps share, the host mm that owns the shared
 * PTE pages, the guests' references to it, and the host's release.
 */
import type { MmId } from '../events';
import { PMD_SIZE, type Bytes, type Vaddr } from '../geometry';
import { SysError, type Host, type MemObject, type Mm, type Out, type RefState } from './state';
import { framesFree, newTable, unlinkChild } from './tables';
import { linksAt } from './walk';

/** Why a MAP_SHARED_PT request gets ordinary tables, or null when it is eligible. */
export function ineligibleReason(obj: MemObject, start: Vaddr, len: Bytes): string | null {
  if (obj.kind === 'anon') return 'anonymous memory';
  if (obj.hugetlb) return 'hugetlbfs file';
  if (start % PMD_SIZE !== 0) return 'start not 2 MiB-aligned';
  if (len % PMD_SIZE !== 0) return 'length not a multiple of 2 MiB';
  return null;
}

export const NOT_HOST_REGION = "address, length or offset differ from the host's region";

/** A new host mm for obj holding [start, start+len); ENOMEM without a PGD frame. */
export function createHost(st: RefState, obj: MemObject, start: Vaddr, len: Bytes, offset: Bytes): Host {
  if (framesFree(st) < 1) throw new SysError('ENOMEM', 'no memory for the host mm');
  const mm: Mm = {
    id: st.mms.length + 1,
    name: `host:${obj.name}`,
    isHost: true,
    pgd: null,
    vmas: [],
    chargedPages: 0,
    alive: true,
    names: new Map(),
    mmapBase: 0,
  };
  st.mms.push(mm);
  mm.pgd = newTable(st, mm, 'pgd', 0);
  const host: Host = { mm, obj, start, len, offset, refcount: 0, leaked: 0 };
  // The host's own copy of the VMA, with transparent huge pages off (SPEC 1.3).
  mm.vmas.push({
    start,
    end: start + len,
    obj,
    offset,
    prot: { read: true, write: true, exec: false },
    shared: true,
    sharedPt: true,
    advice: 'nohugepage',
    region: null,
    anon: false,
    mshare: null,
  });
  obj.host = host;
  st.hosts.push(host);
  return host;
}

export function hostRef(out: Out, host: Host, mm: MmId): void {
  host.refcount += 1;
  out.push({ k: 'host_ref', host: host.mm.id, mm, refcount: host.refcount });
}

/** Clears mm's PMD entries linking into the host's PTE pages within the region. */
export function unlinkRegion(out: Out, mm: Mm, host: Host): boolean {
  let any = false;
  for (const l of linksAt(mm, 'pmd', host.start, host.start + host.len)) {
    if (l.child.owner !== host.mm) continue;
    unlinkChild(l.table, l.index);
    out.push({ k: 'unlink', mm: mm.id, va: l.va, len: PMD_SIZE, host: host.mm.id });
    any = true;
  }
  return any;
}

/** Drops mm's reference; returns true when it was the last. */
export function hostUnref(out: Out, host: Host, mm: MmId): boolean {
  host.refcount -= 1;
  out.push({ k: 'host_unref', host: host.mm.id, mm, refcount: host.refcount });
  return host.refcount === 0;
}

/** The regions (hosts) that mm's VMAs in [start, end) belong to, in address order. */
export function regionsIn(mm: Mm, start: Vaddr, end: Vaddr): Host[] {
  const out: Host[] = [];
  for (const v of mm.vmas) {
    if (v.end <= start || v.start >= end || v.region === null) continue;
    if (!out.includes(v.region)) out.push(v.region);
  }
  return out;
}

/** Forgets a released host: the file may get a fresh one later. */
export function forgetHost(st: RefState, host: Host): void {
  host.obj.host = null;
  const i = st.hosts.indexOf(host);
  if (i >= 0) st.hosts.splice(i, 1);
}
