/**
 * The fast engine: the Model of model.ts over run-length tables. One command
 * in, its events out in canonical form; reports and translations on demand.
 */
import type { AddrExpr, Command, Located } from '../commands';
import type { MmId, TraceEvent } from '../events';
import { PAGE_SIZE, PMD_SIZE, alignUp, type Vaddr } from '../geometry';
import type { Finding, HostReport, MemoryReport, Model, ProcessReport, Translation } from '../model';
import { P } from '../bits';
import { fail, isError, type SyscallError } from './errors';
import { InvariantChecker } from './invariants';
import { Footprint } from './footprint';
import { mergeNamed, namedBy } from './named';
import { createMachine, emit } from './machine';
import { madvise } from './madvise';
import { mmap } from './mmap';
import { mprotect } from './mprotect';
import { unmapChecked } from './munmap';
import { createProcess, createThread, exitTask, forkProcess } from './lifecycle';
import { touch } from './touch';
import { mshareCommand } from './mshare';
import { buildView, buildViewParts, filesFingerprint, type ViewParts } from './view';
import { cloneMachine } from './clone';
import type { ViewOptions, WorldView } from '../view';
import { newObject, type Machine, type Task } from './state';
import { rssPages, walkLeaf } from './walk';

/** The engine: a Model that can also show a part of its world and copy itself. */
export interface Engine extends Model {
  view(options: ViewOptions): WorldView;
  /** A deep copy at this step (a checkpoint). */
  clone(): Engine;
  footprint(): number;
  /** The mms the last step named (whose views may have changed), the task's own included. */
  lastNamed(): readonly MmId[];
  /** Every mm in the world now, in creation order. */
  mmIds(): MmId[];
  /** The views of the mms `ids` and the world's counters and first files (worker/history.ts). */
  viewParts(options: ViewOptions, ids: Iterable<MmId>, maxFiles: number): ViewParts;
  /** Changes whenever the first `maxFiles` files' views would (worker/history.ts). */
  filesFingerprint(maxFiles: number): string;
}

/** How the engine keeps its tables; a test turns PUD runs off to show they change nothing but the footprint. */
export interface EngineOptions {
  readonly pudRuns?: boolean;
}

export function createEngine(options: EngineOptions = {}): Engine {
  const m = createMachine();
  m.pudRuns = options.pudRuns ?? true;
  return engineOver(m);
}

