/**
 * The reference model: the Model interface over the explicit tables of this
 * folder. Used only by tests, to cross-check the fast engine step by step.
 */
import type { AddrExpr, Located } from '../commands';
import { DEFAULT_MSHARE_ALIGN, DEFAULT_RAM, DEFAULT_SEED } from '../commands';
import { normalizeEvents, type MmId, type TraceEvent } from '../events';
import { PMD_SIZE, TABLE_BYTES, type Vaddr } from '../geometry';
import type { HostReport, MemoryReport, Model, ProcessReport, Translation } from '../model';
import { seedState } from '../random';
import { checkInvariants } from './invariants';
import { exitCmd, forkCmd, liveTask, machine, newObject, processCmd, threadCmd } from './lifecycle';
import { mmapCmd, munmapMm, munmapRange } from './mmap';
import { mshareCmd, mshareMapCmd, mshareUnmapRange } from './mshare';
import { unlinkCmd } from './unmap';
import { madviseCmd, mprotectCmd } from './protect';
import { Out, SysError, type RefState, type Task } from './state';
import { fileBytes, pagetableBytes } from './tables';
import { touchCmd } from './touch';
import { rssPages, walk } from './walk';
import { P } from '../bits';

function initialState(): RefState {
  return {
    ramBytes: DEFAULT_RAM,
    ramFrames: Math.floor(DEFAULT_RAM / 4096),
    usedFrames: 0,
    asPosted: false,
    leaked: new Set(),
    kept: new Set(),
    findings: [],
    random: seedState(DEFAULT_SEED),
    ptReclaim: false,
    started: false,
    files: new Map(),
    objects: [],
    tasks: [],
    mms: [],
    hosts: [],
    regions: new Map(),
    mshares: [],
    mshareAlign: DEFAULT_MSHARE_ALIGN,
    tables: new Set(),
    nextTableId: 1,
  };
}

function resolve(task: Task, a: AddrExpr): Vaddr {
  if (a.kind === 'abs') return a.value;
  const base = task.mm.names.get(a.name);
  if (base === undefined) throw new SysError('EINVAL', `unknown mapping name: ${a.name}`);
  return base + a.offset;
}

/** Applies one command, writing its events one entry at a time. */
function apply(st: RefState, out: Out, cmd: Located): void {
  const c = cmd.command;
  switch (c.op) {
    case 'machine':
      return machine(st, c);
    case 'file':
    case 'memfd':
      return newObject(st, c);
    case 'process':
      return processCmd(st, out, c);
    case 'thread':
      return threadCmd(st, out, c);
    case 'fork':
      return forkCmd(st, out, c);
    case 'exit':
      return exitCmd(st, out, c);
    case 'mmap': {
      const task = liveTask(st, c.task);
      return mmapCmd(st, out, task, c, c.addr === null ? null : resolve(task, c.addr));
    }
    case 'touch': {
      const task = liveTask(st, c.task);
      return touchCmd(st, out, task, c, resolve(task, c.addr));
    }
    case 'mprotect': {
      const task = liveTask(st, c.task);
      return mprotectCmd(st, out, task, c, resolve(task, c.addr));
    }
    case 'madvise': {
      const task = liveTask(st, c.task);
      return madviseCmd(st, out, task, c, resolve(task, c.addr));
    }
    case 'munmap': {
      const task = liveTask(st, c.task);
      return munmapRange(st, out, task, resolve(task, c.addr), c.len);
    }
    case 'mshare':
      return mshareCmd(st, out, c);
    case 'mshare_map':
      return mshareMapCmd(st, out, c);
    case 'mshare_unmap': {
      const r = mshareUnmapRange(st, c);
      return munmapMm(st, out, r.mm, r.start, r.len);
    }
    case 'unlink':
      return unlinkCmd(st, out, c.name);
  }
}

export function createReference(): Model {
  const st = initialState();
  return {
    step(cmd: Located): TraceEvent[] {
      const out = new Out();
      try {
        apply(st, out, cmd);
      } catch (e) {
        if (!(e instanceof SysError)) throw e;
        out.push({ k: 'error', errno: e.errno, message: e.message });
      }
      st.started = true;
      return normalizeEvents(out.events);
    },

    processes(): ProcessReport[] {
      return st.tasks.map((t) => ({
        name: t.name,
        alive: t.alive,
        pgtables_bytes: t.alive ? t.mm.chargedPages * TABLE_BYTES : 0,
        rss_pages: t.alive ? rssPages(t.mm) : 0,
        oom_killed: t.oomKilled,
        thread_of: t.threadOf,
        signal: t.signal,
      }));
    },

    hosts(): HostReport[] {
      const ptshare = st.hosts.map((h) => ({ file: h.obj.name, refcount: h.refcount, pgtables_bytes: h.mm.chargedPages * TABLE_BYTES }));
      const mshare = st.mshares.map((r) => ({ file: r.name, refcount: r.windows.length, pgtables_bytes: r.mm.chargedPages * TABLE_BYTES, kind: 'msharefs' as const }));
      return [...ptshare, ...mshare];
    },

    memory(): MemoryReport {
      return { ram_bytes: st.ramBytes, pagetables_bytes: pagetableBytes(st), file_bytes: fileBytes(st) };
    },

    translate(task: string, va: Vaddr): Translation | null {
      const t = st.tasks.find((x) => x.name === task);
      if (t === undefined || !t.alive) return null;
      const w = walk(t.mm, va);
      if (w.leaf === null || w.table === null || (w.leaf.bits & P) === 0) return null;
      const within = w.table.level === 'pmd' ? Math.floor((va % PMD_SIZE) / 4096) : 0;
      return { file: w.leaf.obj.name, page: w.leaf.page + within, bits: w.leaf.bits };
    },

    mmName(mm: MmId): string {
      return st.mms.find((m) => m.id === mm)?.name ?? `mm${mm}`;
    },

    invariants(): string[] {
      return checkInvariants(st);
    },

    findings() {
      return st.findings.map((f) => ({ ...f }));
    },
  };
}
