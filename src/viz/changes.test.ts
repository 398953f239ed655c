import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../protocol/messages';
import { Session } from '../worker/session';
import { stepChanges } from './changes';
import { treeOfTableId } from '../worker/snapshot';

const LESSON = `file sga 4M
process db1
process db2
db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db2 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db1 touch 0x7f0000000000 1M write
db2 touch 0x7f0000000000 read
db1 mprotect 0x7f0000000000 4K r`;

function at(step: number): Snapshot {
  const s = new Session();
  s.load({ text: LESSON, step, mode: 'single', window: null });
  while (s.running) s.runFor(Infinity);
  return s.snapshot();
}

describe('what changed this step', () => {
  it('reads the tree of a table from the snapshot, which takes it from the root of its id', () => {
    expect(treeOfTableId('4/254/0/1')).toBe(4);
    expect(treeOfTableId('7')).toBe(7);
    for (const t of at(6).tables) expect(t.tree).toBe(treeOfTableId(t.id));
  });

  it('marks tables a first touch created, the PTEs it wrote, the link and the pages it read', () => {
    const c = stepChanges(at(6));
    expect(c.tables.get('3/254/0/0')).toEqual({ created: true, entries: [[0, 256]] });
    expect(c.tables.get('1/254/0')?.created).toBe(true);
    expect(c.links.has('1>3/254/0/0')).toBe(true);
    expect(c.pages.get('sga')).toEqual([[0, 256]]);
  });

  it('marks a link fault without new PTEs', () => {
    const c = stepChanges(at(7));
    expect(c.links).toEqual(new Set(['2>3/254/0/0']));
    expect(c.tables.has('3/254/0/0')).toBe(false);
  });

  it('marks the one entry an mprotect rewrote in the shared page', () => {
    const c = stepChanges(at(8));
    expect(c.tables.get('3/254/0/0')).toEqual({ created: false, entries: [[0, 1]] });
  });
});
