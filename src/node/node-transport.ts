/** RuntimeTransport over Node worker_threads: one worker per app runtime, with memory limits. */
import { Worker } from 'node:worker_threads';
import type { HostToRuntime } from '../protocol/runtime-protocol.ts';
import type { RuntimeTransport, TransportFactory } from '../engine/apps/transport.ts';
import { nodeBundles } from './runtime-bundle.ts';

export interface NodeTransportOptions {
  /** Heap limit per app worker (MB): an app allocating without end dies alone. */
  maxHeapMb?: number;
}

/**
 * V8's code cache of the runtime bundle, shared by the workers of this process: the first
 * worker makes it right after evaluating the bundle (before any app code), the later ones start
 * from it instead of compiling ~2 MB of JavaScript each (measured: ~80-450 ms of a cold start
 * down to ~20-30 ms on this 2-core machine).
 */
interface CodeCache {
  data: Uint8Array | null;
  asked: boolean;
}

const caches = new Map<string, CodeCache>();

export async function nodeTransports(options: NodeTransportOptions = {}): Promise<TransportFactory> {
  const { worker, runtime } = await nodeBundles();
  let cache = caches.get(runtime);
  if (!cache) caches.set(runtime, (cache = { data: null, asked: false }));
  const shared = cache;
  return () => spawn(worker, runtime, options, shared);
}

const isCodeCache = (raw: unknown): raw is { hookscopeCodeCache: Uint8Array } =>
  typeof raw === 'object' && raw !== null && (raw as { hookscopeCodeCache?: unknown }).hookscopeCodeCache instanceof Uint8Array;

function spawn(workerCode: string, runtimeCode: string, options: NodeTransportOptions, cache: CodeCache): RuntimeTransport {
  const makeCodeCache = cache.data === null && !cache.asked;
  if (makeCodeCache) cache.asked = true;
  const w = new Worker(workerCode, {
    eval: true,
    workerData: { bundle: runtimeCode, ...(cache.data ? { codeCache: cache.data } : {}), ...(makeCodeCache ? { makeCodeCache: true } : {}) },
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
  if (makeCodeCache) {
    // Listened to at once: it comes before the host says anything (a pooled worker may have no
    // other listener yet). A worker that dies before sending it: the next one is asked instead.
    const take = (raw: unknown) => {
      if (!isCodeCache(raw)) return;
      if (cache.data === null) cache.data = raw.hookscopeCodeCache;
      w.off('message', take);
    };
    w.on('message', take);
    w.once('exit', () => {
      if (cache.data === null) cache.asked = false;
    });
  }
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
        if (typeof raw !== 'string') {
          if (isCodeCache(raw)) return;
          return listener(raw);
        }
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
