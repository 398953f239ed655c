// SPEC 2: `auto` addresses as Linux places them, top-down from a seeded mmap_base.
import { describe, expect, it } from 'vitest';
import { PUD_SIZE } from './geometry';
import { MMAP_GAP, TASK_SIZE, autoAddress, drawMmapBase, seedState } from './random';
import { createEngine } from './engine/engine';
import { run } from './reference/harness';
import { M, script } from './reference/script';

const mmaps = (steps: ReturnType<typeof run>['steps']) => steps.flat().filter((e) => e.k === 'mmap').map((e) => (e.k === 'mmap' ? e.va : 0));

describe('auto addresses', () => {
  it('rule: mmap_base lies below the stack gap, moved down by up to 2^28 random pages', () => {
    let state = seedState(1);
    for (let i = 0; i < 100; i++) {
      const d = drawMmapBase(state);
      state = d.state;
      expect(d.base).toBeLessThanOrEqual(TASK_SIZE - MMAP_GAP);
      expect(d.base).toBeGreaterThan(TASK_SIZE - MMAP_GAP - 2 ** 40);
      expect(d.base % 4096).toBe(0);
    }
  });

  it('rule: each mapping takes the highest free gap that fits, 2 MiB-aligned when 2 MiB or larger', () => {
    const base = 0x7f00_0012_3000;
    expect(autoAddress(base, 4 * M, [])).toBe(0x7eff_ffc0_0000);
    expect(autoAddress(base, 8192, [])).toBe(base - 8192);
    // the 3 MiB gap at the top cannot hold 2 MiB once aligned: the next gap down does
    const vmas = [{ start: base - 16 * M, end: base - 3 * M }];
    expect(autoAddress(base, 2 * M, vmas)).toBe(0x7eff_fee0_0000);
    expect(autoAddress(base, 1 * M, vmas)).toBe(base - 1 * M);
    expect(autoAddress(0x20_0000, 4 * M, [])).toBeNull();
  });

  it('rule: neighbouring auto mappings of one process share its PUD and PMD pages, as in a real process', () => {
    const r = run(script().file('f', 8 * M).process('a').mmap('a', 'auto', 4 * M, 'r', 'shared', 'f').mmap('a', 'auto', 4 * M, 'r', 'shared', 'f').build());
    const [x, y] = mmaps(r.steps);
    expect(x! - y!).toBe(4 * M);
    expect(Math.floor(x! / PUD_SIZE) === Math.floor(y! / PUD_SIZE) || x! % PUD_SIZE === 0).toBe(true);
  });

  it('rule: two processes mapping one file auto land at different addresses (the ASLR lesson holds)', () => {
    const r = run(script().file('f', 8 * M).process('a', 'b').mmap('a', 'auto', 4 * M, 'r', 'shared,shared_pt', 'f').mmap('b', 'auto', 4 * M, 'r', 'shared,shared_pt', 'f').build());
    const [x, y] = mmaps(r.steps);
    expect(x).not.toBe(y);
    expect(r.model.hosts()).toHaveLength(1);
    expect(r.model.hosts()[0]?.refcount).toBe(1);
  });

  it('rule: a forked child keeps its parent mmap_base, so it places the next mapping where the parent would', () => {
    const s = script().file('f', 8 * M).process('a').mmap('a', 'auto', 4 * M, 'r', 'shared', 'f').fork('a', 'c');
    const r = run(s.mmap('a', 'auto', 2 * M, 'r', 'shared', 'f').mmap('c', 'auto', 2 * M, 'r', 'shared', 'f').build());
    const [, p, c] = mmaps(r.steps);
    expect(p).toBe(c);
    expect(createEngine()).toBeDefined();
  });
});
