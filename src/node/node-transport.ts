/** RuntimeTransport over Node worker_threads: one worker per app runtime, with memory limits. */
import { Worker } from 'node:worker_threads';
import type { HostToRuntime } from '../protocol/runtime-protocol.ts';
import type { RuntimeTransport, TransportFactory } from '../engine/apps/transport.ts';
import { nodeBundles } from './runtime-bundle.ts';

export interface NodeTransportOptions {
  /** Heap limit per app worker (MB): an app allocating without end dies alone. */
  maxHeapMb?: number;
}

export async function nodeTransports(options: NodeTransportOptions = {}): Promise<TransportFactory> {
  const { worker, runtime } = await nodeBundles();
  return () => spawn(worker, runtime, options);
}

function spawn(workerCode: string, runtimeCode: string, options: NodeTransportOptions): RuntimeTransport {
  const w = new Worker(workerCode, {
    eval: true,
    workerData: { bundle: runtimeCode },
    resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256, maxYoungGenerationSizeMb: 32, stackSizeMb: 4 },
    stdout: true,
    stderr: true,
    env: {},
  });
  w.unref();
  let terminated = false;
  const exitListeners: ((reason: string) => void)[] = [];
  let lastError = '';
  w.on('error', (err) => {
    lastError = err.message;
  });
  w.on('exit', (code) => {
    if (terminated) return;
    terminated = true;
    const reason = lastError || `exit code ${code}`;
    for (const l of exitListeners) l(reason);
  });
  return {
    post(msg: HostToRuntime) {
      // One encoding per hop: the JSON text is what the app's vm context parses (strings are all
      // that cross into it), so the worker relays it untouched.
      if (!terminated) w.postMessage(JSON.stringify(msg));
    },
    onMessage(listener) {
      w.on('message', (raw: unknown) => {
        if (typeof raw !== 'string') return listener(raw);
        let parsed: unknown;
        try {
          parsed = JSON.parse(raw);
        } catch {
          parsed = raw;
        }
        listener(parsed);
      });
    },
    onExit(listener) {
      exitListeners.push(listener);
    },
    terminate() {
      if (terminated) return;
      terminated = true;
      void w.terminate();
    },
  };
}
