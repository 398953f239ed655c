/**
 * The simulation worker: a thin adapter between postMessage and the
 * controller (ARCHITECTURE habit 5). Everything it does is tested in
 * controller.test.ts and session.test.ts without a worker.
 */
import { PROTOCOL_VERSION } from '../protocol/messages';
import { createController } from './controller';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const controller = createController({
  post: (message, transfer) => scope.postMessage(message, transfer),
  schedule: (task) => void setTimeout(task, 0),
  clock: () => performance.now(),
});

scope.onmessage = (event: MessageEvent<unknown>) => controller.handle(event.data);
scope.postMessage({ v: PROTOCOL_VERSION, type: 'ready' });
