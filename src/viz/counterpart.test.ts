import { describe, expect, it } from 'vitest';
import { Session } from '../worker/session';
import { clientsScenario } from '../worker/testEngine';
import { counterpart } from './counterpart';

function sides() {
  const s = new Session();
  s.load({ text: clientsScenario(3, '4M', true), step: 'last', mode: 'compare', vs: 'baseline', window: null });
  while (s.running) s.runFor(Infinity);
  const [a, b] = s.snapshots();
  if (a === undefined || b === undefined) throw new Error('two sides expected');
  return [a, b] as const;
}

describe('the same thing on the other side', () => {
  it('finds a process\'s PMD page on the other side by owner, level and address, though ids differ', () => {
    const [withSharing, without] = sides();
    const pmd = withSharing.tables.find((t) => t.level === 'pmd' && withSharing.names[t.tree] === 'db2');
    expect(pmd).toBeDefined();
    const there = counterpart({ kind: 'table', id: pmd?.id ?? '' }, withSharing, without);
    expect(there?.kind).toBe('table');
    const t = without.tables.find((x) => there?.kind === 'table' && x.id === there.id);
    expect([without.names[t?.tree ?? -1], t?.level, t?.va]).toEqual(['db2', 'pmd', pmd?.va]);
  });

  it('has no counterpart for a host PTE page on the side without sharing, but keeps processes', () => {
    const [withSharing, without] = sides();
    const hostPte = withSharing.tables.find((t) => t.level === 'pte' && t.shared);
    expect(counterpart({ kind: 'table', id: hostPte?.id ?? '' }, withSharing, without)).toBeNull();
    const db3 = withSharing.mms.find((m) => m.name === 'db3');
    const mm = counterpart({ kind: 'mm', id: db3?.id ?? -1 }, withSharing, without);
    expect(mm?.kind === 'mm' && without.mms.find((m) => m.id === mm.id)?.name).toBe('db3');
  });
});
