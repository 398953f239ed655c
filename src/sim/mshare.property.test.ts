// Random msharefs scenarios (SPEC 1.5) through the engine and the reference model: a
// region with objects and a gap, 2-3 processes attached at different windows, then
// touches inside and between objects, objects placed and removed, windows unmapped,
// forks, exits and the region's unlink. Same events, reports, translations, invariants.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { print } from '../scenario/printer';
import type { Command, Located } from './commands';
import { createEngine } from './engine/engine';
import { crossCheck } from './reference/crosscheck';
import { createReference } from './reference/reference';
import { G, K, M } from './reference/script';

const R = 512 * G;
const WINDOWS = [0x6000_0000_0000, 0x6200_0000_0000, 0x6400_0000_0000];
const rw = { read: true, write: true, exec: false };
const abs = (value: number) => ({ kind: 'abs' as const, value });

/** Offsets into the region: in the first object, at its end, in the gap, in the second object. */
const offset = fc.constantFrom(0, 4 * K, 2 * M, G - 4 * K, G, G + 4 * M, 2 * G, 2 * G + 2 * M);

function stepArb(processes: number): fc.Arbitrary<Command> {
  const task = fc.constantFrom(...Array.from({ length: processes }, (_, i) => `p${i + 1}`), 'c1');
  const win = fc.integer({ min: 0, max: processes - 1 });
  return fc.oneof(
    { weight: 8, arbitrary: fc.record({ p: fc.integer({ min: 0, max: processes - 1 }), o: offset, len: fc.option(fc.constantFrom(4 * K, 2 * M, 6 * M)), access: fc.constantFrom('read' as const, 'write' as const) }).map(({ p, o, len, access }): Command => ({ op: 'touch', task: `p${p + 1}`, addr: abs((WINDOWS[p] ?? 0) + o), len, access })) },
    { weight: 2, arbitrary: fc.record({ o: fc.constantFrom(0, G, 2 * G, 3 * G), len: fc.constantFrom(4 * M, G), file: fc.constantFrom('f0', 'f1', '-', 'h0') }).map(({ o, len, file }): Command => ({ op: 'mshare_map', region: 'rgn', offset: o, len, file, fileOffset: 0, prot: rw })) },
    { weight: 2, arbitrary: fc.record({ o: fc.constantFrom(0, G, 2 * G), len: fc.constantFrom(2 * M, G) }).map(({ o, len }): Command => ({ op: 'mshare_unmap', region: 'rgn', offset: o, len })) },
    { weight: 1, arbitrary: win.map((p): Command => ({ op: 'munmap', task: `p${p + 1}`, addr: abs(WINDOWS[p] ?? 0), len: R })) },
    { weight: 1, arbitrary: win.map((p): Command => ({ op: 'mmap', task: `p${p + 1}`, addr: abs(WINDOWS[p] ?? 0), len: R, prot: rw, flags: { shared: true, private: false, sharedPt: false, fixed: false }, file: 'rgn', offset: 0, as: null })) },
    { weight: 1, arbitrary: win.map((p): Command => ({ op: 'mprotect', task: `p${p + 1}`, addr: abs(WINDOWS[p] ?? 0), len: 4 * K, prot: { read: true, write: false, exec: false } })) },
    { weight: 1, arbitrary: task.map((t): Command => ({ op: 'fork', parent: t, child: 'c1' })) },
    { weight: 1, arbitrary: task.map((t): Command => ({ op: 'exit', task: t })) },
    { weight: 1, arbitrary: fc.constant<Command>({ op: 'unlink', name: 'rgn' }) },
  );
}

const mshareArb: fc.Arbitrary<Located[]> = fc
  .record({ processes: fc.integer({ min: 2, max: 3 }), ram: fc.constantFrom(64 * G, 6 * M, 40 * M) })
  .chain(({ processes, ram }) => {
    const setup: Command[] = [
      { op: 'machine', ram, seed: 1, ptReclaim: false },
      { op: 'file', name: 'f0', size: 2 * G, hugetlb: false },
      { op: 'memfd', name: 'f1', size: 64 * M },
      { op: 'file', name: 'h0', size: 2 * G, hugetlb: true },
      { op: 'process', name: 'q' },
      // A process mapping the same hugetlbfs file: PMD sharing never reaches an msharefs host.
      { op: 'mmap', task: 'q', addr: abs(0x7f00_0000_0000), len: G, prot: rw, flags: { shared: true, private: false, sharedPt: false, fixed: false }, file: 'h0', offset: 0, as: null },
      { op: 'touch', task: 'q', addr: abs(0x7f00_0000_0000), len: 4 * M, access: 'write' },
      { op: 'mshare', name: 'rgn', size: R },
      { op: 'mshare_map', region: 'rgn', offset: 0, len: G, file: 'f0', fileOffset: 0, prot: rw },
      { op: 'mshare_map', region: 'rgn', offset: 2 * G, len: 8 * M, file: 'f1', fileOffset: 0, prot: { read: true, write: false, exec: false } },
      ...Array.from({ length: processes }, (_, i): Command => ({ op: 'process', name: `p${i + 1}` })),
      ...Array.from({ length: processes }, (_, i): Command => ({ op: 'mmap', task: `p${i + 1}`, addr: abs(WINDOWS[i] ?? 0), len: R, prot: rw, flags: { shared: true, private: false, sharedPt: false, fixed: false }, file: 'rgn', offset: 0, as: null })),
    ];
    return fc.array(stepArb(processes), { minLength: 1, maxLength: 25 }).map((steps) => [...setup, ...steps].map((command, i) => ({ line: i + 1, command })));
  });

function probes(): number[] {
  const out: number[] = [];
  for (const w of WINDOWS) for (const o of [0, 4 * K, 2 * M, G - 4 * K, 2 * G, 2 * G + 2 * M]) out.push(w + o);
  return out;
}

describe('msharefs: engine and reference model agree', () => {
  it('random msharefs scenarios: same events, reports, translations; no broken invariant', () => {
    fc.assert(fc.property(mshareArb, (cmds) => void crossCheck(cmds, createReference, createEngine, { format: print, probes: probes() })), { numRuns: 150 });
  }, 120_000);
});
