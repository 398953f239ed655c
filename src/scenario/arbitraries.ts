/**
 * fast-check arbitraries for scenario commands, shared by property tests:
 * - `commandArb` / `locatedArb`: any command the language can express, for
 *   testing the parser and printer (names, sizes and addresses of any shape);
 * - `scenarioArb`: plausible scenarios over a few tasks, files and addresses,
 *   so that random runs through the engine and the reference model collide,
 *   share, fault and fail often;
 * - `windowScenarioArb`: ordinary and MAP_SHARED_PT mappings whose operations
 *   fall on whole 1 GiB windows or parts of them, where the engine keeps PMD
 *   pages as runs.
 */
import fc from 'fast-check';
import type { AddrExpr, Advice, Access, Command, Located, MmapFlags, Prot } from '../sim/commands';
import { ANON_FILE } from '../sim/commands';
import { ADVICES, ACCESSES, AUTO, isDeclaration } from './words';
import { parse } from './parser';

const KiB = 2 ** 10;
const MiB = 2 ** 20;
const GiB = 2 ** 30;

/** Any NAME of the grammar. */
export const nameArb: fc.Arbitrary<string> = fc.stringMatching(/^[A-Za-z_][A-Za-z0-9_.-]{0,9}$/);
export const taskNameArb = nameArb.filter((n) => !isDeclaration(n));
export const mappingNameArb = nameArb.filter((n) => n !== AUTO);
export const fileArb = fc.oneof(nameArb, fc.constant(ANON_FILE));

/** Byte counts: round sizes (printed as 4M) and arbitrary safe integers. */
export const sizeArb: fc.Arbitrary<number> = fc.oneof(
  fc.tuple(fc.integer({ min: 0, max: 4096 }), fc.constantFrom(1, KiB, MiB, GiB, 2 ** 40)).map(([n, u]) => n * u),
  fc.integer({ min: 0, max: 2 ** 48 }),
  fc.maxSafeNat(),
);

export const addrArb: fc.Arbitrary<AddrExpr> = fc.oneof(
  // Absolute addresses are user addresses (the parser refuses others).
  fc.integer({ min: 0, max: 2 ** 47 - 1 }).map((value): AddrExpr => ({ kind: 'abs', value })),
  fc.record({ kind: fc.constant('named' as const), name: mappingNameArb, offset: sizeArb }),
);

export const protArb: fc.Arbitrary<Prot> = fc.record({ read: fc.boolean(), write: fc.boolean(), exec: fc.boolean() });
export const flagsArb: fc.Arbitrary<MmapFlags> = fc.record({
  shared: fc.boolean(),
  private: fc.boolean(),
  sharedPt: fc.boolean(),
  fixed: fc.boolean(),
});
export const accessArb: fc.Arbitrary<Access> = fc.constantFrom(...ACCESSES);
export const adviceArb: fc.Arbitrary<Advice> = fc.constantFrom(...ADVICES);

export const machineArb: fc.Arbitrary<Command> = fc.record({
  op: fc.constant('machine' as const),
  ram: sizeArb.filter((r) => r >= 16 * KiB), // smaller is an impossible machine (a parse error)
  seed: fc.integer({ min: 0, max: 0xffff_ffff }),
  ptReclaim: fc.boolean(),
});

/** Any command but `machine` (which may only come first). */
export const commandArb: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ op: fc.constant('file' as const), name: nameArb, size: sizeArb, hugetlb: fc.boolean() }),
  fc.record({ op: fc.constant('memfd' as const), name: nameArb, size: sizeArb }),
  fc.record({ op: fc.constant('process' as const), name: taskNameArb }),
  fc.record({ op: fc.constant('thread' as const), parent: taskNameArb, name: taskNameArb }),
  fc.record({ op: fc.constant('fork' as const), parent: taskNameArb, child: taskNameArb }),
  fc.record({
    op: fc.constant('mmap' as const),
    task: taskNameArb,
    addr: fc.option(addrArb),
    len: sizeArb,
    prot: protArb,
    flags: flagsArb,
    file: fileArb,
    offset: sizeArb,
    as: fc.option(mappingNameArb),
  }),
  fc.record({ op: fc.constant('touch' as const), task: taskNameArb, addr: addrArb, len: fc.option(sizeArb), access: accessArb }),
  fc.record({ op: fc.constant('mprotect' as const), task: taskNameArb, addr: addrArb, len: sizeArb, prot: protArb }),
  fc.record({ op: fc.constant('madvise' as const), task: taskNameArb, addr: addrArb, len: sizeArb, advice: adviceArb }),
  fc.record({ op: fc.constant('munmap' as const), task: taskNameArb, addr: addrArb, len: sizeArb }),
  fc.record({ op: fc.constant('exit' as const), task: taskNameArb }),
);

