import { describe, expect, it } from 'vitest';
import { logStops, nearestStop, parseSize, sizeText } from './sizes';

describe('sizes as people type them', () => {
  it('reads binary units, with or without a B, in any case', () => {
    expect(parseSize('300G')).toBe(300 * 2 ** 30);
    expect(parseSize('2 MiB')).toBe(2 ** 21);
    expect(parseSize('1t')).toBe(2 ** 40);
    expect(parseSize('4096')).toBe(4096);
    expect(parseSize('1.5G')).toBe(1.5 * 2 ** 30);
    expect(parseSize('lots')).toBeNull();
    expect(parseSize('-3G')).toBeNull();
  });

  it('writes the shortest exact text back', () => {
    expect(sizeText(300 * 2 ** 30)).toBe('300G');
    expect(sizeText(3 * 2 ** 20)).toBe('3M');
    expect(sizeText(1536 * 2 ** 20)).toBe('1536M');
    expect(sizeText(4095)).toBe('4095');
  });

  it('gives aligned slider stops on a log scale, and the stop nearest a typed size', () => {
    const stops = logStops(2 ** 21, 2 ** 40, 2 ** 21);
    expect(stops[0]).toBe(2 ** 21);
    expect(stops[stops.length - 1]).toBe(2 ** 40);
    expect(stops.every((s) => s % 2 ** 21 === 0)).toBe(true);
    expect(stops[nearestStop(stops, 300 * 2 ** 30)]).toBe(256 * 2 ** 30);
  });
});
