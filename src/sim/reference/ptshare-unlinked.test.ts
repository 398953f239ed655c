// SPEC 1.3, decision: mprotect and MADV_DONTNEED by a sharer that has not linked its
// PMD entries yet act on the host's PTEs for the range (the described design; the posted
// code walked only the caller's tables). Through both models (run() cross-checks).
import { describe, expect, it } from 'vitest';
import { W } from '../bits';
import { last, ofKind, run } from './harness';
import { M, script } from './script';

const BASE = 0x7f00_0000_0000;

/** a and b share f's region; only a has touched (and so linked) it. */
function aLinkedBNot() {
  return script()
    .file('f', 64 * M)
    .process('a', 'b')
    .mmap('a', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f')
    .mmap('b', BASE, 4 * M, 'rw', 'shared,shared_pt', 'f')
    .touch('a', BASE, 4 * M, 'write');
}

describe('SPEC 1.3: a sharer that has not linked yet', () => {
  it('rule: its mprotect rewrites the host PTEs, so a linked sharer sees the change', () => {
    const r = run(aLinkedBNot().mprotect('b', BASE, 4 * M, 'r').build());
    const prot = ofKind(last(r), 'prot');
    expect(prot.map((e) => [e.mm, e.len, e.seenBy])).toEqual([[3, 4 * M, [1, 3]]]);
    expect((r.model.translate('a', BASE)!.bits & W) === 0).toBe(true);
    expect(ofKind(last(r), 'tlb').map((e) => e.mms)).toEqual([[1, 3]]);
  });

  it('rule: its MADV_DONTNEED clears the host PTEs for every linked sharer', () => {
    const r = run(aLinkedBNot().madvise('b', BASE, 2 * M, 'dontneed').build());
    expect(ofKind(last(r), 'clear').map((e) => [e.mm, e.va, e.len])).toEqual([[3, BASE, 2 * M]]);
    expect(r.model.translate('a', BASE)).toBeNull();
    expect(r.model.translate('a', BASE + 2 * M)).not.toBeNull();
  });

  it('rule: its own tables stay untouched: still nothing linked, nothing charged', () => {
    const r = run(aLinkedBNot().mprotect('b', BASE, 4 * M, 'r').build());
    expect(r.model.processes().find((p) => p.name === 'b')?.pgtables_bytes).toBe(0);
    expect(r.model.translate('b', BASE)).toBeNull();
  });
});
