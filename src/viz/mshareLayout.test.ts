import { describe, expect, it } from 'vitest';
import { snapshotsAt } from '../worker/testEngine';
import { dirLines } from './entries';
import { layoutDiagram } from './layout';
import { linkCurves } from './links';

// Two windows of one msharefs region at different addresses (SPEC 1.5).
const TEXT = `file sga 2G
mshare rgn 512G
rgn map 0 1G sga
process a
process b
a mmap 0x600000000000 512G rw shared rgn
b mmap 0x600000000000 512G rw shared rgn
a touch 0x600000000000 4M write
b touch 0x600000000000 4M read`;

describe('msharefs on the diagram', () => {
  it('draws the PGD entry of each window linked into the PUD page of the host', () => {
    const [snap] = snapshotsAt(TEXT, ['last']);
    if (snap === undefined) throw new Error('a snapshot expected');
    const layout = layoutDiagram(snap, false, 1200);
    const pgd = layout.cards.find((c) => c.table.level === 'pgd' && snap.names[c.mm] === 'a');
    expect(pgd).toBeDefined();
    expect(dirLines(pgd!.table, 1).map((l) => l.text)).toEqual(['192 ⇢ shared PUD']);
    const host = layout.columns.find((c) => c.mm.isHost);
    const curves = linkCurves(layout).filter((c) => c.to.startsWith(`${host?.mm.id}/`));
    expect(curves.length).toBe(2);
    // The host's own PGD still heads its column.
    expect(layout.cards.some((c) => c.mm === host?.mm.id && c.table.level === 'pgd')).toBe(true);
    // The windows have no PUD page of their own: the slot shows the host's.
    expect(layout.slots.filter((sl) => sl.level === 'pud' && sl.target !== null).length).toBe(2);
  });
});
