import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../protocol/messages';
import { snapshotsAt } from '../worker/testEngine';
import { choreograph, type Plan } from './choreography';
import { layoutDiagram } from './layout';
import { linkCurves } from './links';

const LESSON = `file sga 4M
process db1
process db2
db1 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db2 mmap 0x7f0000000000 4M rw shared,shared_pt sga
db1 touch 0x7f0000000000 2M write
db2 touch 0x7f0000000000 read
db1 mprotect 0x7f0000000000 2M r
db1 exit
db2 exit`;

const FOLDED = `file sga 4M
process db[1-20]
db[1-20] mmap 0x7f0000000000 4M rw shared,shared_pt sga
db[1-20] touch 0x7f0000000000 2M read
db1 mprotect 0x7f0000000000 2M r`;

/** The two snapshots around `step`, for the window the whole run chose. */
function around(text: string, step: number): [Snapshot, Snapshot] {
  const [prev, next] = snapshotsAt(text, [step - 1, step]);
  if (prev === undefined || next === undefined) throw new Error('two snapshots expected');
  return [prev, next];
}

function planOf(text: string, step: number): Plan {
  const [prev, next] = around(text, step);
  const prevLayout = layoutDiagram(prev, false, 1200);
  const nextLayout = layoutDiagram(next, false, 1200);
  return choreograph({ prev, next, prevLayout, nextLayout, prevCurves: linkCurves(prevLayout), nextCurves: linkCurves(nextLayout) });
}

const kinds = (p: Plan) => p.beats.map((b) => b.kind);

describe('the choreography of a step', () => {
  it('plays a first touch in causal order: walk, new tables, PTEs written, the link drawn', () => {
    const p = planOf(LESSON, 6);
    expect(kinds(p)).toEqual(['walk', 'alloc', 'write', 'link']);
    expect(p.walk?.path.stop).toBe('pgd');
    expect(p.walk?.path.steps.map((s) => [s.level, s.index])).toEqual([['pgd', 254]]);
    // db1's VmPTE counts up from nothing to its PUD and PMD page.
    expect([...p.counters.values()].some((c) => c.from === 0 && c.to === 8192)).toBe(true);
    expect(p.duration).toBeGreaterThan(800);
    expect(p.duration).toBeLessThan(1600);
  });

  it('puts every beat after the one before it, with no gaps', () => {
    const p = planOf(LESSON, 6);
    p.beats.forEach((b, i) => expect(b.start).toBe(i === 0 ? 0 : (p.beats[i - 1]?.start ?? 0) + (p.beats[i - 1]?.dur ?? 0)));
  });

  it('ripples an mprotect of a shared page to every sharer and lists the TLB flush', () => {
    const p = planOf(LESSON, 8);
    expect(kinds(p)).toEqual(['write', 'ripple']);
    const r = p.ripple?.what;
    expect([...(r?.sharers.keys() ?? [])].sort()).toEqual([1, 2]);
    expect(r?.curves.size).toBe(2);
    expect(r?.tlb).toEqual(['db1', 'db2', 'host:sga']);
  });

  it('reaches the folded sharers too: a card of identical processes counts them all', () => {
    const p = planOf(FOLDED, 62);
    const r = p.ripple?.what;
    const folded = around(FOLDED, 62)[1].mms.find((m) => m.count > 1);
    expect(folded).toBeDefined();
    expect(r?.sharers.get(folded?.id ?? -1)).toBe(folded?.count);
    expect([...(r?.sharers.values() ?? [])].reduce((a, b) => a + b, 0)).toBe(20);
  });

  it('tears down in order: links retract, tables fade where they stood, the column closes, the rest slide', () => {
    const p = planOf(LESSON, 9);
    expect(kinds(p)).toEqual(['unlink', 'free', 'close', 'slide']);
    // What leaves keeps its last picture, so it can be drawn while it fades.
    expect(p.stage.columns.removed.map((c) => c.mm.name)).toEqual(['db1']);
    expect(p.stage.cards.removed.length).toBeGreaterThan(0);
    for (const c of p.stage.cards.removed) expect(p.ghostAt.get(c.key)).toBe(1);
    expect(p.transition.tables.removed.every((t) => t.entries !== undefined)).toBe(true);
    expect(p.stage.curves.removed.map((c) => c.from)).toEqual([1]);
  });

  it('lets the last reference empty the host mm, then closes its column', () => {
    const p = planOf(LESSON, 10);
    expect(p.transition.hosts.removed.map((h) => h.name)).toEqual(['host:sga']);
    expect(p.columnAt.get(p.transition.hosts.removed[0]?.id ?? -1)).toBe(kinds(p).indexOf('close'));
    expect(kinds(p).indexOf('free')).toBeLessThan(kinds(p).indexOf('close'));
  });

  it('keys what stays by stable ids, so a step moves things instead of replacing them', () => {
    const p = planOf(LESSON, 9);
    const moved = [...p.stage.columns.moved.values()];
    expect(moved.map((m) => m.to.mm.name).sort()).toEqual(['db2', 'host:sga']);
    for (const m of moved) expect(m.dx).toBeGreaterThan(0);
    expect(p.stage.cards.added).toEqual([]);
  });
});
