import { describe, expect, it } from 'vitest';
import { PROTOCOL_VERSION as v, type FromWorker } from '../protocol/messages';
import { createController } from './controller';
import { clientsScenario } from './testEngine';

function harness() {
  const posted: FromWorker[] = [];
  const queue: (() => void)[] = [];
  let now = 0;
  const controller = createController({
    post: (m) => posted.push(m),
    schedule: (task) => queue.push(task),
    clock: () => (now += 1),
  });
  const drain = (): void => {
    while (queue.length > 0) queue.shift()?.();
  };
  return { posted, controller, drain, queue };
}

const types = (ms: FromWorker[]): string[] => ms.map((m) => m.type);

describe('the worker controller', () => {
  it('answers the watchdog\'s ping with a pong of the same number', () => {
    const h = harness();
    h.controller.handle({ v, type: 'ping', n: 7 });
    expect(h.posted).toEqual([{ v, type: 'pong', n: 7 }]);
  });

  it('refuses a malformed message with a failure, never a throw', () => {
    const h = harness();
    h.controller.handle({ v: 0, type: 'goto', step: 1 });
    h.controller.handle('hello');
    expect(types(h.posted)).toEqual(['failure', 'failure']);
  });

  it('answers a load with loaded and step 0 at once, then runs in scheduled chunks', () => {
    const h = harness();
    h.controller.handle({ v, type: 'load', text: clientsScenario(30, '2M', true), step: 'last', mode: 'single', window: null });
    expect(types(h.posted)).toEqual(['loaded', 'snapshot']);
    expect(h.queue.length).toBe(1);
    h.drain();
    const last = h.posted[h.posted.length - 1];
    expect(last?.type).toBe('snapshot');
    if (last?.type === 'snapshot') expect(last.snapshot.step).toBe(last.snapshot.total);
    const progress = h.posted.filter((m) => m.type === 'progress');
    expect(progress.at(-1)).toMatchObject({ ran: 92, total: 92 });
  });

  it('stops at a parse error', () => {
    const h = harness();
    h.controller.handle({ v, type: 'load', text: 'process a\nb explode', step: 0, mode: 'single', window: null });
    expect(h.posted).toHaveLength(1);
    expect(h.posted[0]).toMatchObject({ type: 'loaded', error: { line: 2 } });
    expect(h.queue).toHaveLength(0);
  });

  it('answers goto and window with a snapshot of that step and window', () => {
    const h = harness();
    h.controller.handle({ v, type: 'load', text: clientsScenario(3, '2M', true), step: 'last', mode: 'single', window: null });
    h.drain();
    h.posted.length = 0;
    h.controller.handle({ v, type: 'goto', step: 4 });
    h.controller.handle({ v, type: 'window', window: { lo: 0, hi: 2 ** 21 } });
    const snaps = h.posted.flatMap((m) => (m.type === 'snapshot' ? [m.snapshot] : []));
    expect(snaps.map((s) => [s.step, s.autoWindow])).toEqual([
      [4, true],
      [4, false],
    ]);
  });

  it('runs an empty scenario to a snapshot and a final progress', () => {
    const h = harness();
    h.controller.handle({ v, type: 'load', text: '# nothing', step: 'last', mode: 'single', window: null });
    expect(types(h.posted)).toEqual(['loaded', 'snapshot', 'progress']);
  });
});