function engineOver(initial: Machine): Engine {
  let m: Machine = initial;
  const checker = new InvariantChecker();
  const footprint = new Footprint();
  let named: MmId[] = [];

  function liveTask(name: string): Task | SyscallError {
    const t = m.tasks.get(name);
    if (t === undefined) return fail('ESRCH', `no task named ${name}`);
    if (!t.alive) return fail('ESRCH', `${name} has exited`);
    return t;
  }

  /** NAME+OFFSET through the task's own names (SPEC 2). */
  function resolve(t: Task, a: AddrExpr): Vaddr | SyscallError {
    if (a.kind === 'abs') return a.value;
    const base = t.mm.names.get(a.name);
    return base === undefined ? fail('EINVAL', `${t.name} has no mapping named ${a.name}`) : base + a.offset;
  }

  function run(c: Command): SyscallError | null {
    if (c.op === 'machine') {
      if (m.started) return fail('EINVAL', 'machine must be the first command');
      const pudRuns = m.pudRuns;
      m = createMachine(c.ram, c.seed, c.ptReclaim, c.fidelity === 'as_posted', c.mshareAlign);
      m.pudRuns = pudRuns;
      m.started = true;
      checker.full();
      footprint.full();
      return null;
    }
    m.started = true;
    switch (c.op) {
      case 'file':
      case 'memfd': {
        if (m.objects.has(c.name) || m.regions.has(c.name)) return fail('EEXIST', `a file named ${c.name} exists`);
        const huge = c.op === 'file' && c.hugetlb;
        const size = huge ? alignUp(c.size, PMD_SIZE) : c.size;
        if (size === 0) return fail('EINVAL', `${c.name} has size 0`);
        m.objects.set(c.name, newObject(c.name, c.op === 'memfd' ? 'memfd' : huge ? 'hugetlb' : 'file', size));
        return null;
      }
      case 'process':
        if (m.tasks.has(c.name)) return fail('EEXIST', `a task named ${c.name} exists`);
        return createProcess(m, c.name) ? null : fail('ENOMEM', `no memory for ${c.name}'s PGD`);
      case 'thread':
      case 'fork': {
        const parent = liveTask(c.parent);
        if (isError(parent)) return parent;
        const name = c.op === 'thread' ? c.name : c.child;
        if (m.tasks.has(name)) return fail('EEXIST', `a task named ${name} exists`);
        if (c.op === 'thread') return createThread(m, parent, name), null;
        return forkProcess(m, parent, name) ? null : fail('ENOMEM', `no memory for ${name}'s page tables`);
      }
      case 'mshare':
      case 'mshare_map':
      case 'mshare_unmap':
      case 'unlink':
        return mshareCommand(m, c);
      case 'exit': {
        const t = liveTask(c.task);
        if (isError(t)) return t;
        exitTask(m, t);
        return null;
      }
      default:
        return syscall(c);
    }
  }

  function syscall(c: Extract<Command, { op: 'mmap' | 'touch' | 'mprotect' | 'madvise' | 'munmap' }>): SyscallError | null {
    const t = liveTask(c.task);
    if (isError(t)) return t;
    if (c.op === 'mmap') {
      const at = c.addr === null ? null : resolve(t, c.addr);
      if (isError(at)) return at;
      const r = mmap(m, t, c, at);
      if (isError(r)) return r;
      if (c.as !== null) t.mm.names.set(c.as, r);
      return null;
    }
    const va = resolve(t, c.addr);
    if (isError(va)) return va;
    switch (c.op) {
      case 'touch':
        if (c.len === 0) return fail('EINVAL', 'touch of length 0');
        touch(m, t, va, va + (c.len ?? 1), c.access);
        return null;
      case 'mprotect':
        return mprotect(m, t.mm, va, c.len, c.prot);
      case 'madvise':
        return madvise(m, t.mm, va, c.len, c.advice);
      case 'munmap':
        return unmapChecked(m, t.mm, va, c.len);
    }
  }

  return {
    step(cmd: Located): TraceEvent[] {
      m.events = [];
      m.markerAt = 0;
      m.reshaped = [];
      const err = run(cmd.command);
      if (err !== null) emit(m, { k: 'error', errno: err.errno, message: err.message });
      const spans = namedBy(m.events);
      // PMD pages made explicit changed no event's range, but the checks must look at them again.
      for (const [id, a, b] of m.reshaped) mergeNamed(spans, new Map([[id, [[a, b]]]]));
      // The mms the events name, in the order first named: the map's keys.
      const ids = [...spans.keys()];
      checker.touched(ids, spans);
      // A syscall may split or join VMAs with no table event (nothing was mapped there yet).
      const task = 'task' in cmd.command ? m.tasks.get(cmd.command.task) : undefined;
      named = task === undefined || ids.includes(task.mm.id) ? ids : [...ids, task.mm.id];
      footprint.touched(named, spans);
      // Causal order: what happened first comes first (SPEC 2), as the UI animates it.
      return m.events;
    },
    processes(): ProcessReport[] {
      return m.taskOrder.map((t) => ({
        name: t.name,
        alive: t.alive,
        pgtables_bytes: t.alive ? t.mm.charged * PAGE_SIZE : 0,
        rss_pages: t.alive ? rssPages(t.mm) : 0,
        oom_killed: t.oomKilled,
        thread_of: t.threadOf,
        signal: t.signal,
      }));
    },
    hosts(): HostReport[] {
      const ptshare = [...m.hosts.values()].map((h) => ({ file: h.obj.name, refcount: h.guests.size + h.leaked, pgtables_bytes: h.mm.charged * PAGE_SIZE }));
      const mshare = [...m.mshares.values()].map((r) => ({ file: r.name, refcount: r.windows.length, pgtables_bytes: r.mm.charged * PAGE_SIZE, kind: 'msharefs' as const }));
      return [...ptshare, ...mshare];
    },
    memory(): MemoryReport {
      return { ram_bytes: m.ram, pagetables_bytes: m.tablePages * PAGE_SIZE, file_bytes: m.filePages * PAGE_SIZE };
    },
    translate(task: string, va: Vaddr): Translation | null {
      const t = m.tasks.get(task);
      if (t === undefined || !t.alive) return null;
      const leaf = walkLeaf(t.mm, va).leaf;
      // model.ts: a present leaf only (a PROT_NONE leaf is populated but not present)
      return leaf === null || (leaf.bits & P) === 0 ? null : { file: leaf.obj.name, page: leaf.page, bits: leaf.bits };
    },
    mmName(mm: MmId): string {
      return m.mmNames.get(mm) ?? `mm${mm}`;
    },
    invariants(): string[] {
      return checker.check(m);
    },
    footprint(): number {
      return footprint.measure(m);
    },
    lastNamed(): readonly MmId[] {
      return named;
    },
    mmIds(): MmId[] {
      return [...m.mms.keys()];
    },
    viewParts(options: ViewOptions, ids: Iterable<MmId>, maxFiles: number): ViewParts {
      return buildViewParts(m, options, ids, maxFiles);
    },
    filesFingerprint(maxFiles: number): string {
      return filesFingerprint(m, maxFiles);
    },
    findings(): Finding[] {
      return m.findings.map((f) => ({ ...f }));
    },
    view(options: ViewOptions): WorldView {
      return buildView(m, options);
    },
    clone(): Engine {
      return engineOver(cloneMachine(m));
    },
  };
}
