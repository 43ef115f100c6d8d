/**
 * The raw floor: a plain worker_threads echo worker, so the runtime's numbers can be read
 * against what a postMessage round trip costs on the same machine in the same run.
 */
import { Worker } from 'node:worker_threads';

const ECHO_CODE = `const { parentPort } = require('node:worker_threads');
parentPort.on('message', (m) => parentPort.postMessage(m));`;

export interface EchoWorker {
  roundTrip(msg: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export function startEchoWorker(): Promise<EchoWorker> {
  const w = new Worker(ECHO_CODE, { eval: true });
  let pending: ((value: unknown) => void) | null = null;
  w.on('message', (m: unknown) => {
    const resolve = pending;
    pending = null;
    resolve?.(m);
  });
  const echo: EchoWorker = {
    roundTrip(msg) {
      return new Promise((resolve) => {
        pending = resolve;
        w.postMessage(msg);
      });
    },
    async close() {
      await w.terminate();
    },
  };
  // Resolves once the worker answers its first message, i.e. it is started.
  return echo.roundTrip({ hello: true }).then(() => echo);
}
