// Randomised cross-check of the fast engine against the reference model (SPEC 4):
// the same scenario through both, and after every step the same events, reports,
// translations, and no broken invariant on either side.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { print } from '../scenario/printer';
import type { AddrExpr, Command, Located, MmapFlags, Prot } from './commands';
import { createEngine } from './engine/engine';
import type { Model } from './model';
import { crossCheck } from './reference/crosscheck';
import { createReference } from './reference/reference';
import { G, K, M, flags as flagsOf, prot as protOf } from './reference/script';

const PAGE = 4 * K;
/** Four 1 GiB windows in two 512 GiB regions: two of them adjacent, so mappings cross. */
const WINDOWS = [0x7f00_0000_0000, 0x7f00_4000_0000, 0x4000_0000_0000, 0x4000_4000_0000];
const TASKS = ['p1', 'p2', 'p3', 'p4', 't1', 't2', 'c1', 'c2'];
const NAMES = ['m0', 'm1'];

function weighted<T>(...pairs: [number, fc.Arbitrary<T>][]): fc.Arbitrary<T> {
  return fc.oneof(...pairs.map(([weight, arbitrary]) => ({ weight, arbitrary })));
}

/**
 * A few anchors (the first 2 MiB slots of the windows, and the last slot below
 * a 1 GiB line), mostly exact, sometimes a page or a byte off: small enough a
 * set that mappings of different processes coincide and touches land in them.
 */
const absAddr: fc.Arbitrary<number> = fc
  .record({
    w: weighted([5, fc.constant(0)], [3, fc.constant(2)], [1, fc.constantFrom(1, 3)]),
    slot: weighted([6, fc.constant(0)], [4, fc.constantFrom(1, 2)], [1, fc.constantFrom(3, 511)]),
    page: weighted([6, fc.constant(0)], [2, fc.integer({ min: 1, max: 511 })]),
    odd: weighted([40, fc.constant(0)], [1, fc.integer({ min: 1, max: PAGE - 1 })]),
  })
  .map(({ w, slot, page, odd }) => (WINDOWS[w] ?? 0) + slot * 2 * M + page * PAGE + odd);

const addr: fc.Arbitrary<AddrExpr> = weighted(
  [12, absAddr.map((value): AddrExpr => ({ kind: 'abs', value }))],
  [1, fc.record({ kind: fc.constant('named' as const), name: fc.constantFrom(...NAMES), offset: fc.integer({ min: 0, max: 600 }).map((p) => p * PAGE) })],
);

const pages = (max: number) => fc.integer({ min: 1, max }).map((p) => p * PAGE);
const mmapLen = weighted([6, fc.constantFrom(2 * M, 4 * M, 6 * M)], [2, pages(1024)], [1, fc.constant(G)], [1, fc.constant(2 * G)], [1, pages(600).map((l) => l - 100)]);
const touchLen = weighted<number | null>([4, fc.constant(null)], [3, pages(600)], [2, fc.constantFrom(2 * M, 4 * M)], [1, fc.constant(G)], [1, pages(20).map((l) => l + 7)]);
const rangeLen = weighted([3, pages(1024)], [3, fc.integer({ min: 1, max: 3 }).map((n) => n * 2 * M)], [1, fc.constantFrom(G, 2 * G)], [1, fc.constant(0)]);
const prot: fc.Arbitrary<Prot> = weighted(
  [8, fc.constant('rw')],
  [3, fc.constant('r')],
  [1, fc.constantFrom('rwx', 'none', 'x', 'w', 'rx')],
).map(protOf);
const mmapFlags: fc.Arbitrary<MmapFlags> = weighted(
  [8, fc.constant('shared')],
  [2, fc.constant('private')],
  [6, fc.constant('shared,shared_pt')],
  [2, fc.constantFrom('shared,fixed', 'shared,shared_pt,fixed', 'private,fixed')],
  [1, fc.constantFrom('private,shared_pt', '', 'shared,private')],
).map(flagsOf);
const offset = weighted([24, fc.constant(0)], [6, fc.integer({ min: 1, max: 3 }).map((n) => n * 2 * M)], [3, pages(300)], [1, fc.integer({ min: 1, max: PAGE - 1 })]);

interface FileSpec {
  readonly op: 'file' | 'memfd';
  readonly size: number;
  readonly hugetlb: boolean;
}
const fileSpec = weighted<FileSpec>(
  [4, weighted([3, fc.constantFrom(4 * M, 8 * M, 64 * M)], [1, pages(3000)], [1, pages(100).map((l) => l - 1000)]).map((size) => ({ op: 'file', size, hugetlb: false }))],
  [2, fc.constantFrom(8 * M, 6 * M + PAGE, 64 * M).map((size) => ({ op: 'memfd', size, hugetlb: false }))],
  [2, fc.constantFrom(4 * M, 8 * M, G, 2 * G).map((size) => ({ op: 'file', size, hugetlb: true }))],
);

