/**
 * The commands that make and end things: machine, files, processes, threads,
 * fork and exit, and the kills (fatal signal, OOM) that end an mm early.
 */
import { DEFAULT_MSHARE_ALIGN, type Command } from '../commands';
import type { Signal } from '../events';
import { alignUp, PMD_SIZE, type Vaddr } from '../geometry';
import { hostRef, regionsIn } from './ptshare';
import { checkForkFrames, copyTables } from './forkcopy';
import { attachWindow } from './mshare';
import { SysError, type MemObject, type Mm, type Out, type RefState, type Task } from './state';
import { fileBytes, framesFree, newTable, pagetableBytes } from './tables';
import { teardownMm } from './unmap';
import { drawMmapBase, seedState } from '../random';
import { USER_TOP, type Level } from '../geometry';

type Cmd<K extends Command['op']> = Extract<Command, { op: K }>;

export function liveTask(st: RefState, name: string): Task {
  const t = st.tasks.find((x) => x.name === name);
  if (t === undefined || !t.alive) throw new SysError('ESRCH', `no such task: ${name}`);
  return t;
}

function checkNewName(st: RefState, name: string): void {
  if (st.tasks.some((x) => x.name === name)) throw new SysError('EEXIST', `task name already used: ${name}`);
}

export function machine(st: RefState, c: Cmd<'machine'>): void {
  if (st.started) throw new SysError('EINVAL', 'machine may only be the first command');
  st.ramBytes = c.ram;
  st.ramFrames = Math.floor(c.ram / 4096);
  st.random = seedState(c.seed);
  st.ptReclaim = c.ptReclaim;
  st.asPosted = c.fidelity === 'as_posted';
  st.mshareAlign = c.mshareAlign ?? DEFAULT_MSHARE_ALIGN;
}

export function newObject(st: RefState, c: Cmd<'file'> | Cmd<'memfd'>): void {
  if (st.files.has(c.name) || st.regions.has(c.name)) throw new SysError('EEXIST', `name already used: ${c.name}`);
  const hugetlb = c.op === 'file' && c.hugetlb;
  const obj: MemObject = {
    name: c.name,
    kind: c.op === 'file' ? 'file' : 'memfd',
    hugetlb,
    size: hugetlb ? alignUp(c.size, PMD_SIZE) : c.size,
    cached: new Set(),
    host: null,
  };
  st.files.set(c.name, obj);
  st.objects.push(obj);
}

/** A new process mm with its PGD; ENOMEM when no frame is left for the PGD. */
function newMm(st: RefState, name: string): Mm {
  if (framesFree(st) < 1) throw new SysError('ENOMEM', 'no memory for a new mm');
  const mm: Mm = { id: st.mms.length + 1, name, isHost: false, pgd: null, vmas: [], chargedPages: 0, alive: true, names: new Map(), mmapBase: 0 };
  st.mms.push(mm);
  mm.pgd = newTable(st, mm, 'pgd', 0);
  return mm;
}

function addTask(st: RefState, name: string, mm: Mm, threadOf: string | null): Task {
  const t: Task = { name, mm, threadOf, alive: true, oomKilled: false, signal: null };
  st.tasks.push(t);
  return t;
}

export function processCmd(st: RefState, out: Out, c: Cmd<'process'>): void {
  checkNewName(st, c.name);
  const mm = newMm(st, c.name);
  const drawn = drawMmapBase(st.random);
  st.random = drawn.state;
  mm.mmapBase = drawn.base;
  addTask(st, c.name, mm, null);
  out.push({ k: 'task', task: c.name, mm: mm.id, how: 'process', parent: null });
}

/** The process a task's mm belongs to: the task that created the mm. */
function processOf(st: RefState, t: Task): string {
  return t.threadOf ?? t.name;
}

export function threadCmd(st: RefState, out: Out, c: Cmd<'thread'>): void {
  const parent = liveTask(st, c.parent);
  checkNewName(st, c.name);
  addTask(st, c.name, parent.mm, processOf(st, parent));
  out.push({ k: 'task', task: c.name, mm: parent.mm.id, how: 'thread', parent: c.parent });
}

export function forkCmd(st: RefState, out: Out, c: Cmd<'fork'>): void {
  const parent = liveTask(st, c.parent);
  checkNewName(st, c.child);
  checkForkFrames(st, parent.mm);
  const mm = newMm(st, c.child);
  // Anonymous objects are the same object in the child (ENGINE.md).
  mm.vmas = parent.mm.vmas.map((v) => ({ ...v }));
  mm.names = new Map(parent.mm.names);
  mm.mmapBase = parent.mm.mmapBase;
  addTask(st, c.child, mm, null);
  out.push({ k: 'task', task: c.child, mm: mm.id, how: 'fork', parent: c.parent });
  copyTables(st, out, parent.mm, mm);
  for (const host of regionsIn(mm, 0, USER_TOP)) hostRef(out, host, mm.id);
  for (const v of mm.vmas) if (v.mshare !== null) attachWindow(out, v.mshare, mm, v);
}

export function exitCmd(st: RefState, out: Out, c: Cmd<'exit'>): void {
  const t = liveTask(st, c.task);
  const mm = t.mm;
  // A process takes its threads with it; a thread goes alone.
  const going = t.threadOf === null ? [t, ...st.tasks.filter((x) => x.mm === mm && x.alive && x !== t)] : [t];
  for (const g of going) g.alive = false;
  const last = !st.tasks.some((x) => x.mm === mm && x.alive);
  going.forEach((g, i) => {
    out.push({ k: 'exit', task: g.name, mm: mm.id, lastTask: last && i === going.length - 1 });
  });
  if (last) teardownMm(st, out, mm);
}

/** A fatal signal: every task of the mm dies, then the mm is torn down. */
export function killBySignal(st: RefState, out: Out, task: Task, signal: Signal, va: Vaddr, reason: string): void {
  out.push({ k: 'signal', task: task.name, mm: task.mm.id, signal, va, reason });
  for (const x of st.tasks) {
    if (x.mm !== task.mm || !x.alive) continue;
    x.alive = false;
    x.signal = signal;
  }
  teardownMm(st, out, task.mm);
}

/** An OOM kill (SPEC 1.7): the marker carries the memory in use when it happened. */
export function killByOom(st: RefState, out: Out, task: Task, va: Vaddr, need: Level | 'page'): void {
  out.push({
    k: 'oom',
    task: task.name,
    mm: task.mm.id,
    va,
    need,
    pagetablesBytes: pagetableBytes(st),
    fileBytes: fileBytes(st),
  });
  for (const x of st.tasks) {
    if (x.mm !== task.mm || !x.alive) continue;
    x.alive = false;
    x.oomKilled = true;
    x.signal = 'SIGKILL';
  }
  teardownMm(st, out, task.mm);
}
