import { describe, expect, it } from 'vitest';
import type { Snapshot } from '../protocol/messages';
import { Session } from '../worker/session';
import { explain } from './explain';

const LESSON = `file sga 4M
process db1
process db2
process db3
process report
db[1-3] mmap 0x7f0000000000 4M rw shared,shared_pt sga
report mmap 0x7f0000000000 2M rw shared,shared_pt sga
db[1-3] touch 0x7f0000000000 write
report touch 0x7f0000000000 read
db1 mprotect 0x7f0000000000 4K r`;

function at(step: number | 'last'): Snapshot {
  const s = new Session();
  s.load({ text: LESSON, step, mode: 'single', window: null });
  while (s.running) s.runFor(Infinity);
  return s.snapshot();
}

describe('the inspector in plain words', () => {
  const snap = at('last');
  const hostPte = snap.tables.find((t) => t.level === 'pte' && t.shared);
  const privatePte = snap.tables.find((t) => t.level === 'pte' && !t.shared);

  it('says who a host PTE page belongs to and who sees a change in it', () => {
    const e = explain(snap, { kind: 'table', id: hostPte?.id ?? '' });
    expect(e.words.join(' ')).toContain(
      "This PTE page belongs to the host mm of sga, which no process runs. 3 processes' PMD entries point at it: db1, db2 and db3. A change here is seen by all of them.",
    );
    expect(e.facts.find((f) => f.label === 'Covers')?.value).toBe('0x7f00_0000_0000 – 0x7f00_0020_0000');
  });

  it('calls a private PTE page private', () => {
    const e = explain(snap, { kind: 'table', id: privatePte?.id ?? '' });
    expect(e.title).toBe('PTE page of report');
    expect(e.words.join(' ')).toMatch(/builds its own copy/);
  });

  it('spells out the bits of an entry the mprotect rewrote for every sharer', () => {
    const e = explain(snap, { kind: 'entry', table: hostPte?.id ?? '', index: 0 });
    expect(e.facts.find((f) => f.label === 'Bits')?.value).toBe('P U A D NX');
    expect(e.words.join(' ')).toMatch(/read-only/);
    expect(e.words.join(' ')).toMatch(/3 other mms reach: they all see these bits/);
    const empty = explain(snap, { kind: 'entry', table: hostPte?.id ?? '', index: 300 });
    expect(empty.words[0]).toMatch(/^Empty/);
  });

  it('explains a guest PMD entry as a link', () => {
    const pmd = snap.tables.find((t) => t.level === 'pmd' && t.entries.some((r) => r.kind === 'link'));
    const e = explain(snap, { kind: 'entry', table: pmd?.id ?? '', index: 0 });
    expect(e.words[0]).toMatch(/^A link/);
  });

  it('explains the host mm and counts its references', () => {
    const host = snap.mms.find((m) => m.isHost);
    const e = explain(snap, { kind: 'mm', id: host?.id ?? 0 });
    expect(e.title).toBe('host:sga (host mm · no task)');
    expect(e.words.join(' ')).toMatch(/3 processes hold a reference/);
  });

  it('says when the subject is not on screen at this step', () => {
    const early = at(2);
    expect(explain(early, { kind: 'table', id: hostPte?.id ?? '' }).missing).toBe(true);
  });

  it('explains a file page', () => {
    expect(explain(snap, { kind: 'page', file: 'sga', page: 0 }).words[0]).toMatch(/One physical page/);
  });
});
