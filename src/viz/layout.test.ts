import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../protocol/messages';
import { Session } from '../worker/session';
import { clientsScenario } from '../worker/testEngine';
import { layoutDiagram, parentCard } from './layout';
import { linkCurves } from './links';

const LESSON = `file sga 4M
process db1
process db2
process report
db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db2 mmap 0x7f0000000000 4M rw shared,shared_pt sga
report mmap 0x7f0000000000 2M rw shared,shared_pt sga
db1 touch 0x7f0000000000 3M write
db2 touch 0x7f0000000000 read
report touch 0x7f0000000000 2M read`;

function snapshotAt(text: string, step: number | 'last'): Snapshot {
  const s = new Session();
  s.load({ text, step, mode: 'single', window: null });
  while (s.running) s.runFor(Infinity);
  return s.snapshot();
}

describe('the diagram layout', () => {
  const snap = snapshotAt(LESSON, 'last');
  const wide = layoutDiagram(snap, false, 1000);

  it('puts the processes that share beside their host, the host apart on the right', () => {
    const names = wide.columns.map((c) => c.mm.name);
    expect(names).toEqual(['report', 'db1', 'db2', 'host:sga']);
    const [, , db2, host] = wide.columns;
    expect((host?.x ?? 0) - (db2?.x ?? 0)).toBeGreaterThan(wide.metrics.colW + wide.metrics.colGap);
    expect(host?.hue).toBe('host');
  });

  it('draws no link curve across a column that takes no part in it', () => {
    const curves = linkCurves(wide);
    expect(curves.length).toBeGreaterThan(0);
    for (const c of curves) {
      const lo = Math.min(c.x1, c.x2);
      const hi = Math.max(c.x1, c.x2);
      const crossed = wide.columns.filter((col) => col.x > lo && col.x + col.w < hi);
      for (const col of crossed) expect(col.mm.vmas.some((v) => v.host !== null)).toBe(true);
    }
  });

  it('draws the host PTE pages once, with one curve per guest link into them', () => {
    const hostPtes = wide.cards.filter((c) => c.table.level === 'pte' && c.table.shared);
    expect(hostPtes).toHaveLength(2);
    const curves = linkCurves(wide);
    expect(curves.map((c) => `${snap.names[c.from]}>${c.to}`).sort()).toEqual(
      ['db1>4/254/0/0', 'db1>4/254/0/1', 'db2>4/254/0/0'].sort(),
    );
    for (const c of curves) expect(c.x2).toBeGreaterThan(c.x1);
  });

  it('leaves a guest its slot, pointing at the host table it reaches', () => {
    const slot = wide.slots.find((s) => s.mm === 2 && s.level === 'pte' && s.target !== null);
    expect(slot?.target).toBe('4/254/0/0');
  });

  it('keeps every card where it was from one step to the next (stable keys, stable places)', () => {
    const before = layoutDiagram(snapshotAt(LESSON, 9), false, 1000);
    const place = new Map(before.cards.map((c) => [c.key, [c.x, c.y]]));
    for (const c of wide.cards) if (place.has(c.key)) expect([c.x, c.y]).toEqual(place.get(c.key));
    expect(before.height).toBe(wide.height);
  });

  it('links each card to its parent in the same column', () => {
    const pte = wide.cards.find((c) => c.mm === 3 && c.table.level === 'pte');
    expect(pte && parentCard(pte, wide.cards)?.table.level).toBe('pmd');
  });

  it('stacks columns and draws no curves on a narrow screen', () => {
    const narrow = layoutDiagram(snap, true, 360);
    expect(new Set(narrow.columns.map((c) => c.x))).toEqual(new Set([0]));
    expect(narrow.width).toBeLessThanOrEqual(360);
    expect(linkCurves(narrow)).toEqual([]);
  });

  it('draws 1500 identical processes as one folded column', () => {
    const big = layoutDiagram(snapshotAt(clientsScenario(1500, '4M', true), 'last'), false, 1000);
    expect(big.columns.map((c) => [c.mm.name, c.mm.count])).toEqual([
      ['db1', 1500],
      ['host:sga', 1],
    ]);
    expect(linkCurves(big).every((c) => c.count === 1500)).toBe(true);
  }, 30_000);
});
