/**
 * What a scenario has named so far (SPEC 2): tasks, files, and each task's
 * `as=` mappings. A name that no earlier line defines is a mistake in the
 * scenario, so the parser stops there with its line and column; a task that
 * exists but has exited is the kernel's business (ESRCH at run time).
 *
 * `as=` names belong to their task: a thread shares its process's names (one
 * mm), a forked child starts with a copy of its parent's.
 */
import type { AddrExpr, Command } from '../sim/commands';
import { ANON_FILE } from '../sim/commands';
import { excerpt, LineError } from './errors';

/** Columns of the tokens a command's names came from (the task's is always known). */
export interface Where {
  readonly task: number;
  readonly parent?: number;
  readonly file?: number;
  readonly addr?: number;
}

export class Scope {
  private readonly tasks = new Set<string>();
  private readonly files = new Set<string>();
  private readonly regions = new Set<string>();
  /** Task → its mapping names; threads of one process share one set. */
  private readonly names = new Map<string, Set<string>>();

  /** Checks the names a command uses, then records the names it defines. */
  apply(c: Command, at: Where): void {
    switch (c.op) {
      case 'machine':
        return;
      case 'file':
      case 'memfd':
        this.files.add(c.name);
        return;
      case 'mshare':
        this.files.add(c.name);
        this.regions.add(c.name);
        return;
      case 'mshare_map':
        this.needRegion(c.region, at.task);
        if (c.file !== ANON_FILE && !this.files.has(c.file)) throw new LineError(at.task, `no file named ${excerpt(c.file)}: declare it first with file ${excerpt(c.file)} SIZE or memfd ${excerpt(c.file)} SIZE`);
        return;
      case 'mshare_unmap':
      case 'unlink':
        this.needRegion(c.op === 'unlink' ? c.name : c.region, c.op === 'unlink' ? (at.parent ?? at.task) : at.task);
        return;
      case 'process':
        this.defineTask(c.name, new Set());
        return;
      case 'thread':
        this.needTask(c.parent, at.parent ?? at.task);
        this.defineTask(c.name, this.namesOf(c.parent));
        return;
      case 'fork':
        this.needTask(c.parent, at.parent ?? at.task);
        this.defineTask(c.child, new Set(this.namesOf(c.parent)));
        return;
      case 'mmap':
        this.needTask(c.task, at.task);
        if (c.file !== ANON_FILE && !this.files.has(c.file)) {
          throw new LineError(at.file ?? at.task, `no file named ${excerpt(c.file)}: declare it first with file ${excerpt(c.file)} SIZE or memfd ${excerpt(c.file)} SIZE`);
        }
        if (c.addr !== null) this.needMapping(c.task, c.addr, at);
        if (c.as !== null) this.namesOf(c.task).add(c.as);
        return;
      case 'touch':
      case 'mprotect':
      case 'madvise':
      case 'munmap':
        this.needTask(c.task, at.task);
        this.needMapping(c.task, c.addr, at);
        return;
      case 'exit':
        this.needTask(c.task, at.task);
        return;
    }
  }

  private defineTask(name: string, names: Set<string>): void {
    this.tasks.add(name);
    // A name used twice is the kernel's EEXIST at run time; the first keeps its names.
    if (!this.names.has(name)) this.names.set(name, names);
  }

  private namesOf(task: string): Set<string> {
    let s = this.names.get(task);
    if (s === undefined) this.names.set(task, (s = new Set()));
    return s;
  }

  private needRegion(name: string, column: number): void {
    if (!this.regions.has(name)) throw new LineError(column, `no msharefs region named ${excerpt(name)}: declare it first with mshare ${excerpt(name)} SIZE`);
  }

  private needTask(name: string, column: number): void {
    if (!this.tasks.has(name)) throw new LineError(column, `no task named ${excerpt(name)}: declare it first with process ${excerpt(name)} (or thread, fork)`);
  }

  private needMapping(task: string, a: AddrExpr, at: Where): void {
    if (a.kind !== 'named' || this.namesOf(task).has(a.name)) return;
    throw new LineError(at.addr ?? at.task, `no mapping named ${excerpt(a.name)} for ${excerpt(task)}: name one first with ${excerpt(task)} mmap ... as=${excerpt(a.name)}`);
  }
}
