// SPEC 2: names. Undefined names are parse errors (parseErrors.test.ts has the messages);
// these are the rules for names that are defined: `as=` names belong to their task,
// brackets pair in every naming argument. Runs go through both models (run()).
import { describe, expect, it } from 'vitest';
import type { Located } from '../sim/commands';
import { ofKind, run } from '../sim/reference/harness';
import { parse } from './parser';

function parsed(text: string): Located[] {
  const r = parse(text);
  if (!r.ok) throw new Error(`line ${r.error.line}, column ${r.error.column}: ${r.error.message}`);
  return r.commands;
}

describe('SPEC 2: as= names belong to their task', () => {
  it('rule: db[1-4] touch buf touches each process its own buf (none dies of SIGSEGV)', () => {
    const r = run(parsed('file sga 64M\nprocess db[1-4]\ndb[1-4] mmap auto 4M rw shared sga as=buf\ndb[1-4] touch buf read'));
    expect(r.model.processes().map((p) => [p.name, p.alive, p.rss_pages])).toEqual(['db1', 'db2', 'db3', 'db4'].map((n) => [n, true, 1]));
    expect(r.steps.flat().filter((e) => e.k === 'signal')).toEqual([]);
  });

  it('rule: a forked child and a thread see their parent names', () => {
    const r = run(parsed('file f 4M\nprocess a\na mmap auto 4M rw shared f as=buf\nfork a c\nthread a t\nc touch buf read\nt touch buf+4K read'));
    expect(ofKind(r.steps[5]!, 'fault')).toHaveLength(1);
    expect(ofKind(r.steps[6]!, 'fault')).toHaveLength(1);
    expect(r.model.processes().every((p) => p.alive)).toBe(true);
  });

  it('rule: a name defined by a child after fork is not its parent (a parse error)', () => {
    const r = parse('file f 4M\nprocess a\nfork a c\nc mmap auto 4M r shared f as=mine\na touch mine read');
    expect(r.ok ? null : r.error).toMatchObject({ line: 5, column: 9 });
  });

  it('rule: a task that exists but has exited is a run-time error (ESRCH), not a parse error', () => {
    const r = run(parsed('process a\na exit\na exit'));
    expect(ofKind(r.steps[2]!, 'error').map((e) => e.errno)).toEqual(['ESRCH']);
  });
});

describe('SPEC 2: brackets pair in every argument that names something', () => {
  it('rule: db[1-3] mmap … f[1-3] maps f1 into db1, f2 into db2, f3 into db3', () => {
    const cmds = parsed('file f[1-3] 4M\nprocess db[1-3]\ndb[1-3] mmap auto 4M r shared f[1-3] as=m[1-3]\ndb[1-3] touch m[1-3] read').map((c) => c.command);
    expect(cmds.filter((c) => c.op === 'mmap').map((c) => (c.op === 'mmap' ? [c.task, c.file, c.as] : []))).toEqual([
      ['db1', 'f1', 'm1'],
      ['db2', 'f2', 'm2'],
      ['db3', 'f3', 'm3'],
    ]);
    expect(cmds.filter((c) => c.op === 'touch').map((c) => (c.op === 'touch' && c.addr.kind === 'named' ? c.addr.name : ''))).toEqual(['m1', 'm2', 'm3']);
  });

  it('rule: a single name goes with every task of the line', () => {
    const cmds = parsed('file sga 4M\nprocess db[1-2]\ndb[1-2] mmap auto 4M r shared sga').map((c) => c.command);
    expect(cmds.filter((c) => c.op === 'mmap').map((c) => (c.op === 'mmap' ? c.file : ''))).toEqual(['sga', 'sga']);
  });

  it('rule: file and memfd declarations expand too', () => {
    expect(parsed('file f[1-2] 4M\nmemfd m[1-2] 8K').map((c) => c.command.op === 'file' || c.command.op === 'memfd' ? c.command.name : '')).toEqual(['f1', 'f2', 'm1', 'm2']);
  });
});
