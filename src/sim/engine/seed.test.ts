// SPEC 7: the numbers the tool must reproduce exactly, through the same engine the
// lessons use (the seed's scale runs in seconds because tables are kept as runs).
import { describe, expect, it } from 'vitest';
import { sgaScenario } from '../../../bench/sga';
import type { Command, Located } from '../commands';
import { runScenario } from '../report';
import { createEngine } from './engine';

const GiB = 2 ** 30;
const KiB = 1024;

function located(cmds: Command[]): Located[] {
  return cmds.map((command, i) => ({ line: i + 1, command }));
}

/** N processes map `bytes` of one file at the same address (shared_pt or not) and touch it all. */
function clients(n: number, bytes: number, sharedPt: boolean, touch = bytes): Located[] {
  const cmds: Command[] = [{ op: 'machine', ram: 4 * 2 ** 40, seed: 1, ptReclaim: false }, { op: 'file', name: 'f', size: bytes, hugetlb: false }];
  for (let i = 0; i < n; i++) {
    const task = `p${i}`;
    cmds.push({ op: 'process', name: task });
    cmds.push({
      op: 'mmap', task, addr: { kind: 'abs', value: 0x7f00_0000_0000 }, len: bytes, prot: { read: true, write: false, exec: false },
      flags: { shared: true, private: false, sharedPt, fixed: false }, file: 'f', offset: 0, as: null,
    });
    cmds.push({ op: 'touch', task, addr: { kind: 'abs', value: 0x7f00_0000_0000 }, len: touch, access: 'read' });
  }
  return located(cmds);
}

// The seed's scale takes seconds; under the test runner's transform, allow more.
describe('SPEC 7 numbers', { timeout: 120_000 }, () => {
  it('300 GiB fully touched, no sharing: 153,600 PTE pages + 300 PMD + 1 PUD per process', () => {
    const r = runScenario(createEngine(), clients(1, 300 * GiB, false));
    expect(r.processes[0]!.pgtables_bytes).toBe((153_600 + 300 + 1) * 4096);
  });

  it('1500 clients x 300 GiB: 878.9 GiB of PTE pages (943,718,400,000 bytes)', () => {
    let ptePages = 0;
    const r = runScenario(createEngine(), sgaScenario(1500, 300 * GiB, 'none', 2 * 2 ** 40), {
      checkEveryStep: false,
      onStep: ({ events }) => {
        for (const e of events) if ((e.k === 'alloc' || e.k === 'free') && e.level === 'pte') ptePages += e.k === 'alloc' ? e.count : -e.count;
      },
    });
    expect(ptePages * 4096).toBe(943_718_400_000);
    expect((ptePages * 4096) / GiB).toBeCloseTo(878.9, 1);
    expect(r.processes.every((p) => p.pgtables_bytes === (153_600 + 301) * 4096)).toBe(true);
    expect(r.ok).toBe(true);
  });

  it('on a 512 GiB machine the SGA without sharing ends in OOM kills; with MAP_SHARED_PT it fits', () => {
    const plain = runScenario(createEngine(), sgaScenario(1500, 300 * GiB, 'none', 512 * GiB), { checkEveryStep: false });
    const shared = runScenario(createEngine(), sgaScenario(1500, 300 * GiB, 'shared_pt', 512 * GiB), { checkEveryStep: false });
    const kills = (r: typeof plain): number => r.processes.filter((p) => p.oom_killed).length;
    expect(kills(plain)).toBeGreaterThan(1000);
    expect(kills(shared)).toBe(0);
    // the host pays 153,600 PTE pages + 300 PMD + 1 PUD once; each client its PUD and 300 PMD pages
    expect(shared.hosts[0]!.pgtables_bytes).toBe((153_600 + 301) * 4096);
    expect(shared.processes.every((p) => p.pgtables_bytes === 301 * 4096)).toBe(true);
    expect(plain.ok && shared.ok).toBe(true);
  });

  it('with hugetlb PMD sharing 1500 x 300 GiB fits too, each client charged for the shared PMD pages', () => {
    const r = runScenario(createEngine(), sgaScenario(1500, 300 * GiB, 'hugetlb', 512 * GiB), { checkEveryStep: false });
    expect(r.processes.filter((p) => p.oom_killed)).toEqual([]);
    expect(r.processes.every((p) => p.pgtables_bytes === 301 * 4096)).toBe(true);
    // physically: 1500 PGDs + 1500 PUDs + 300 shared PMD pages
    expect(r.pagetables_bytes).toBe((1500 + 1500 + 300) * 4096);
  });

  it('one 4 KiB page mapped by 2000 processes: 16,000 bytes of PTEs', () => {
    const r = runScenario(createEngine(), clients(2000, 2 * 2 ** 20, false, 4096), { checkEveryStep: false });
    const ptes = r.processes.reduce((n, p) => n + p.rss_pages, 0);
    expect(ptes * 8).toBe(16_000);
  });

  it('1 GiB by 1000 processes: about 1.96 GiB of tables without sharing; 2 MiB of host PTE pages with it', () => {
    const plain = runScenario(createEngine(), clients(1000, GiB, false), { checkEveryStep: false });
    const perProcess = plain.processes[0]!.pgtables_bytes;
    expect(perProcess).toBe(2056 * KiB);
    expect((perProcess * 1000) / GiB).toBeCloseTo(1.96, 2);
    const shared = runScenario(createEngine(), clients(1000, GiB, true), { checkEveryStep: false });
    expect(shared.hosts[0]!.pgtables_bytes).toBe((512 + 1 + 1) * 4096);
    expect(shared.processes.every((p) => p.pgtables_bytes === 2 * 4096)).toBe(true);
  });
});
