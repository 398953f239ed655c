import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addrExprText, readSize, sizeText } from './numbers';

describe('sizes', () => {
  it('prints exact binary multiples with a suffix and the rest in decimal', () => {
    expect(sizeText(0)).toBe('0');
    expect(sizeText(4096)).toBe('4K');
    expect(sizeText(4097)).toBe('4097');
    expect(sizeText(6 * 2 ** 20)).toBe('6M');
    expect(sizeText(300 * 2 ** 30)).toBe('300G');
    expect(sizeText(2 ** 40)).toBe('1T');
    expect(sizeText(Number.MAX_SAFE_INTEGER)).toBe('9007199254740991');
  });

  it('reads back every safe integer it prints', () => {
    fc.assert(
      fc.property(fc.maxSafeNat(), (n) => {
        expect(readSize(sizeText(n))).toEqual({ ok: true, value: n });
      }),
    );
  });

  it('refuses sizes past 2^53 - 1, however they are written', () => {
    expect(readSize('9007199254740992').ok).toBe(false);
    expect(readSize('8192T').ok).toBe(false);
    expect(readSize('0x20000000000000').ok).toBe(false);
    expect(readSize('0000000000000000000000004K')).toEqual({ ok: true, value: 4096 });
  });
});

describe('addresses', () => {
  it('prints absolute addresses as plain lowercase hex and named ones as NAME+SIZE', () => {
    expect(addrExprText({ kind: 'abs', value: 0x7f00_0000_0000 })).toBe('0x7f0000000000');
    expect(addrExprText({ kind: 'abs', value: 0 })).toBe('0x0');
    expect(addrExprText({ kind: 'named', name: 'buf', offset: 0 })).toBe('buf');
    expect(addrExprText({ kind: 'named', name: 'buf', offset: 0x1000 })).toBe('buf+4K');
  });

  it('reads the trace form with underscores', () => {
    expect(readSize('0x7f00_0000_0000')).toEqual({ ok: true, value: 0x7f00_0000_0000 });
  });
});