/** mprotect's new protection: mostly a change from the usual rw. */
const newProt: fc.Arbitrary<Prot> = weighted([3, fc.constant('r')], [2, fc.constant('none')], [2, fc.constant('rw')], [1, fc.constantFrom('rx', 'x', 'rwx')]).map(protOf);

/** One mapping several steps refer to: mapped by some tasks, touched, changed, unmapped. */
interface MapSpec {
  readonly addr: number | null;
  readonly len: number;
  readonly prot: Prot;
  readonly flags: MmapFlags;
  readonly file: string;
  readonly offset: number;
}

function mapSpecArb(files: FileSpec[], index: number): fc.Arbitrary<MapSpec> {
  const names = files.map((_, i) => `f${i}`);
  const file = weighted([8, fc.constantFrom(...names)], [2, fc.constant('-')], [1, fc.constant('nofile')]);
  // Each mapping in its own window, mostly: they still meet when one is 1 GiB or more.
  const own = absAddr.map((a) => a + ((WINDOWS[index % WINDOWS.length] ?? 0) - (WINDOWS[0] ?? 0)) * (index % 2 === 0 ? 1 : 0) + (index % 2 === 1 ? 8 * M : 0));
  const any = fc.record({ addr: weighted([8, own], [1, fc.constant(null)]), len: mmapLen, prot, flags: mmapFlags, file, offset });
  // hugetlb PMD sharing needs whole 1 GiB windows of a big hugetlb file in shared mappings.
  const big = names.filter((_, i) => (files[i]?.hugetlb ?? false) && (files[i]?.size ?? 0) >= G);
  if (big.length === 0) return any;
  const window = fc.record({
    addr: fc.record({ w: fc.constantFrom(...WINDOWS), half: weighted([3, fc.constant(0)], [1, fc.constant(512 * M)]) }).map(({ w, half }) => w + half),
    len: fc.constantFrom(G, 2 * G, G + 512 * M),
    prot: weighted([4, fc.constant(protOf('rw'))], [1, prot]),
    flags: weighted([6, fc.constant(flagsOf('shared'))], [1, mmapFlags]),
    file: fc.constantFrom(...big),
    offset: weighted([4, fc.constant(0)], [1, fc.constantFrom(512 * M, G)]),
  });
  return weighted([2, any], [1, window]);
}

/** An offset into a mapping of `len` bytes (sometimes at or past its end) and a length from there. */
const within = (len: number) =>
  fc.record({
    off: weighted([6, fc.constant(0)], [3, fc.integer({ min: 0, max: Math.max(0, Math.ceil(len / PAGE) - 1) }).map((p) => p * PAGE)], [1, fc.constantFrom(2 * M, len)]),
    size: weighted([3, fc.constant(len)], [3, pages(600)], [2, fc.constantFrom(2 * M, 4 * M)], [1, pages(20).map((l) => l + 7)], [1, fc.constant(0)]),
  });

/** `task mmap` of mapping i, named m<i> so that steps can find an `auto` one. */
function mmapOf(specs: MapSpec[], i: number, task: string): Command {
  const s = specs[i] as MapSpec;
  return { op: 'mmap', task, addr: s.addr === null ? null : { kind: 'abs', value: s.addr }, len: s.len, prot: s.prot, flags: s.flags, file: s.file, offset: s.offset, as: `m${i}` };
}

