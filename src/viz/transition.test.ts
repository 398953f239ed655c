import { describe, expect, it } from 'vitest';
import { A, P, U, W } from '../sim/bits';
import type { Snapshot } from '../protocol/messages';
import { snapshotsAt } from '../worker/testEngine';
import { entryDiff, transition } from './transition';

const TEXT = `file sga 4M
process db1
process db2
db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db2 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db1 touch 0x7f0000000000 2M write
db2 touch 0x7f0000000000 read
db1 mprotect 0x7f0000000000 1M r
db1 exit
db2 exit`;

function at(step: number): Snapshot {
  return snapshotsAt(TEXT, [step])[0] as Snapshot;
}

const leaf = (lo: number, hi: number, bits: number, page0 = lo) => ({ kind: 'leaf' as const, lo, hi, file: 'f', page0, bits, pagesPerEntry: 1 });

describe('entries that differ between two pictures of a table', () => {
  it('finds the ranges whose entries differ, merging neighbours', () => {
    expect(entryDiff([leaf(0, 512, P | W | U | A)], [leaf(0, 256, P | U | A), leaf(256, 512, P | W | U | A)])).toEqual([[0, 256]]);
    expect(entryDiff([], [leaf(10, 20, P)])).toEqual([[10, 20]]);
    expect(entryDiff([leaf(0, 8, P)], [leaf(0, 4, P), leaf(4, 8, P)])).toEqual([]);
    // Same bits, other file pages: a different entry.
    expect(entryDiff([leaf(0, 8, P, 0)], [leaf(0, 8, P, 100)])).toEqual([[0, 8]]);
  });
});

describe('the transition between two snapshots', () => {
  it('calls everything added when there was nothing before', () => {
    const t = transition(null, at(6));
    expect(t.tables.added.length).toBe(at(6).tables.length);
    expect(t.hosts.added.map((h) => h.name)).toEqual(['host:sga']);
  });

  it('says which entries of the shared PTE page an mprotect changed, from and to', () => {
    const t = transition(at(7), at(8));
    const host = t.tables.changed.find((c) => c.to.level === 'pte');
    expect(host?.entries).toEqual([[0, 256]]);
    expect(host?.from.entries).not.toEqual(host?.to.entries);
    expect(t.links.added).toEqual([]);
  });

  it('keeps what leaves drawable: the exited process, its tables and its link', () => {
    const t = transition(at(8), at(9));
    expect(t.processes.removed.map((m) => m.name)).toEqual(['db1']);
    const gone = t.tables.removed;
    expect(gone.length).toBeGreaterThan(0);
    for (const table of gone) expect(table.entries.length + table.referrers.length).toBeGreaterThan(0);
    expect(t.links.removed.map((l) => l.from)).toEqual([1]);
    // The shared PTE page stays, one link fewer.
    expect(t.tables.changed.some((c) => c.to.level === 'pte' && c.from.referrerCount === c.to.referrerCount + 1)).toBe(true);
  });

  it('empties the host mm at its last reference', () => {
    const t = transition(at(9), at(10));
    expect(t.hosts.removed.map((m) => m.name)).toEqual(['host:sga']);
    expect(t.tables.added).toEqual([]);
  });
});
