// SPEC 1.3, the "as posted" switch (`machine fidelity=as_posted`): the posted code's
// known gaps, each reproduced rule by rule, through both models (run() cross-checks).
import { describe, expect, it } from 'vitest';
import type { Located } from '../commands';
import { runScenario } from '../report';
import { last, ofKind, pgtables, run } from './harness';
import { createReference } from './reference';
import { M, script } from './script';

const BASE = 0x7f00_0000_0000;

function asPosted() {
  return script().add({ op: 'machine', ram: 64 * 2 ** 30, seed: 1, ptReclaim: false, fidelity: 'as_posted' }).file('f', 64 * M).process('a', 'b');
}

const findings = (cmds: Located[]) => runScenario(createReference(), cmds).findings;

describe('SPEC 1.3: as posted', () => {
  it('rule: MAP_PRIVATE|MAP_SHARED_PT is accepted, and shares', () => {
    const r = run(asPosted().mmap('a', BASE, 4 * M, 'rw', 'private,shared_pt', 'f').build());
    expect(ofKind(last(r), 'error')).toEqual([]);
    expect(ofKind(last(r), 'mmap').map((e) => e.sharing)).toEqual(['shared_pt']);
  });

  it('rule: mprotect and MADV_DONTNEED act only through the caller’s linked entries', () => {
    const s = asPosted().mmap('a', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M);
    const r = run(s.mprotect('b', BASE, 4 * M, 'r').madvise('b', BASE, 4 * M, 'dontneed').build());
    expect(r.steps.slice(-2).map((st) => st.filter((e) => e.k !== 'tlb'))).toEqual([[], []]);
    expect(r.model.translate('a', BASE)).not.toBeNull();
  });

  it('rule: exit does not drop the host reference, so the host outlives its last sharer', () => {
    const r = run(asPosted().mmap('a', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M).exit('a').build());
    expect(ofKind(last(r), 'host_unref')).toEqual([]);
    expect(r.model.hosts()).toEqual([{ file: 'f', refcount: 1, pgtables_bytes: 16_384 }]);
  });

  it('rule: a guest’s PMD page over a shared range is never freed: still charged after munmap', () => {
    const r = run(asPosted().mmap('a', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M).munmap('a', BASE, 4 * M).build());
    expect(pgtables(r, 'a')).toBe(8192);
    expect(ofKind(last(r), 'free').filter((e) => e.mm === 1)).toEqual([]);
  });

  it('rule: freeing such an mm reports check_mm’s BUG line as a finding, not a broken invariant', () => {
    const cmds = asPosted().mmap('a', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M).munmap('a', BASE, 4 * M).exit('a').build();
    const r = run(cmds);
    expect(r.model.invariants()).toEqual([]);
    expect(findings(cmds)).toEqual([{ line: cmds.length, mm: 'a', message: 'BUG: non-zero pgtables_bytes on freeing mm: 8192' }]);
    // The leaked pages still exist: a's PUD and PMD, beside b's PGD (the host went at munmap).
    expect(r.model.memory().pagetables_bytes).toBe(4096 * (2 + 1));
  });

  it('rule: the described design has none of these (the same scenario, no findings)', () => {
    const cmds = script().file('f', 64 * M).process('a', 'b').mmap('a', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f').touch('a', BASE, 4 * M).exit('a').build();
    expect(findings(cmds)).toEqual([]);
    expect(run(cmds).model.hosts()).toEqual([]);
  });
});