function stepArb(specs: MapSpec[], processes: number): fc.Arbitrary<Command> {
  // Mostly the processes that exist; threads and children once forked; now and then nobody.
  const task = weighted(
    [12, fc.constantFrom(...TASKS.slice(0, processes))],
    [2, fc.constantFrom('t1', 't2', 'c1', 'c2')],
    [1, fc.constantFrom(...TASKS)],
  );
  const spec = fc.integer({ min: 0, max: specs.length - 1 });
  const base = (i: number): AddrExpr => {
    const s = specs[i] as MapSpec;
    return s.addr === null ? { kind: 'named', name: `m${i}`, offset: 0 } : { kind: 'abs', value: s.addr };
  };
  const at = (i: number, off: number): AddrExpr => {
    const b = base(i);
    return b.kind === 'abs' ? { kind: 'abs', value: b.value + off } : { ...b, offset: off };
  };
  const inSpec = spec.chain((i) => within((specs[i] as MapSpec).len).map(({ off, size }) => ({ addr: at(i, off), size })));
  const access = weighted([2, fc.constant('read' as const)], [1, fc.constant('write' as const)]);
  return weighted<Command>(
    [10, fc.record({ task, i: spec }).map(({ task: t, i }) => mmapOf(specs, i, t))],
    [24, fc.record({ task, r: inSpec, single: fc.boolean(), access }).map(({ task: t, r, single, access: a }): Command => ({ op: 'touch', task: t, addr: r.addr, len: single ? null : r.size, access: a }))],
    [1, fc.record({ op: fc.constant('touch' as const), task, addr, len: touchLen, access })],
    [6, fc.record({ task, r: inSpec, prot: newProt }).map(({ task: t, r, prot: p }): Command => ({ op: 'mprotect', task: t, addr: r.addr, len: r.size, prot: p }))],
    [6, fc.record({ task, r: inSpec, advice: fc.constantFrom('dontneed' as const, 'dontneed' as const, 'hugepage' as const, 'nohugepage' as const) }).map(({ task: t, r, advice }): Command => ({ op: 'madvise', task: t, addr: r.addr, len: r.size, advice }))],
    [6, fc.record({ task, r: inSpec }).map(({ task: t, r }): Command => ({ op: 'munmap', task: t, addr: r.addr, len: r.size }))],
    [2, fc.record({ op: fc.constant('munmap' as const), task, addr, len: rangeLen })],
    [4, fc.record({ op: fc.constant('fork' as const), parent: task, child: fc.constantFrom('c1', 'c2') })],
    [3, fc.record({ op: fc.constant('thread' as const), parent: task, name: fc.constantFrom('t1', 't2') })],
    [3, fc.record({ op: fc.constant('exit' as const), task })],
    [1, fc.record({ op: fc.constant('process' as const), name: fc.constantFrom('p3', 'p4', 'p1') })],
  );
}

/** A scenario: an optional machine (small RAM for OOM), 1-3 files, 1-4 processes, then 1-30 steps. */
const scenarioArb: fc.Arbitrary<Located[]> = fc
  .record({
    machine: fc.option(
      fc.record({
        op: fc.constant('machine' as const),
        ram: fc.constantFrom(64 * G, 3 * M, 6 * M, 40 * M, 200 * K),
        seed: fc.integer({ min: 1, max: 5 }),
        ptReclaim: fc.boolean(),
        fidelity: fc.constantFrom('described' as const, 'as_posted' as const),
      }),
      { freq: 2 },
    ),
    files: fc.array(fileSpec, { minLength: 1, maxLength: 3 }),
    processes: fc.integer({ min: 1, max: 4 }),
  })
  .chain(({ machine, files, processes }) => {
    const setup: Command[] = [
      ...(machine === null ? [] : [machine]),
      ...files.map((f, i): Command => (f.op === 'memfd' ? { op: 'memfd', name: `f${i}`, size: f.size } : { op: 'file', name: `f${i}`, size: f.size, hugetlb: f.hugetlb })),
      ...Array.from({ length: processes }, (_, i): Command => ({ op: 'process', name: `p${i + 1}` })),
    ];
    return fc
      .integer({ min: 1, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => mapSpecArb(files, i))))
      .chain((specs) =>
        fc.tuple(
          // First each process maps some of the mappings, so that later steps find them.
          fc.array(weighted([3, fc.constant(specs.map((_, i) => i))], [1, fc.subarray(specs.map((_, i) => i), { minLength: 1 })]), { minLength: processes, maxLength: processes }),
          fc.array(stepArb(specs, processes), { minLength: 1, maxLength: 30 }),
        ).map(([maps, steps]) => [...maps.flatMap((idx, p) => idx.map((i) => mmapOf(specs, i, `p${p + 1}`))), ...steps]),
      )
      .map((steps) => [...setup, ...steps].map((command, i) => ({ line: i + 1, command })));
  });

/**
 * Scenarios about sharing only: 2-4 processes that all map one MAP_SHARED_PT
 * region, one 1 GiB hugetlb window and one plain mapping, then work on them
 * (touches, mprotect, madvise, partial and full munmap, fork, exit).
 */
