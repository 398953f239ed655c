/**
 * The simulation worker: a thin adapter between postMessage and the
 * controller (ARCHITECTURE habit 5). Everything it does is tested in
 * controller.test.ts and session.test.ts without a worker.
 */
import { PROTOCOL_VERSION } from '../protocol/messages';
import { createController } from './controller';
import { faultIn, type Fault } from './faults';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const controller = createController({
  post: (message, transfer) => scope.postMessage(message, transfer),
  schedule: (task) => void setTimeout(task, 0),
  clock: () => performance.now(),
});

// Test-only: a worker started with faults on breaks as a scenario's `# fault:` line asks (faults.ts).
const faults = scope.name.split(' ').includes('faults');

/** Breaks a moment after the load, once its first pictures have reached the page. */
function breakDown(fault: Fault): void {
  setTimeout(() => {
    if (fault === 'throw') throw new Error('a fault switched on for testing');
    for (;;) {
      // never answers again: the page's watchdog must notice
    }
  }, 500);
}

scope.onmessage = (event: MessageEvent<unknown>) => {
  controller.handle(event.data);
  const fault = faults ? faultIn(event.data) : null;
  if (fault !== null) breakDown(fault);
};
scope.postMessage({ v: PROTOCOL_VERSION, type: 'ready' });
