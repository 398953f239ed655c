import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { handleMessage } from './handleMessage';
import { readCommand } from './readCommand';

const msg = (type: string, rest: Record<string, unknown> = {}) => ({ app: 'sptlab', v: 1, type, ...rest });

describe('commands from the host page (SPEC 5.2)', () => {
  it('takes the six commands of version 1', () => {
    expect(readCommand(msg('load', { scenario: 'process a', mode: 'compare', vs: 'hugetlb', step: 3 }))).toEqual({
      kind: 'ok',
      command: { type: 'load', scenario: 'process a', mode: 'compare', vs: 'hugetlb', step: 3 },
    });
    expect(readCommand(msg('load', { lesson: 'abc' }))).toEqual({ kind: 'ok', command: { type: 'load', lesson: 'abc' } });
    expect(readCommand(msg('goto', { step: 5 }))).toEqual({ kind: 'ok', command: { type: 'goto', step: 5 } });
    expect(readCommand(msg('play', { speed: 2 }))).toEqual({ kind: 'ok', command: { type: 'play', speed: 2 } });
    expect(readCommand(msg('play'))).toEqual({ kind: 'ok', command: { type: 'play' } });
    expect(readCommand(msg('pause'))).toEqual({ kind: 'ok', command: { type: 'pause' } });
    expect(readCommand(msg('theme', { theme: 'dark' }))).toEqual({ kind: 'ok', command: { type: 'theme', theme: 'dark' } });
    expect(readCommand(msg('getState'))).toEqual({ kind: 'ok', command: { type: 'getState' } });
  });

  it('ignores what is not ours', () => {
    for (const x of [null, 1, 'load', [], { type: 'goto', step: 1 }, { app: 'other', v: 1, type: 'goto', step: 1 }, { context: 'iframe.resize', height: 3 }]) {
      expect(readCommand(x)).toEqual({ kind: 'ignore' });
    }
  });

  it('names what is wrong with a malformed sptlab message', () => {
    const why = (x: unknown): string => {
      const r = readCommand(x);
      return r.kind === 'bad' ? r.message : `not refused: ${r.kind}`;
    };
    expect(why({ app: 'sptlab', v: 2, type: 'goto', step: 1 })).toMatch(/version 1.*v=2/);
    expect(why(msg('goto', { step: -1 }))).toBe('goto: step must be a whole number, 0 or more.');
    expect(why(msg('goto', { step: '5' }))).toMatch(/^goto: step/);
    expect(why(msg('goto'))).toMatch(/^goto: step/);
    expect(why(msg('play', { speed: 3 }))).toMatch(/^play: speed must be one of 0.25, 0.5, 1, 2, 4, 8/);
    expect(why(msg('load', { lesson: 'nope' }))).toMatch(/^load: lesson must be one of walk, threads/);
    expect(why(msg('load', { scenario: 42 }))).toMatch(/^load: scenario/);
    expect(why(msg('load', { scenario: 'x'.repeat(2_000_001) }))).toBe('load: scenario is 2,000,001 characters, over the limit of 2,000,000.');
    expect(why(msg('load', { mode: 'x' }))).toMatch(/^load: mode/);
    expect(why(msg('theme', { theme: 'blue' }))).toMatch(/^theme:/);
    expect(why(msg('state'))).toMatch(/Unknown command type "state"/);
    expect(why({ app: 'sptlab', v: 1, get type() { throw new Error('boo'); } })).toBe('The message could not be read.');
  });

  it('fuzzed: never throws, and nothing runs unless the message is a valid command from an allowed origin', () => {
    const value = fc.oneof(fc.anything(), fc.constantFrom('sptlab', 1, 'load', 'goto', 'play', 'pause', 'theme', 'getState', 'dark', 2, -1, 0.5));
    const message = fc.oneof(
      fc.anything(),
      fc.record({ app: value, v: value, type: value, step: value, speed: value, theme: value, scenario: value, lesson: value, mode: value, vs: value }, { requiredKeys: [] }),
      fc.record({ app: fc.constant('sptlab'), v: fc.constantFrom(1, 2, '1'), type: fc.constantFrom('load', 'goto', 'play', 'pause', 'theme', 'getState', 'nope'), step: value, speed: value, theme: value }, { requiredKeys: ['app', 'v', 'type'] }),
    );
    const origin = fc.constantFrom('https://docs.example.org', 'https://evil.example', 'null');
    fc.assert(
      fc.property(message, origin, fc.boolean(), (data, from, restricted) => {
        const run = vi.fn(() => null);
        const reply = vi.fn();
        const allowed = restricted ? ['https://docs.example.org'] : null;
        const handled = handleMessage(data, from, { allowed, run, reply });
        const read = readCommand(data);
        const open = allowed === null || allowed.includes(from);
        expect(run).toHaveBeenCalledTimes(open && read.kind === 'ok' ? 1 : 0);
        expect(reply).toHaveBeenCalledTimes(open && read.kind === 'bad' ? 1 : 0);
        if (!open) expect(handled).toBe('ignored');
      }),
      { numRuns: 2000 },
    );
  });
});
