import { describe, expect, it } from 'vitest';
import { fitScale } from './fit';

describe('fitting the drawing', () => {
  it('shrinks to the width, not below 0.6', () => {
    expect(fitScale(1000, 500, 900, 800, false)).toBeCloseTo(0.9);
    expect(fitScale(2000, 500, 900, 800, false)).toBe(0.6);
  });

  it('grows on a big screen only as far as the height allows, at most 1.6', () => {
    expect(fitScale(400, 500, 1600, 600, false)).toBeCloseTo(1.2);
    expect(fitScale(400, 300, 1600, 2000, false)).toBe(1.6);
    expect(fitScale(400, 900, 1600, 600, false)).toBe(1);
  });

  it('leaves a phone layout alone', () => {
    expect(fitScale(360, 3000, 360, 700, true)).toBe(1);
  });
});
