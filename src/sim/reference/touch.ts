/**
 * `touch`: the MMU's check and, when it fails, the fault handler, one 4 KiB
 * page at a time in address order (ENGINE.md, "touch").
 */
import { D } from '../bits';
import type { Command } from '../commands';
import { alignDown, alignUp, hex, PAGE_SIZE, PMD_SIZE, USER_TOP, type Vaddr } from '../geometry';
import { guestFault, hugetlbFault, normalFault } from './fault';
import { windowFault } from './mshare';
import { killByOom, killBySignal } from './lifecycle';
import { OutOfMemory, SysError, type Mm, type Out, type RefState, type Task } from './state';
import { eventMm } from './tables';
import { findVma } from './vmas';
import { allows, walk } from './walk';

type TouchCmd = Extract<Command, { op: 'touch' }>;

/** The walk event's verdict for one page. */
function walkStop(mm: Mm, va: Vaddr, access: 'read' | 'write'): 'pgd' | 'pud' | 'pmd' | 'pte' | 'hit' | 'deny' {
  const w = walk(mm, va);
  if (w.leaf === null) return w.stop ?? 'pgd';
  return allows(w.leaf.bits, access) ? 'hit' : 'deny';
}

/** The MMU: a populated leaf that allows the access; a write to a clean one sets D. */
function mmuHit(out: Out, mm: Mm, va: Vaddr, access: 'read' | 'write'): boolean {
  const w = walk(mm, va);
  if (w.leaf === null || w.table === null || !allows(w.leaf.bits, access)) return false;
  if (access === 'write' && (w.leaf.bits & D) === 0) {
    w.leaf.bits |= D;
    const span = w.table.level === 'pmd' ? PMD_SIZE : PAGE_SIZE;
    // An msharefs host's leaf is told at its address in the host.
    const win = findVma(mm, va);
    const at = win?.mshare != null ? va - win.start + win.mshare.base : va;
    out.push({ k: 'set', mm: eventMm(w.table, mm), level: w.table.level, va: alignDown(at, span), len: span, bits: w.leaf.bits });
  }
  return true;
}

function pastUserSpace(va: Vaddr): string {
  return `${hex(va)} is past the end of user space (${hex(USER_TOP)})`;
}

type PageResult = { kind: 'ok' } | { kind: 'signal'; signal: 'SIGSEGV' | 'SIGBUS'; reason: string };

/** One page: hit, or fault until it hits (a guest may need a host and a link fault). */
function touchPage(st: RefState, out: Out, mm: Mm, va: Vaddr, access: 'read' | 'write'): PageResult {
  for (let attempt = 0; attempt < 4; attempt++) {
    if (mmuHit(out, mm, va, access)) return { kind: 'ok' };
    const vma = findVma(mm, va);
    if (vma === undefined) return { kind: 'signal', signal: 'SIGSEGV', reason: va >= USER_TOP ? pastUserSpace(va) : `no mapping at ${hex(va)}` };
    const p = vma.prot;
    if (!p.read && !p.write && !p.exec) return { kind: 'signal', signal: 'SIGSEGV', reason: 'access to a PROT_NONE mapping' };
    if (access === 'write' && !p.write) return { kind: 'signal', signal: 'SIGSEGV', reason: 'write to a read-only mapping' };
    const filePos = vma.offset + (va - vma.start);
    if (filePos >= alignUp(vma.obj.size, PAGE_SIZE)) {
      return { kind: 'signal', signal: 'SIGBUS', reason: `access past the end of ${vma.obj.name}` };
    }
    if (!vma.shared && (access === 'write' || vma.obj.kind === 'anon')) vma.anon = true;
    if (vma.mshare !== null) {
      const sig = windowFault(st, out, mm, vma, va, access);
      if (sig !== null) return { kind: 'signal', signal: sig[0], reason: sig[1] };
    } else if (vma.obj.hugetlb) hugetlbFault(st, out, mm, vma, va, access);
    else if (vma.region !== null) guestFault(st, out, mm, vma, va, access);
    else normalFault(st, out, mm, vma, va, access);
  }
  throw new Error(`touch of ${hex(va)} did not settle`);
}

export function touchCmd(st: RefState, out: Out, task: Task, c: TouchCmd, addr: Vaddr): void {
  if (c.len === 0) throw new SysError('EINVAL', 'touch of length 0');
  const first = alignDown(addr, PAGE_SIZE);
  if (first >= USER_TOP) return killBySignal(st, out, task, 'SIGSEGV', first, pastUserSpace(first));
  const end = c.len === null ? first + PAGE_SIZE : alignUp(addr + c.len, PAGE_SIZE);
  const mm = task.mm;
  if (end - first === PAGE_SIZE) out.push({ k: 'walk', mm: mm.id, va: first, stop: walkStop(mm, first, c.access) });
  for (let va = first; va < end; va += PAGE_SIZE) {
    let r: PageResult;
    try {
      r = touchPage(st, out, mm, va, c.access);
    } catch (e) {
      if (!(e instanceof OutOfMemory)) throw e;
      killByOom(st, out, task, va, e.need);
      return;
    }
    if (r.kind === 'signal') {
      killBySignal(st, out, task, r.signal, va, r.reason);
      return;
    }
  }
}
