import { describe, expect, it } from 'vitest';
import { USER_TOP } from '../sim/geometry';
import { clampWindow, panWindow, zoomWindow } from './windowMath';

const MiB = 2 ** 20;
const base = 0x7f00_0000_0000;
const w = { lo: base, hi: base + 8 * MiB };

describe('zoom and pan', () => {
  it('zooms around the middle in whole PTE pages', () => {
    expect(zoomWindow(w, 0.5)).toEqual({ lo: base + 2 * MiB, hi: base + 6 * MiB });
    expect(zoomWindow(w, 2)).toEqual({ lo: base - 4 * MiB, hi: base + 12 * MiB });
  });

  it('never zooms in below one PTE page', () => {
    expect(zoomWindow({ lo: base, hi: base + 2 * MiB }, 0.25)).toEqual({ lo: base, hi: base + 2 * MiB });
  });

  it('zooms around an anchor, keeping that address in place', () => {
    expect(zoomWindow(w, 2, 0)).toEqual({ lo: base, hi: base + 16 * MiB });
  });

  it('pans by a fraction of the window, at least a PTE page', () => {
    expect(panWindow(w, 0.5)).toEqual({ lo: base + 4 * MiB, hi: base + 12 * MiB });
    expect(panWindow({ lo: base, hi: base + 2 * MiB }, -0.1)).toEqual({ lo: base - 2 * MiB, hi: base });
  });

  it('stays inside user space', () => {
    expect(clampWindow(-5, 10)).toEqual({ lo: 0, hi: 2 * MiB });
    expect(panWindow({ lo: USER_TOP - 2 * MiB, hi: USER_TOP }, 1)).toEqual({ lo: USER_TOP - 2 * MiB, hi: USER_TOP });
    expect(zoomWindow(w, 2 ** 40)).toEqual({ lo: 0, hi: USER_TOP });
  });
});
