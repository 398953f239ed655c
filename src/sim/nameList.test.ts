import { describe, expect, it } from 'vitest';
import { foldNames } from './nameList';

const db = (from: number, to: number): string[] => Array.from({ length: to - from + 1 }, (_, i) => `db${from + i}`);

describe('folding long lists of names', () => {
  it('prints a short list whole', () => {
    expect(foldNames(['db1', 'db2', 'host:sga'])).toBe('db1 db2 host:sga');
    expect(foldNames(db(1, 8))).toBe('db1 db2 db3 db4 db5 db6 db7 db8');
    expect(foldNames([])).toBe('');
  });

  it('folds numbered names in a row into a span, with the count', () => {
    expect(foldNames(db(1, 1500))).toBe('db1 … db1500 (1,500)');
    expect(foldNames([...db(1, 1500), 'host:sga'])).toBe('db1 … db1500 host:sga (1,501)');
    expect(foldNames([...db(1, 5), ...db(7, 20)])).toBe('db1 … db5 db7 … db20 (19)');
  });

  it('leaves out the middle of a list of many unrelated names', () => {
    const names = Array.from({ length: 30 }, (_, i) => `p${i * 2}`);
    expect(foldNames(names)).toBe('p0 p2 p4 … p58 (30)');
  });

  it('keeps names with leading zeros, or with no number, as they are', () => {
    expect(foldNames(['a01', 'a02', 'a03', 'a04', 'a05', 'a06', 'a07', 'a08', 'a09'])).toBe('a01 a02 a03 … a09 (9)');
    expect(foldNames(['x', 'y', 'z', 'w', 'v', 'u', 't', 's', 'r'])).toBe('x y z … r (9)');
  });
});
