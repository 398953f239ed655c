import { describe, expect, it } from 'vitest';
import type { Command } from '../sim/commands';
import type { TraceEvent } from '../sim/events';
import { STEP_KINDS } from '../protocol/messages';
import { stepKind, stepKindCode } from './stepKind';

const touch: Command = { op: 'touch', task: 'a', addr: { kind: 'abs', value: 0 }, len: null, access: 'read' };
const fault: TraceEvent = { k: 'fault', mm: 1, va: 0, len: 4096, access: 'read', kind: 'normal' };

describe('step kinds for the scrubber', () => {
  it('names setup commands and syscalls by their op', () => {
    expect(stepKind({ op: 'process', name: 'a' }, [])).toBe('setup');
    expect(stepKind({ op: 'exit', task: 'a' }, [])).toBe('exit');
    expect(stepKind({ op: 'munmap', task: 'a', addr: { kind: 'abs', value: 0 }, len: 4096 }, [])).toBe('munmap');
  });

  it('calls a touch a fault only when something faulted', () => {
    expect(stepKind(touch, [])).toBe('touch');
    expect(stepKind(touch, [fault])).toBe('fault');
    expect(stepKind(touch, [{ k: 'share', mm: 1, va: 0, len: 2 ** 30, from: 2 }])).toBe('fault');
  });

  it('lets an OOM kill outrank an error, and an error outrank the op', () => {
    const oom: TraceEvent = { k: 'oom', task: 'a', mm: 1, va: 0, need: 'pte', pagetablesBytes: 0, fileBytes: 0 };
    const segv: TraceEvent = { k: 'signal', task: 'a', mm: 1, signal: 'SIGSEGV', va: 0, reason: 'no mapping' };
    expect(stepKind(touch, [fault, segv])).toBe('error');
    expect(stepKind(touch, [segv, oom])).toBe('oom');
    expect(stepKind({ op: 'process', name: 'a' }, [{ k: 'error', errno: 'EEXIST', message: 'x' }])).toBe('error');
  });

  it('codes a kind as its index', () => {
    for (const k of STEP_KINDS) expect(STEP_KINDS[stepKindCode(k)]).toBe(k);
  });
});
