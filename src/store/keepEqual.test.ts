import { describe, expect, it } from 'vitest';
import { keepEqual } from './keepEqual';

describe('keepEqual', () => {
  it('keeps what is equal and takes what changed', () => {
    const prev = { step: 1, tables: [{ id: 'a', entries: [{ lo: 0, hi: 2 }] }, { id: 'b', entries: [] }], names: { 1: 'db1' } };
    const next = structuredClone({ ...prev, step: 2, tables: [prev.tables[0], { id: 'b', entries: [{ lo: 3, hi: 4 }] }] });
    const kept = keepEqual(prev, next);
    expect(kept).toEqual(next);
    expect(kept).not.toBe(prev);
    expect(kept.tables[0]).toBe(prev.tables[0]);
    expect(kept.tables[1]).not.toBe(prev.tables[1]);
    expect(kept.names).toBe(prev.names);
  });

  it('matches items by id, so one added in front keeps the rest', () => {
    const prev = [{ id: 'b', n: 1 }, { id: 'c', n: 2 }];
    const next = structuredClone([{ id: 'a', n: 0 }, ...prev]);
    const kept = keepEqual(prev, next);
    expect(kept).toEqual(next);
    expect(kept[1]).toBe(prev[0]);
    expect(kept[2]).toBe(prev[1]);
  });

  it('returns the old value itself when nothing changed, and the new one for other kinds of value', () => {
    const prev = { a: [1, 2, { b: null }], c: 'x' };
    expect(keepEqual(prev, structuredClone(prev))).toBe(prev);
    expect(keepEqual({ a: 1 }, { a: 1, b: undefined })).toEqual({ a: 1, b: undefined });
    const bytes = new Uint8Array([1]);
    expect(keepEqual(new Uint8Array([1]), bytes)).toBe(bytes);
  });
});
