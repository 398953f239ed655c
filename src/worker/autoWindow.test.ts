import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../sim/events';
import { AutoWindowTracker, autoWindow } from './autoWindow';
import { parse } from '../scenario/index';
import { createEngine } from '../sim/engine/engine';

const MiB = 2 ** 20;
const mmap = (va: number, len: number): TraceEvent => ({ k: 'mmap', mm: 1, va, len, file: 'f', sharing: 'none', notShared: null });

describe('the automatic window', () => {
  it('is null until something is mapped', () => {
    expect(autoWindow([[], [{ k: 'error', errno: 'EINVAL', message: 'x' }]])).toBeNull();
  });

  it('covers the first mapping in whole 2 MiB chunks', () => {
    expect(autoWindow([[], [mmap(0x7f00_0010_0000, 3 * MiB)], [mmap(0x1000_0000, 2 * MiB)]])).toEqual({
      lo: 0x7f00_0000_0000,
      hi: 0x7f00_0000_0000 + 4 * MiB,
    });
  });

  it('spans at most four PTE pages of a huge mapping', () => {
    expect(autoWindow([[mmap(0x7f00_0000_0000, 300 * 1024 * MiB)]])).toEqual({ lo: 0x7f00_0000_0000, hi: 0x7f00_0000_0000 + 8 * MiB });
  });

  it('prefers where the first touch built tables, within its mapping', () => {
    const fault: TraceEvent = { k: 'fault', mm: 1, va: 0x7f00_4000_0000, len: 2 * MiB, access: 'read', kind: 'hugetlb' };
    expect(autoWindow([[mmap(0x7f00_0000_0000, 2048 * MiB)], [fault]])).toEqual({ lo: 0x7f00_4000_0000, hi: 0x7f00_4000_0000 + 8 * MiB });
    const late: TraceEvent = { ...fault, va: 0x7f00_0000_0000 + 3 * MiB };
    expect(autoWindow([[mmap(0x7f00_0000_0000, 4 * MiB)], [late]])).toEqual({ lo: 0x7f00_0000_0000 + 2 * MiB, hi: 0x7f00_0000_0000 + 4 * MiB });
  });

  it('gives a one-page mapping its whole PTE page', () => {
    expect(autoWindow([[mmap(0x7f00_0000_1000, 4096)]])).toEqual({ lo: 0x7f00_0000_0000, hi: 0x7f00_0000_0000 + 2 * MiB });
  });
});

/** Every step's events of a scenario that maps twice, faults, then maps and faults elsewhere. */
function commandsEvents(): TraceEvent[][] {
  const lines = ['process a', 'a mmap 0x7f0000100000 3M rw private -', 'file f 4M', 'a mmap 0x100000000 2M r shared f', 'a touch 0x7f0000200000 write', 'a mmap 0x200000000 2M r shared f', 'a touch 0x200000000 read'];
  const parsed = parse(lines.join('\n'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  const engine = createEngine();
  return parsed.commands.map((c) => engine.step(c));
}

describe('the automatic window as a run goes', () => {
  it('is the window autoWindow gives for the steps fed so far, at every step', () => {
    const steps = commandsEvents();
    const tracker = new AutoWindowTracker();
    steps.forEach((events, i) => {
      tracker.feed(events);
      expect(tracker.window).toEqual(autoWindow(steps.slice(0, i + 1)));
    });
  });
});
