/**
 * The seed's story as commands (SPEC 7): N clients each map an S-byte SGA
 * (a page-cache file, or a hugetlbfs file) and touch all of it.
 */
import type { Command, Located } from '../src/sim/commands';

export type Sharing = 'none' | 'shared_pt' | 'hugetlb';

export const SGA_BASE = 0x7f00_0000_0000;

/** The seed's world as scenario text (what the worker and the page load): 1500 clients sharing a 300 GiB SGA with MAP_SHARED_PT on 2 TiB. */
export const SEED_TEXT = ['machine ram=2T', 'file sga 300G', 'process db[1-1500]', 'db[1-1500] mmap 0x7f0000000000 300G rw shared,shared_pt sga', 'db[1-1500] touch 0x7f0000000000 300G read'].join('\n');
/** Its commands: 1 machine, 1 file, 1500 processes, mmaps and touches. */
export const SEED_STEPS = 4502;

export function sgaScenario(clients: number, bytes: number, sharing: Sharing, ram: number): Located[] {
  const cmds: Command[] = [
    { op: 'machine', ram, seed: 1, ptReclaim: false },
    { op: 'file', name: 'sga', size: bytes, hugetlb: sharing === 'hugetlb' },
  ];
  for (let i = 1; i <= clients; i++) {
    const task = `db${i}`;
    cmds.push({ op: 'process', name: task });
    cmds.push({
      op: 'mmap',
      task,
      addr: { kind: 'abs', value: SGA_BASE },
      len: bytes,
      prot: { read: true, write: true, exec: false },
      flags: { shared: true, private: false, sharedPt: sharing === 'shared_pt', fixed: false },
      file: 'sga',
      offset: 0,
      as: null,
    });
    cmds.push({ op: 'touch', task, addr: { kind: 'abs', value: SGA_BASE }, len: bytes, access: 'read' });
  }
  return cmds.map((command, i) => ({ line: i + 1, command }));
}
