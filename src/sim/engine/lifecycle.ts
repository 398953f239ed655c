/**
 * Tasks and their mms: process, thread, fork, exit, and the kills of a fatal
 * signal or the OOM killer (SPEC 1.1, 1.2, 1.7).
 */
import { USER_TOP } from '../geometry';
import { drawMmapBase } from '../random';
import { emit, freeFrames } from './machine';
import { freeMm, newMm } from './mm';
import { MODELS } from './sharing/models';
import { copyCost, copyTables, needsCopy } from './forkcopy';
import { unmapRange } from './unmap';
import type { Machine, Mm, Task } from './state';

function addTask(m: Machine, name: string, mm: Mm, threadOf: string | null): Task {
  const task: Task = { name, mm, threadOf, alive: true, oomKilled: false, signal: null };
  mm.tasks.push(task);
  m.tasks.set(name, task);
  m.taskOrder.push(task);
  return task;
}

/** A new process with its own mm; false when no frame is left for its PGD. */
export function createProcess(m: Machine, name: string): boolean {
  if (freeFrames(m) < 1) return false;
  const mm = newMm(m, name, false);
  const drawn = drawMmapBase(m.rng);
  m.rng = drawn.state;
  mm.mmapBase = drawn.base;
  addTask(m, name, mm, null);
  emit(m, { k: 'task', task: name, mm: mm.id, how: 'process', parent: null });
  return true;
}

export function createThread(m: Machine, parent: Task, name: string): void {
  addTask(m, name, parent.mm, parent.threadOf ?? parent.name);
  emit(m, { k: 'task', task: name, mm: parent.mm.id, how: 'thread', parent: parent.name });
}

/**
 * fork: the child's mm gets copies of the VMAs, copies of the tables of private
 * VMAs holding anonymous pages (forkcopy.ts), and a reference per shared region.
 * False when no frame is left for its PGD and those tables.
 */
export function forkProcess(m: Machine, parent: Task, name: string): boolean {
  const copied = parent.mm.vmas.filter(needsCopy);
  if (freeFrames(m) < 1 + copyCost(parent.mm, copied)) return false;
  const mm = newMm(m, name, false);
  // One pass over the list, chunk by chunk: each VMA copied and its object's count taken.
  mm.vmas = parent.mm.vmas.copy((v) => {
    v.obj.mappers.add(mm.id);
    return { ...v, prot: { ...v.prot } };
  });
  mm.names = new Map(parent.mm.names);
  mm.mmapBase = parent.mm.mmapBase;
  addTask(m, name, mm, null);
  emit(m, { k: 'task', task: name, mm: mm.id, how: 'fork', parent: parent.name });
  copyTables(m, parent.mm, mm, copied);
  for (const model of MODELS) model.forked(m, mm);
  return true;
}

/** Unmaps everything and frees the PGD: after this nothing is charged to mm. */
export function teardownMm(m: Machine, mm: Mm): void {
  unmapRange(m, mm, 0, USER_TOP, false);
  freeMm(m, mm);
}

function endTask(m: Machine, task: Task): void {
  task.alive = false;
  task.mm.tasks.splice(task.mm.tasks.indexOf(task), 1);
}

/** exit: a process ends with its threads; a thread alone. The last task frees the mm. */
export function exitTask(m: Machine, task: Task): void {
  const mm = task.mm;
  const ending = task.threadOf === null ? [...mm.tasks] : [task];
  // the named task first, then its threads in creation order
  ending.sort((a, b) => (a === task ? -1 : b === task ? 1 : 0));
  for (const t of ending) {
    endTask(m, t);
    emit(m, { k: 'exit', task: t.name, mm: mm.id, lastTask: mm.tasks.length === 0 });
  }
  if (mm.tasks.length === 0) teardownMm(m, mm);
}

/** A fatal signal or the OOM killer: every task of the mm dies, the mm is torn down. */
export function killMm(m: Machine, task: Task, why: 'SIGSEGV' | 'SIGBUS' | 'OOM'): void {
  const mm = task.mm;
  for (const t of [...mm.tasks]) {
    if (why === 'OOM') t.oomKilled = true;
    t.signal = why === 'OOM' ? 'SIGKILL' : why;
    endTask(m, t);
  }
  teardownMm(m, mm);
}
