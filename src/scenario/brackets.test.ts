import { describe, expect, it } from 'vitest';
import { expandBrackets, MAX_EXPANSION } from './brackets';

const names = (text: string): string[] | string => {
  const r = expandBrackets(text);
  return r.ok ? r.names : r.message;
};

describe('expandBrackets', () => {
  it('leaves a plain word alone', () => {
    expect(names('db1')).toEqual(['db1']);
  });

  it('expands ranges, lists and their combinations', () => {
    expect(names('db[2-4]')).toEqual(['db2', 'db3', 'db4']);
    expect(names('db[1,3,5]')).toEqual(['db1', 'db3', 'db5']);
    expect(names('db[1-2,5]')).toEqual(['db1', 'db2', 'db5']);
    expect(names('db[7]')).toEqual(['db7']);
    expect(names('db[3-3]')).toEqual(['db3']);
  });

  it('keeps zero padding and suffixes', () => {
    expect(names('db[01-03]')).toEqual(['db01', 'db02', 'db03']);
    expect(names('db[08-10]')).toEqual(['db08', 'db09', 'db10']);
    expect(names('db[1-10]')).toHaveLength(10);
    expect(names('db[9-10]')).toEqual(['db9', 'db10']);
    expect(names('n[1-2].x')).toEqual(['n1.x', 'n2.x']);
    expect(names('n[005]')).toEqual(['n005']);
  });

  it('refuses malformed groups', () => {
    expect(names('db[5-2]')).toMatch(/start is above the end/);
    expect(names('db[]')).toMatch(/empty brackets/);
    expect(names('db[1-3')).toMatch(/unclosed/);
    expect(names('db1-3]')).toMatch(/unmatched/);
    expect(names('db]1[')).toMatch(/unmatched/);
    expect(names('db[a-b]')).toMatch(/bad bracket item 'a-b'/);
    expect(names('db[1,]')).toMatch(/bad bracket item ''/);
    expect(names('db[1-]')).toMatch(/bad bracket item/);
    expect(names('db[1][2]')).toMatch(/only one/);
    expect(names('db[1-9999999999999999]')).toMatch(/too large/);
  });

  it('caps the names one line may make', () => {
    expect(names(`db[1-${MAX_EXPANSION}]`)).toHaveLength(MAX_EXPANSION);
    expect(names(`db[0-${MAX_EXPANSION}]`)).toMatch(/expands to 100001 names; at most 100000/);
    expect(names('db[1-60000,1-60000]')).toMatch(/expands to 120000/);
  });
});
