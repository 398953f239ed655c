import { describe, expect, it } from 'vitest';
import { addressRange, exactBytes, indexRange, nameList, plural } from './format';

describe('formatting for the screen', () => {
  it('writes exact bytes with separators', () => {
    expect(exactBytes(8192)).toBe('8,192 bytes');
    expect(exactBytes(1)).toBe('1 byte');
  });

  it('writes index ranges inclusively and address ranges in grouped hex', () => {
    expect(indexRange(3, 4)).toBe('3');
    expect(indexRange(0, 512)).toBe('0–511');
    expect(addressRange(0x7f00_0000_0000, 0x7f00_0020_0000)).toBe('0x7f00_0000_0000 – 0x7f00_0020_0000');
  });

  it('lists names for a sentence, shortening long lists', () => {
    expect(nameList(['db1'])).toBe('db1');
    expect(nameList(['db1', 'db2', 'db3'])).toBe('db1, db2 and db3');
    expect(nameList(['db1', 'db2'], 1500, 2)).toBe('db1, db2 and 1,498 more');
    expect(plural(1500, 'process', 'processes')).toBe('1,500 processes');
  });
});