/** Numbers commands from line 1, as parsing a printed scenario does. */
export function locate(commands: readonly Command[]): Located[] {
  return commands.map((command, i) => ({ line: i + 1, command }));
}

/** A whole scenario: an optional machine line, then any commands. */
export const locatedArb: fc.Arbitrary<Located[]> = fc
  .tuple(fc.option(machineArb), fc.array(commandArb, { maxLength: 30 }))
  .map(([machine, rest]) => locate(machine === null ? rest : [machine, ...rest]));

export interface ScenarioOptions {
  /** Commands after the set-up lines; default 25. */
  readonly maxSteps?: number;
  /** Longest mapping or touch; default 8 MiB. 1 GiB or more brings hugetlb window sharing in. */
  readonly maxLen?: number;
}

/** The base of the fixed addresses: 1 GiB-aligned, as SPEC's examples use. */
export const SCENARIO_BASE = 0x7f00_0000_0000;
const TASKS = ['p0', 'p1', 'p2', 'p3', 't0', 'c0'];
const FILES = ['f0', 'f1', 'h0', 'm0', ANON_FILE];
const MAPPINGS = ['m0', 'm1'];

/** Plausible scenarios (see the file comment); errors such as EEXIST or EINVAL are part of the mix. */
export function scenarioArb(options: ScenarioOptions = {}): fc.Arbitrary<Located[]> {
  const maxLen = options.maxLen ?? 8 * MiB;
  const lengths = [4 * KiB, 12 * KiB, 2 * MiB, 2 * MiB + 4 * KiB, 4 * MiB, 8 * MiB, GiB, 2 * GiB].filter((l) => l <= maxLen);
  const len = fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...lengths) }, fc.integer({ min: 1, max: 512 }).map((p) => Math.min(p * 4 * KiB, maxLen)));
  const task = fc.constantFrom(...TASKS);
  const offsetInWindow = fc.oneof(
    fc.integer({ min: 0, max: 15 }).map((k) => k * 2 * MiB),
    fc.integer({ min: 0, max: 1023 }).map((k) => k * 4 * KiB),
    fc.constantFrom(GiB, 2 * GiB),
  );
  const addr: fc.Arbitrary<AddrExpr> = fc.oneof(
    { weight: 5, arbitrary: offsetInWindow.map((o): AddrExpr => ({ kind: 'abs', value: SCENARIO_BASE + o })) },
    fc.record({ kind: fc.constant('named' as const), name: fc.constantFrom(...MAPPINGS), offset: fc.constantFrom(0, 4 * KiB, 2 * MiB) }),
  );
  const flags: fc.Arbitrary<MmapFlags> = fc.oneof(
    { weight: 6, arbitrary: fc.record({ shared: fc.constant(true), private: fc.constant(false), sharedPt: fc.boolean(), fixed: fc.boolean() }) },
    flagsArb,
  );
  const prot = fc.oneof({ weight: 3, arbitrary: fc.constant<Prot>({ read: true, write: true, exec: false }) }, protArb);
  const step: fc.Arbitrary<Command> = fc.oneof(
    { weight: 4, arbitrary: fc.record({ op: fc.constant('mmap' as const), task, addr: fc.option(addr, { freq: 8 }), len, prot, flags, file: fc.constantFrom(...FILES), offset: fc.constantFrom(0, 0, 2 * MiB, 4 * KiB), as: fc.option(fc.constantFrom(...MAPPINGS)) }) },
    { weight: 5, arbitrary: fc.record({ op: fc.constant('touch' as const), task, addr, len: fc.option(len), access: accessArb }) },
    fc.record({ op: fc.constant('mprotect' as const), task, addr, len, prot: protArb }),
    fc.record({ op: fc.constant('madvise' as const), task, addr, len, advice: adviceArb }),
    { weight: 2, arbitrary: fc.record({ op: fc.constant('munmap' as const), task, addr, len }) },
    fc.record({ op: fc.constant('exit' as const), task }),
    fc.record({ op: fc.constant('process' as const), name: task }),
    fc.record({ op: fc.constant('thread' as const), parent: task, name: task }),
    fc.record({ op: fc.constant('fork' as const), parent: task, child: task }),
  );
  const machine = fc.option(
    fc.record({
      op: fc.constant('machine' as const),
      ram: fc.constantFrom(64 * GiB, 4 * GiB, 64 * MiB, 2 * MiB, 160 * KiB),
      seed: fc.integer({ min: 0, max: 9 }),
      ptReclaim: fc.boolean(),
    }),
  );
  const setup: Command[] = [
    { op: 'file', name: 'f0', size: 16 * MiB, hugetlb: false },
    { op: 'file', name: 'f1', size: 4 * GiB, hugetlb: false },
    { op: 'file', name: 'h0', size: 4 * GiB, hugetlb: true },
    { op: 'memfd', name: 'm0', size: 8 * MiB },
    { op: 'process', name: 'p0' },
    { op: 'process', name: 'p1' },
    { op: 'process', name: 'p2' },
  ];
  return fc
    .tuple(machine, fc.array(step, { maxLength: options.maxSteps ?? 25 }))
    .map(([m, steps]) => locate([...(m === null ? [] : [m]), ...setup, ...steps]));
}

