import { describe, expect, it } from 'vitest';
import { differenceText, ratioWords } from './compareFigures';

describe('the comparison in numbers', () => {
  it('says how many times less the shared side needs', () => {
    expect(ratioWords(2.3 * 2 ** 30, 880.6 * 2 ** 30)).toBe('383× less');
    expect(ratioWords(4096, 10240)).toBe('2.5× less');
    expect(ratioWords(10, 10)).toBe('the same');
    expect(ratioWords(8192, 4096)).toBe('2.0× more');
  });

  it('writes the difference bar as one sentence', () => {
    const a = { label: 'with MAP_SHARED_PT', pagetablesBytes: 241_664, vmpteBytes: 65_536, alive: 8, oomKilled: 0 };
    const b = { label: 'without sharing', pagetablesBytes: 1_216_512, vmpteBytes: 1_179_648, alive: 8, oomKilled: 0 };
    expect(differenceText(a, b)).toBe('with MAP_SHARED_PT: 236 KiB · without sharing: 1.2 MiB · 5.0× less');
  });
});
