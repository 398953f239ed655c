import { describe, expect, it } from 'vitest';
import { stepNotes } from './notes';

describe('step notes', () => {
  it('words an OOM kill, an error and a signal from the events, in order, as alarms', () => {
    const notes = stepNotes(
      [
        { k: 'error', errno: 'EINVAL', message: 'munmap of part of a shared region' },
        { k: 'signal', task: 'db2', mm: 2, signal: 'SIGSEGV', va: 0x1000, reason: 'no mapping' },
        { k: 'oom', task: 'db3', mm: 3, va: 0x7f00_0000_0000, need: 'pte', pagetablesBytes: 4096, fileBytes: 8192 },
      ],
      {},
    );
    expect(notes.map((n) => [n.alarm, n.label])).toEqual([
      [true, 'Error'],
      [true, 'SIGSEGV'],
      [true, 'OOM kill'],
    ]);
    expect(notes[0]?.text).toBe('EINVAL: munmap of part of a shared region');
    expect(notes[2]?.text).toContain('db3 killed: could not allocate a PTE page for 0x7f00_0000_0000');
  });

  it('says why a MAP_SHARED_PT mapping was not shared, naming the process', () => {
    const [note] = stepNotes([{ k: 'mmap', mm: 4, va: 0x20_0000, len: 4096, file: 'f', sharing: 'none', notShared: 'not 2 MiB aligned' }], { 4: 'c' });
    expect(note).toEqual({ alarm: false, label: 'Not shared', text: "c's mapping at 0x20_0000 gets its own page tables: not 2 MiB aligned." });
  });

  it('says when a host mm goes at its last reference, and stays quiet otherwise', () => {
    expect(stepNotes([{ k: 'host_release', host: 9, file: 'sga' }], {}).map((n) => n.label)).toEqual(['Host released']);
    expect(stepNotes([{ k: 'tlb', mms: [1], va: 0, len: 4096 }], {})).toEqual([]);
  });
});
