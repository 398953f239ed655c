import { describe, expect, it } from 'vitest';
import { validateScaleInput } from './validate';

const MiB = 2 ** 20;
const GiB = 2 ** 30;
const TiB = 2 ** 40;

describe('validateScaleInput', () => {
  it('accepts the seed case and fills in the touched bytes', () => {
    expect(validateScaleInput({ procs: 1500, sizeBytes: 300 * GiB, ramBytes: 512 * GiB })).toEqual({
      ok: true,
      input: { procs: 1500, sizeBytes: 300 * GiB, ramBytes: 512 * GiB, touchBytes: 300 * GiB },
    });
  });

  it('accepts both ends of every slider', () => {
    expect(validateScaleInput({ procs: 1, sizeBytes: 2 * MiB, ramBytes: GiB }).ok).toBe(true);
    expect(validateScaleInput({ procs: 5000, sizeBytes: TiB, ramBytes: 2 ** 50, touchBytes: 4096 }).ok).toBe(true);
  });

  it('says which slider is out of range, and its range', () => {
    expect(validateScaleInput({ procs: 0, sizeBytes: 2 * MiB, ramBytes: GiB })).toEqual({
      ok: false,
      problems: ['processes must be a whole number from 1 to 5000, got 0'],
    });
    expect(validateScaleInput({ procs: 5001, sizeBytes: 2 * TiB, ramBytes: 512 * MiB })).toEqual({
      ok: false,
      problems: [
        'processes must be a whole number from 1 to 5000, got 5001',
        'size 2 TiB is out of range (2 MiB to 1 TiB)',
        'RAM 512 MiB is out of range (1 GiB to 1024 TiB)',
      ],
    });
  });

  it('refuses a size that is not 2 MiB aligned, and fractions', () => {
    expect(validateScaleInput({ procs: 2, sizeBytes: 3 * MiB, ramBytes: GiB })).toEqual({ ok: false, problems: ['size 3 MiB is not a multiple of 2 MiB'] });
    expect(validateScaleInput({ procs: 2.5, sizeBytes: 2 * MiB + 1, ramBytes: GiB })).toEqual({
      ok: false,
      problems: ['processes must be a whole number from 1 to 5000, got 2.5', 'size 2097153 bytes is not a multiple of 2 MiB'],
    });
    expect(validateScaleInput({ procs: 2, sizeBytes: Number.NaN, ramBytes: GiB })).toMatchObject({ ok: false, problems: ['size must be a whole number of bytes, got NaN'] });
  });

  it('keeps the touched bytes within the mapping and page aligned', () => {
    expect(validateScaleInput({ procs: 2, sizeBytes: 2 * MiB, ramBytes: GiB, touchBytes: 4 * MiB })).toEqual({
      ok: false,
      problems: ['touched bytes 4 MiB is out of range (4 KiB to 2 MiB)'],
    });
    expect(validateScaleInput({ procs: 2, sizeBytes: 2 * MiB, ramBytes: GiB, touchBytes: 100 })).toMatchObject({ ok: false });
  });
});
