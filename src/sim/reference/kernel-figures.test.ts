// The real-kernel figures (Linux 6.18, x86-64): every row of the measured
// kernel-figures.csv, replayed through the reference model. The rows are
// copied verbatim below so the test needs nothing outside the repository.
import { describe, expect, it } from 'vitest';
import { run } from './harness';
import { K, M, script } from './script';

const CSV = `experiment,filesystem,mapping_bytes,processes,touch_pattern,vmpte_kib_per_process,all_processes_kib
single,tmpfs,2097152,1,all,12,12
single,tmpfs,4194304,1,all,16,16
single,tmpfs,67108864,1,all,136,136
single,tmpfs,1073741824,1,all,2056,2056
single,tmpfs,2147483648,1,all,4108,4108
single,ext4_nohugepage,2097152,1,all,12,12
single,ext4_nohugepage,67108864,1,all,136,136
single,ext4_nohugepage,1073741824,1,all,2056,2056
single,ext4_nohugepage,2147483648,1,all,4108,4108
many,tmpfs,67108864,1,all,136,136
many,tmpfs,67108864,2,all,136,272
many,tmpfs,67108864,8,all,136,1088
many,tmpfs,67108864,32,all,136,4352
many,tmpfs,67108864,128,all,136,17408
pattern,tmpfs,67108864,1,none,0,0
pattern,tmpfs,67108864,1,one_per_2m,136,136
pattern,tmpfs,67108864,1,half_first,72,72
pattern,tmpfs,67108864,1,half_alt,136,136
pattern,tmpfs,1073741824,1,none,0,0
pattern,tmpfs,1073741824,1,one_per_2m,2056,2056
pattern,tmpfs,1073741824,1,half_first,1032,1032
pattern,tmpfs,1073741824,1,half_alt,2056,2056`;

interface Row {
  experiment: string;
  filesystem: string;
  bytes: number;
  processes: number;
  pattern: string;
  perProcessKib: number;
  allKib: number;
}

const rows: Row[] = CSV.split('\n')
  .slice(1)
  .map((line) => {
    const [experiment = '', filesystem = '', bytes, processes, pattern = '', per, all] = line.split(',');
    return { experiment, filesystem, bytes: Number(bytes), processes: Number(processes), pattern, perProcessKib: Number(per), allKib: Number(all) };
  });

const AT = 0x4000_0000_0000; // 64 TiB: 512 GiB-aligned, an empty PGD slot (the README's setup)
const PAGE = 4 * K;

/** The README's scenario for a row: `mmap AT SIZE r shared f` per process, then the touches. */
function scenario(row: Row) {
  const s = script().file('f', row.bytes);
  const names = Array.from({ length: row.processes }, (_, i) => `p${i + 1}`);
  s.process(...names);
  for (const p of names) {
    s.mmap(p, AT, row.bytes, 'r', 'shared', 'f');
    if (row.filesystem === 'ext4_nohugepage') s.madvise(p, AT, row.bytes, 'nohugepage');
    switch (row.pattern) {
      case 'all':
        s.touch(p, AT, row.bytes);
        break;
      case 'none':
        break;
      case 'one_per_2m':
        for (let off = 0; off < row.bytes; off += 2 * M) s.touch(p, AT + off, null);
        break;
      case 'half_first':
        s.touch(p, AT, row.bytes / 2);
        break;
      case 'half_alt':
        for (let off = 0; off < row.bytes; off += 2 * PAGE) s.touch(p, AT + off, null);
        break;
      default:
        throw new Error(`unknown touch pattern ${row.pattern}`);
    }
  }
  return { s, names };
}

describe('real-kernel VmPTE figures (kernel-figures.csv)', () => {
  for (const row of rows) {
    const title = `${row.experiment} ${row.filesystem} ${row.bytes / M} MiB × ${row.processes} ${row.pattern}: ${row.perProcessKib} KiB each, ${row.allKib} KiB in all`;
    it(title, () => {
      const { s, names } = scenario(row);
      // Invariants at the end only: half_alt is one step per touched page.
      const r = run(s.build(), { checkEveryStep: false });
      const figures = r.model.processes().map((p) => p.pgtables_bytes / K);
      expect(figures).toEqual(names.map(() => row.perProcessKib));
      expect(figures.reduce((a, b) => a + b, 0)).toBe(row.allKib);
    }, 60_000);
  }

  it('munmap and exit give every page-table page back (VmPTE returns to its value before the mapping)', () => {
    const r = run(
      script()
        .file('f', 64 * M)
        .process('p1', 'p2')
        .mmap('p1', AT, 64 * M, 'r', 'shared', 'f')
        .mmap('p2', AT, 64 * M, 'r', 'shared', 'f')
        .touch('p1', AT, 64 * M)
        .touch('p2', AT, 64 * M)
        .munmap('p1', AT, 64 * M)
        .exit('p2')
        .build(),
    );
    expect(r.model.processes().map((p) => p.pgtables_bytes)).toEqual([0, 0]);
    expect(r.model.memory().pagetables_bytes).toBe(4096); // p1's PGD only
  });
});
