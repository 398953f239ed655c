// Points where the engine and the reference model once disagreed, each as the
// smallest scenario that showed it, now settled (docs/ENGINE.md says how): both
// models must give the same events, reports and translations on each.
import { describe, expect, it } from 'vitest';
import { createEngine } from '../engine/engine';
import { crossCheck } from './crosscheck';
import { createReference } from './reference';
import { G, K, M, script } from './script';

const BASE = 0x7f00_0000_0000;
const PROBES = [BASE, BASE + 4 * K, BASE + 2 * M];

/** Strict comparison (free text aside), translations at the probes. */
function compare(cmds: ReturnType<ReturnType<typeof script>['build']>): void {
  crossCheck(cmds, createReference, createEngine, { probes: PROBES });
}

describe('settled disagreements between the engine and the reference model', () => {
  it('the comparison itself passes on a scenario both models agree on', () => {
    expect(() => compare(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', 'f').touch('a', BASE, 4 * M).exit('a').build())).not.toThrow();
  });

  it('SIGSEGV reasons are the quoted words; the address is in the event', () => {
    compare(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'r', 'shared', 'f').touch('a', BASE, null, 'write').build());
  });

  it('an unknown file and bad flags together: EBADF, the file is looked up first', () => {
    compare(script().process('a').mmap('a', BASE, 4 * K, 'rw', 'private,shared_pt', 'nofile').build());
  });

  it('mprotect from a hole into the middle of a hugetlb page: ENOMEM, the hole comes first', () => {
    compare(script().file('h', 4 * M, true).process('a').mmap('a', BASE + 2 * M, 2 * M, 'r', 'shared', 'h').mprotect('a', BASE, 2 * M + 4 * K, 'rw').build());
  });

  it('anonymous memory ignores the offset, as shared anonymous memory does in Linux', () => {
    compare(script().process('a').mmap('a', BASE, 8 * K, 'rw', 'shared', '-', { offset: 4 * K }).touch('a', BASE, null).build());
  });

  it('OOM on a hugetlb page names the first touched address of that huge page', () => {
    compare(script().machine({ ram: 200 * K }).file('h', 2 * G, true).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', 'h').touch('a', BASE, 4 * M).build());
  });

  it('a hugetlb page needs 512 free frames', () => {
    compare(script().machine({ ram: 3 * M }).file('h', 8 * M, true).process('a').mmap('a', BASE, 8 * M, 'r', 'shared', 'h').touch('a', BASE, 4 * M).build());
  });

  it('a hugetlb fault that only shares a populated PMD page is still a fault', () => {
    const s = script().file('h', G, true).process('a', 'b').mmap('a', BASE, G, 'rw', 'shared', 'h').mmap('b', BASE, G, 'rw', 'shared', 'h');
    compare(s.touch('a', BASE, null).touch('b', BASE, null).build());
  });

  it('translate() of a PROT_NONE leaf is null: it is not present', () => {
    compare(script().file('f', 4 * M).process('a').mmap('a', BASE, 4 * M, 'rw', 'shared', 'f').touch('a', BASE, null).mprotect('a', BASE, 4 * M, 'none').build());
  });

  it('a process may share its own hugetlb PMD page between two windows', () => {
    const at = 0x4000_4000_0000;
    const s = script().file('h', 2 * G, true).process('a').mmap('a', at, 1536 * M, 'rw', 'shared', 'h').mmap('a', BASE + G, 2 * G, 'rw', 'shared', 'h');
    compare(s.touch('a', at + 0x1a65c000, null, 'write').touch('a', BASE + G, null).build());
  });
});
