import { describe, expect, it } from 'vitest';
import { formatParseError } from './errors';
import { MAX_COMMANDS, parse } from './parser';

/** The formatted error of a scenario that must not parse. */
function error(text: string): string {
  const r = parse(text);
  if (r.ok) throw new Error(`parsed unexpectedly: ${text}`);
  return formatParseError(r.error);
}

describe('parse errors point at line and column', () => {
  const cases: [string, string, RegExp][] = [
    ['unknown verb', 'process db1\ndb1 frob 0x1000', /^line 2, column 5: unknown verb 'frob' after task 'db1'/],
    ['junk where a name belongs', 'process db1\n\u0000\u00ff garbage', /^line 2, column 1: '\\u0000\\u00ff' is not a command or a task name/],
    ['mistyped keyword', 'proces db1', /^line 1, column 1: unknown command 'proces' \(did you mean 'process'\?\)/],
    ['verb without task', 'exit db1', /^line 1, column 1: 'exit' needs the task first/],
    ['task without verb', '  db1', /^line 1, column 6: missing verb after task 'db1'/],
    ['bad size', 'file sga 4Q', /^line 1, column 10: bad size '4Q'/],
    ['negative size', 'file sga -4K', /^line 1, column 10: bad size '-4K'/],
    ['fractional size', 'file sga 1.5M', /^line 1, column 10: bad size '1.5M'/],
    ['unsafe size', 'file sga 8192T', /^line 1, column 10: size '8192T' is too large/],
    ['huge digit string', `file sga ${'9'.repeat(400)}`, /^line 1, column 10: size '9{20}…9{19}' \(400 characters\) is too large/],
    ['bad prot', 'a mprotect 0x1000 4K rwq', /^line 1, column 22: bad protection 'rwq'/],
    ['repeated prot letter', 'a mprotect 0x1000 4K rr', /^line 1, column 22: bad protection 'rr'/],
    ['duplicate flag', 'a mmap auto 4M rw shared,private,shared f', /^line 1, column 34: duplicate flag 'shared'/],
    ['unknown flag', 'a mmap auto 4M rw shared,sharedpt f', /^line 1, column 26: unknown flag 'sharedpt'/],
    ['empty flag', 'a mmap auto 4M rw shared,,fixed f', /^line 1, column 26: empty flag/],
    ['missing argument', 'file sga', /^line 1, column 9: missing SIZE \(usage: file NAME SIZE \[hugetlb\]\)/],
    ['missing FILE', 'a mmap auto 4M rw shared', /^line 1, column 25: missing FILE/],
    ['missing access', 'a touch 0x1000 4K', /^line 1, column 18: missing the access/],
    ['bad access', 'a touch 0x1000 4K exec', /^line 1, column 19: expected read, write for the access, got 'exec'/],
    ['bad advice', 'a madvise 0x1000 4K free', /^line 1, column 21: expected dontneed, hugepage, nohugepage/],
    ['trailing junk', 'process db1 db2', /^line 1, column 13: unexpected 'db2' \(usage: process NAME\)/],
    ['trailing junk after mmap', 'a mmap auto 4K r shared f 0 as=x y', /^line 1, column 34: unexpected 'y'/],
    ['junk after exit', 'a exit now', /^line 1, column 8: unexpected 'now'/],
    ['memfd is never hugetlb', 'memfd m 4K hugetlb', /^line 1, column 12: unexpected 'hugetlb'/],
    ['file suffix not hugetlb', 'file f 4K huge', /^line 1, column 11: expected hugetlb/],
    ['machine not first', '# setup\nprocess a\nmachine ram=1G', /^line 3, column 1: machine is only allowed as the first command/],
    ['second machine', 'machine\nmachine', /^line 2, column 1: machine is only allowed as the first command/],
    ['machine option twice', 'machine seed=1 seed=2', /^line 1, column 16: machine option seed= given twice/],
    ['unknown machine option', 'machine cpus=4', /^line 1, column 9: unknown machine option 'cpus=4'/],
    ['bad machine ram', 'machine ram=lots', /^line 1, column 13: bad size 'lots'/],
    ['bad pt_reclaim', 'machine pt_reclaim=yes', /^line 1, column 20: pt_reclaim must be on or off/],
    ['bad fidelity', 'machine fidelity=posted', /^line 1, column 18: fidelity must be described or as_posted/],
    ['mshare_align not a PGD entry', 'machine mshare_align=1G', /^line 1, column 22: mshare_align must be a multiple of 512G/],
    ['seed with a suffix', 'machine seed=4K', /^line 1, column 14: seed must be a whole number/],
    ['seed too large', 'machine seed=4294967296', /^line 1, column 14: seed must be a whole number/],
    ['bad bracket range', 'process db[5-2]', /^line 1, column 9: bad range \[5-2\] in 'db\[5-2\]'/],
    ['bracket in task position', 'db[2-1] exit', /^line 1, column 1: bad range \[2-1\]/],
    ['too-large expansion', 'process db[1-100001]', /^line 1, column 9: 'db\[1-100001\]' expands to 100001 names; at most 100000 per line/],
    ['mismatched pairing', 'fork db[1-3] c[1-2]', /^line 1, column 14: 'db\[1-3\]' gives 3 names but 'c\[1-2\]' gives 2/],
    ['bracket gives bad names', 'process [1-3]', /^line 1, column 9: bad task name '\[1-3\]'/],
    ['keyword as task name', 'process file', /^line 1, column 9: 'file' is a keyword and cannot name a task/],
    ['keyword as thread name', 'thread a fork', /^line 1, column 10: 'fork' is a keyword/],
    ['bad task name', 'process 9lives', /^line 1, column 9: bad task name '9lives'/],
    ['bad file name', 'file s=ga 4K', /^line 1, column 6: bad file name 's=ga'/],
    ['bad mmap file', 'a mmap auto 4K r shared f/x', /^line 1, column 25: bad file name 'f\/x'/],
    ['as=auto', 'a mmap auto 4K r shared f as=auto', /^line 1, column 27: bad mapping name 'auto'/],
    ['empty as=', 'a mmap auto 4K r shared f as=', /^line 1, column 27: bad mapping name ''/],
    ['auto outside mmap', 'a touch auto read', /^line 1, column 9: 'auto' is only allowed as the address of mmap/],
    ['bad address', 'a touch @1000 read', /^line 1, column 9: bad address '@1000'/],
    ['missing offset', 'a touch buf+ read', /^line 1, column 9: missing offset after '\+'/],
    ['bad offset', 'a touch buf+zz read', /^line 1, column 13: bad size 'zz'/],
    ['bad hex address', 'a munmap 0x7f0g 4K', /^line 1, column 10: bad address '0x7f0g'/],
    ['address past user space', 'a touch 0x800000000000 read', /^line 1, column 9: address '0x800000000000' is not a user address/],
    ['address too large to be exact', 'a touch 0xffffffffffffffff read', /^line 1, column 9: bad address '0xffffffffffffffff'/],
    ['no RAM at all', 'machine ram=0', /^line 1, column 13: ram=0 cannot hold one process's first tables/],
    ['RAM for less than one process', 'machine ram=12K', /^line 1, column 13: ram=12K cannot hold/],
    ['undefined task', 'process a\nb exit', /^line 2, column 1: no task named b: declare it first with process b/],
    ['undefined thread parent', 'thread p t', /^line 1, column 8: no task named p/],
    ['undefined file', 'process a\na mmap auto 4M rw shared nofile', /^line 2, column 26: no file named nofile/],
    ['undefined as= name', 'file f 8M\nprocess a\na mmap banana 8M rw shared f', /^line 3, column 8: no mapping named banana for a/],
    ['another task\'s as= name', 'file f 8M\nprocess a\nprocess b\na mmap auto 8M rw shared f as=buf\nb touch buf read', /^line 5, column 9: no mapping named buf for b/],
    ['bracket counts that do not pair', 'file f[1-2] 4M\nprocess db[1-3]\ndb[1-3] mmap auto 4M r shared f[1-2]', /^line 3, column 31: 'f\[1-2\]' gives 2 names but the line has 3 tasks/],
    ['hex takes no suffix', 'file f 0x10M', /^line 1, column 8: bad size '0x10M'/],
    ['double underscore', 'a munmap 0x7f__00 4K', /^line 1, column 10: bad address/],
  ];
  for (const [name, text, expected] of cases) {
    it(name, () => {
      expect(error(text)).toMatch(expected);
    });
  }

  it('stops at the first malformed line', () => {
    expect(error('process a\nfile x\nfile y')).toMatch(/^line 2,/);
  });

  it('caps the commands of a whole scenario', () => {
    const lines = ['process db[1-100000]', ...Array.from({ length: MAX_COMMANDS / 100_000 }, () => 'db[1-100000] exit')];
    expect(error(lines.join('\n'))).toMatch(/^line 11, column 1: the scenario has more than 1000000 commands/);
  });
});
