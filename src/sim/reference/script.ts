/**
 * Builds scenarios as Located[] commands straight from code, and prints them
 * back as scenario text, so tests need neither the parser nor the printer
 * (and a failing property test can show a scenario a person can replay).
 */
import type { Access, AddrExpr, Advice, Command, Located, MmapFlags, Prot } from '../commands';
import { ANON_FILE, DEFAULT_RAM, DEFAULT_SEED, protString } from '../commands';

export const K = 1024;
export const M = 1024 * K;
export const G = 1024 * M;
export const T = 1024 * G;

/** `rw`, `r`, `rwx`, `none` … as in the scenario language. */
export function prot(text: string): Prot {
  if (text === 'none') return { read: false, write: false, exec: false };
  return { read: text.includes('r'), write: text.includes('w'), exec: text.includes('x') };
}

/** `shared`, `private,fixed`, `shared,shared_pt` … as in the scenario language. */
export function flags(text: string): MmapFlags {
  const f = text.split(',');
  return { shared: f.includes('shared'), private: f.includes('private'), sharedPt: f.includes('shared_pt'), fixed: f.includes('fixed') };
}

export type Addr = number | AddrExpr;

function addr(a: Addr): AddrExpr {
  return typeof a === 'number' ? { kind: 'abs', value: a } : a;
}

/** `NAME+OFFSET`: an address relative to a mapping named with `as=`. */
export function named(name: string, offset = 0): AddrExpr {
  return { kind: 'named', name, offset };
}

/** A fluent list of commands; each call is one scenario line. */
export class Script {
  private readonly cmds: Command[] = [];

  add(c: Command): this {
    this.cmds.push(c);
    return this;
  }
  machine(o: { ram?: number; seed?: number; ptReclaim?: boolean } = {}): this {
    return this.add({ op: 'machine', ram: o.ram ?? DEFAULT_RAM, seed: o.seed ?? DEFAULT_SEED, ptReclaim: o.ptReclaim ?? false });
  }
  file(name: string, size: number, hugetlb = false): this {
    return this.add({ op: 'file', name, size, hugetlb });
  }
  memfd(name: string, size: number): this {
    return this.add({ op: 'memfd', name, size });
  }
  process(...names: string[]): this {
    for (const name of names) this.add({ op: 'process', name });
    return this;
  }
  thread(parent: string, name: string): this {
    return this.add({ op: 'thread', parent, name });
  }
  fork(parent: string, child: string): this {
    return this.add({ op: 'fork', parent, child });
  }
  mmap(
    task: string,
    at: Addr | 'auto',
    len: number,
    protText: string,
    flagText: string,
    file: string,
    o: { offset?: number; as?: string } = {},
  ): this {
    return this.add({
      op: 'mmap',
      task,
      addr: at === 'auto' ? null : addr(at),
      len,
      prot: prot(protText),
      flags: flags(flagText),
      file,
      offset: o.offset ?? 0,
      as: o.as ?? null,
    });
  }
  touch(task: string, at: Addr, len: number | null, access: Access = 'read'): this {
    return this.add({ op: 'touch', task, addr: addr(at), len, access });
  }
  mprotect(task: string, at: Addr, len: number, protText: string): this {
    return this.add({ op: 'mprotect', task, addr: addr(at), len, prot: prot(protText) });
  }
  madvise(task: string, at: Addr, len: number, advice: Advice): this {
    return this.add({ op: 'madvise', task, addr: addr(at), len, advice });
  }
  munmap(task: string, at: Addr, len: number): this {
    return this.add({ op: 'munmap', task, addr: addr(at), len });
  }
  exit(task: string): this {
    return this.add({ op: 'exit', task });
  }
  build(): Located[] {
    return this.cmds.map((command, i) => ({ line: i + 1, command }));
  }
}

export function script(): Script {
  return new Script();
}

function size(n: number): string {
  for (const [suffix, unit] of [['T', T], ['G', G], ['M', M], ['K', K]] as const) {
    if (n !== 0 && n % unit === 0) return `${n / unit}${suffix}`;
  }
  return String(n);
}

function hexAddr(n: number): string {
  return '0x' + n.toString(16);
}

function addrText(a: AddrExpr): string {
  if (a.kind === 'abs') return hexAddr(a.value);
  return a.offset === 0 ? a.name : `${a.name}+${hexAddr(a.offset)}`;
}

function flagsText(f: MmapFlags): string {
  const parts = [f.shared && 'shared', f.private && 'private', f.sharedPt && 'shared_pt', f.fixed && 'fixed'];
  return parts.filter((p): p is string => p !== false).join(',');
}

/** One command as a scenario line (SPEC 2). */
export function commandText(c: Command): string {
  switch (c.op) {
    case 'machine':
      return `machine ram=${size(c.ram)} seed=${c.seed} pt_reclaim=${c.ptReclaim ? 'on' : 'off'}${c.fidelity === undefined ? '' : ` fidelity=${c.fidelity}`}${c.mshareAlign === undefined ? '' : ` mshare_align=${size(c.mshareAlign)}`}`;
    case 'file':
      return `file ${c.name} ${size(c.size)}${c.hugetlb ? ' hugetlb' : ''}`;
    case 'memfd':
      return `memfd ${c.name} ${size(c.size)}`;
    case 'process':
      return `process ${c.name}`;
    case 'thread':
      return `thread ${c.parent} ${c.name}`;
    case 'fork':
      return `fork ${c.parent} ${c.child}`;
    case 'mmap': {
      const at = c.addr === null ? 'auto' : addrText(c.addr);
      const off = c.offset !== 0 ? ` ${size(c.offset)}` : '';
      const as = c.as !== null ? ` as=${c.as}` : '';
      const file = c.file === ANON_FILE ? '-' : c.file;
      return `${c.task} mmap ${at} ${size(c.len)} ${protString(c.prot)} ${flagsText(c.flags)} ${file}${off}${as}`;
    }
    case 'touch':
      return `${c.task} touch ${addrText(c.addr)}${c.len === null ? '' : ' ' + size(c.len)} ${c.access}`;
    case 'mprotect':
      return `${c.task} mprotect ${addrText(c.addr)} ${size(c.len)} ${protString(c.prot)}`;
    case 'madvise':
      return `${c.task} madvise ${addrText(c.addr)} ${size(c.len)} ${c.advice}`;
    case 'munmap':
      return `${c.task} munmap ${addrText(c.addr)} ${size(c.len)}`;
    case 'exit':
      return `${c.task} exit`;
    case 'mshare':
      return `mshare ${c.name} ${size(c.size)}`;
    case 'mshare_map':
      return `${c.region} map ${size(c.offset)} ${size(c.len)} ${c.file} ${size(c.fileOffset)} ${protString(c.prot)}`;
    case 'mshare_unmap':
      return `${c.region} unmap ${size(c.offset)} ${size(c.len)}`;
    case 'unlink':
      return `unlink ${c.name}`;
  }
}

export function scriptText(cmds: readonly Located[]): string {
  return cmds.map((c) => commandText(c.command)).join('\n');
}
