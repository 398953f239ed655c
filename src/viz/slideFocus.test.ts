import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../protocol/messages';
import { snapshotsAt } from '../worker/testEngine';
import { focusSelection } from './slideFocus';

const TEXT = `file sga 4M
process a
process b
a mmap 0x7f0000000000 4M rw shared,shared_pt sga
b mmap 0x7f0000000000 4M rw shared,shared_pt sga
a touch 0x7f0000000000 read`;

const REGION = `file f 1G
mshare rgn 512G
rgn map 0 1G f
process a
a mmap 0x500000000000 512G rw shared rgn
a touch 0x500000000000 read`;

function last(text = TEXT): Snapshot {
  return snapshotsAt(text, ['last'])[0] as Snapshot;
}

describe('what a slide asks the reader to look at', () => {
  it('finds a process, a table by owner, level and address, and the host page a link reaches', () => {
    const snap = last();
    const mm = focusSelection(snap, { kind: 'mm', name: 'b' });
    expect(mm?.kind === 'mm' && snap.mms.find((m) => m.id === mm.id)?.name).toBe('b');
    const pmd = focusSelection(snap, { kind: 'table', mm: 'a', level: 'pmd', va: 0x7f0000000000 });
    expect(pmd?.kind === 'table' && snap.tables.find((t) => t.id === pmd.id)?.level).toBe('pmd');
    const link = focusSelection(snap, { kind: 'link', from: 'a', host: 'host:sga' });
    const target = link?.kind === 'table' ? snap.tables.find((t) => t.id === link.id) : undefined;
    expect([target?.level, target?.shared]).toEqual(['pte', true]);
  });

  it('finds an msharefs host by host:FILE, and the host PUD page a window links to', () => {
    const snap = last(REGION);
    const host = focusSelection(snap, { kind: 'mm', name: 'host:rgn' });
    expect(host?.kind === 'mm' && snap.mms.find((m) => m.id === host.id)?.name).toBe('mshare:rgn');
    const link = focusSelection(snap, { kind: 'link', from: 'a', host: 'host:rgn' });
    const target = link?.kind === 'table' ? snap.tables.find((t) => t.id === link.id) : undefined;
    expect(target?.level).toBe('pud');
    expect(snap.mms.find((m) => m.name === 'mshare:rgn')?.tables).toContain(target?.id);
  });

  it('is nothing where the step has no such thing', () => {
    expect(focusSelection(last(), { kind: 'mm', name: 'nobody' })).toBeNull();
    expect(focusSelection(last(), { kind: 'link', from: 'b', host: 'host:sga' })).toBeNull();
  });
});
