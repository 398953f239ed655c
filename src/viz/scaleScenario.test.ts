import { describe, expect, it } from 'vitest';
import { parse } from '../scenario/index';
import { scaleScenario } from './scaleScenario';

describe('a scale point as a scenario', () => {
  it('writes the seed case as a scenario the parser reads, one step per process per command', () => {
    const text = scaleScenario({ procs: 1500, sizeBytes: 300 * 2 ** 30, ramBytes: 512 * 2 ** 30 }, 1500);
    expect(text).toContain('machine ram=512G');
    expect(text).toContain('db[1-1500] mmap 0x7f0000000000 300G rw shared,shared_pt sga');
    const parsed = parse(text);
    // machine and file, then each process: created, mapped, read.
    expect(parsed.ok && parsed.commands.length).toBe(2 + 3 * 1500);
  });

  it('reads one page when the explorer touches one page', () => {
    expect(scaleScenario({ procs: 2000, sizeBytes: 2 ** 21, ramBytes: 2 ** 36, touchBytes: 4096 }, 2000)).toContain('db[1-2000] touch 0x7f0000000000 4K read');
  });
});