const sharingArb: fc.Arbitrary<Located[]> = fc
  .record({
    processes: fc.integer({ min: 2, max: 4 }),
    ptReclaim: fc.boolean(),
    fidelity: fc.constantFrom('described' as const, 'as_posted' as const),
    regionLen: fc.constantFrom(2 * M, 4 * M, 6 * M),
    hugeLen: fc.constantFrom(G, 2 * G, G + 4 * M),
    plainFlags: fc.constantFrom('shared', 'private'),
  })
  .chain(({ processes, ptReclaim, fidelity, regionLen, hugeLen, plainFlags }) => {
    const specs: MapSpec[] = [
      { addr: WINDOWS[0] ?? 0, len: regionLen, prot: protOf('rw'), flags: flagsOf('shared,shared_pt'), file: 'f0', offset: 0 },
      { addr: WINDOWS[2] ?? 0, len: hugeLen, prot: protOf('rw'), flags: flagsOf('shared'), file: 'f1', offset: 0 },
      { addr: (WINDOWS[1] ?? 0) + 2 * M, len: 6 * M, prot: protOf('rw'), flags: flagsOf(plainFlags), file: 'f2', offset: 0 },
    ];
    const setup: Command[] = [
      { op: 'machine', ram: 64 * G, seed: 1, ptReclaim, fidelity },
      { op: 'memfd', name: 'f0', size: 64 * M },
      { op: 'file', name: 'f1', size: 2 * G, hugetlb: true },
      { op: 'file', name: 'f2', size: 8 * M, hugetlb: false },
      ...Array.from({ length: processes }, (_, i): Command => ({ op: 'process', name: `p${i + 1}` })),
      ...Array.from({ length: processes }, (_, i) => specs.map((_s, j) => mmapOf(specs, j, `p${i + 1}`))).flat(),
      // Populated tables to work on: p1 fills the region and the plain mapping, p1 and p2 share the hugetlb window.
      { op: 'touch', task: 'p1', addr: { kind: 'abs', value: specs[0]?.addr ?? 0 }, len: regionLen, access: 'write' },
      { op: 'touch', task: 'p1', addr: { kind: 'abs', value: specs[2]?.addr ?? 0 }, len: 6 * M, access: 'read' },
      { op: 'touch', task: 'p1', addr: { kind: 'abs', value: specs[1]?.addr ?? 0 }, len: 4 * M, access: 'write' },
      { op: 'touch', task: 'p2', addr: { kind: 'abs', value: specs[1]?.addr ?? 0 }, len: null, access: 'read' },
    ];
    return fc.array(stepArb(specs, processes), { minLength: 1, maxLength: 30 }).map((steps) => [...setup, ...steps].map((command, i) => ({ line: i + 1, command })));
  });

/** Addresses each live task's translation is compared at: the windows' slots and every address the scenario names. */
function probes(cmds: readonly Located[]): number[] {
  const out = new Set<number>();
  for (const w of WINDOWS) for (const o of [0, PAGE, 2 * M, 2 * M + 5 * PAGE, 4 * M, 6 * M - PAGE, G - 2 * M, G - PAGE]) out.add(w + o);
  for (const { command: c } of cmds) {
    if ('addr' in c && c.addr !== null && c.addr.kind === 'abs') {
      const a = c.addr.value - (c.addr.value % PAGE);
      for (const o of [0, PAGE, 2 * M]) out.add(a + o);
    }
  }
  return [...out].sort((a, b) => a - b);
}

/** The engine against the reference. */
function check(cmds: readonly Located[], other: () => Model = createEngine): void {
  crossCheck(cmds, createReference, other, { format: print, probes: probes(cmds) });
}

describe('engine and reference model agree', () => {
  it('the generator makes scenarios with the features asked of it', () => {
    const sample = fc.sample(scenarioArb, { numRuns: 300, seed: 1 }).flat();
    const ops = new Set(sample.map((c) => c.command.op));
    for (const op of ['machine', 'file', 'memfd', 'process', 'thread', 'fork', 'mmap', 'touch', 'mprotect', 'madvise', 'munmap', 'exit']) expect(ops).toContain(op);
    expect(sample.some((c) => c.command.op === 'file' && c.command.hugetlb)).toBe(true);
    expect(sample.some((c) => c.command.op === 'mmap' && c.command.addr === null)).toBe(true);
    expect(sample.some((c) => c.command.op === 'mmap' && c.command.flags.sharedPt)).toBe(true);
  });

  it('the reference model agrees with itself (the harness compares what it should)', () => {
    fc.assert(fc.property(scenarioArb, (cmds) => check(cmds, createReference)), { numRuns: 30, seed: 7 });
  });

  it('random scenarios: same events, reports, translations; no broken invariant', () => {
    fc.assert(fc.property(scenarioArb, (cmds) => check(cmds)), { numRuns: 250 });
  }, 60_000);

  it('random sharing scenarios (MAP_SHARED_PT region, hugetlb window, plain mapping in 2-4 processes)', () => {
    fc.assert(fc.property(sharingArb, (cmds) => check(cmds)), { numRuns: 100 });
  }, 60_000);
});