/** Scenarios whose mappings and operations fall on 1 GiB windows, whole or in part, in a few processes. */
export const windowScenarioArb: fc.Arbitrary<Located[]> = (() => {
  const BASE = 0x7e00_0000_0000;
  const hex = (n: number): string => `0x${n.toString(16)}`;
  const task = fc.constantFrom('p', 'q', 'c', 't', 'r');
  const at = fc.oneof(
    fc.integer({ min: 0, max: 3 }).map((k) => BASE + k * GiB),
    fc.tuple(fc.integer({ min: 0, max: 3 }), fc.constantFrom(4096, 2 * 2 ** 20, GiB / 2)).map(([k, o]) => BASE + k * GiB + o),
  );
  const len = fc.constantFrom('1G', '2G', '3G', '4K', '2M', '512M');
  const obj = fc.constantFrom('-', 'f', 'g');
  const line = fc.oneof(
    { weight: 3, arbitrary: fc.tuple(task, at, len, fc.constantFrom('rw', 'r'), fc.constantFrom('private', 'shared', 'private,fixed', 'shared,shared_pt'), obj).map(([t, a, l, p, f, o]) => `${t} mmap ${hex(a)} ${l} ${p} ${f} ${o}`) },
    { weight: 4, arbitrary: fc.tuple(task, at, len, fc.constantFrom('read', 'write')).map(([t, a, l, x]) => `${t} touch ${hex(a)} ${l} ${x}`) },
    fc.tuple(task, at, len, fc.constantFrom('r', 'rw', 'none')).map(([t, a, l, p]) => `${t} mprotect ${hex(a)} ${l} ${p}`),
    fc.tuple(task, at, len).map(([t, a, l]) => `${t} madvise ${hex(a)} ${l} dontneed`),
    fc.tuple(task, at, len).map(([t, a, l]) => `${t} munmap ${hex(a)} ${l}`),
    fc.constantFrom('fork p', 'fork c', 'fork r', 'c exit', 'p exit', 't exit', 'r exit'),
  );
  const machine = fc.constantFrom('machine ram=64G', 'machine ram=64G pt_reclaim=on', 'machine ram=3G', 'machine ram=1G');
  return fc
    .tuple(machine, fc.array(line, { minLength: 1, maxLength: 14 }))
    .map(([m, lines]) => {
      // Each fork's child has a name of its own (the scenario names nothing before it is made).
      const body = lines.map((l, i) => (l.startsWith('fork ') ? `${l} k${i}` : l));
      const text = [m, 'file f 4G', 'file g 2G', 'process p', 'process q', 'thread q t', 'process c', `p mmap ${hex(BASE)} 4G rw private -`, `p touch ${hex(BASE)} 2G read`, `c mmap ${hex(BASE)} 3G rw private f`, `c touch ${hex(BASE)} 3G write`, `q mmap ${hex(BASE)} 2G rw shared,shared_pt f`, `q touch ${hex(BASE)} 2G read`, 'process r', `r mmap ${hex(BASE)} 2G rw shared,shared_pt f`, ...body].join('\n');
      const r = parse(text);
      if (!r.ok) throw new Error(`line ${r.error.line}: ${r.error.message}`);
      return r.commands;
    });
})();
