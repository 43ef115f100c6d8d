/**
 * The Node worker that hosts one app: it creates a fresh vm context (no process, require or
 * network), runs the runtime bundle inside it, and relays JSON strings between the host and it.
 * Everything here is strict-mode code, so stack frames never expose its functions to the app.
 */
import { parentPort, workerData } from 'node:worker_threads';
import vm from 'node:vm';
import { randomBytes } from 'node:crypto';

const port = parentPort;
if (!port) throw new Error('worker-main must run in a worker thread');
const { bundle, codeCache, makeCodeCache } = workerData as { bundle: string; codeCache?: Uint8Array; makeCodeCache?: boolean };

const context = vm.createContext(Object.create(null), { name: 'hookscope-app', codeGeneration: { strings: true, wasm: false } });
const timers = new Map<number, ReturnType<typeof setTimeout>>();
let fire: (id: number) => void = () => undefined;

const host = {
  send(json: string): void {
    port.postMessage(String(json));
  },
  setTimer(id: number, ms: number, repeat: boolean): void {
    const n = Number(id);
    const handle = repeat ? setInterval(() => fire(n), Number(ms)) : setTimeout(() => (timers.delete(n), fire(n)), Number(ms));
    timers.set(n, handle);
  },
  clearTimer(id: number): void {
    const handle = timers.get(Number(id));
    if (handle !== undefined) {
      clearTimeout(handle);
      clearInterval(handle);
      timers.delete(Number(id));
    }
  },
  now(): number {
    return performance.now();
  },
  randomHex(n: number): string {
    const size = Number(n);
    if (!Number.isInteger(size) || size < 0 || size > 1 << 20) throw new RangeError('randomHex: size out of range');
    return randomBytes(size).toString('hex');
  },
};

(context as Record<string, unknown>)['__hookscopeHost'] = host;
// V8's code cache of the runtime bundle (made by the process's first worker) spares every later
// worker most of compiling it; a cache V8 rejects is ignored and the bundle compiles as usual.
const script = new vm.Script(bundle, { filename: 'hookscope-runtime.js', ...(codeCache ? { cachedData: codeCache } : {}) });
script.runInContext(context);
// Made before any message arrives, so before any app code runs in this worker. Not a string:
// app code can only send strings (host.send), so the host knows this came from here.
if (makeCodeCache) {
  const data = script.createCachedData();
  port.postMessage({ hookscopeCodeCache: data }, [data.buffer as ArrayBuffer]);
}
const receive = (context as Record<string, unknown>)['__hookscopeReceive'] as (json: string) => void;
fire = (context as Record<string, unknown>)['__hookscopeFire'] as (id: number) => void;

// The host posts JSON text (node-transport.ts): handed to the vm context as it came.
port.on('message', (msg: unknown) => receive(typeof msg === 'string' ? msg : JSON.stringify(msg)));

// A promise an app leaves rejected must not take the worker down (Node's default): report it.
process.on('unhandledRejection', (reason) => {
  const text =
    reason instanceof Error || (typeof reason === 'object' && reason !== null && 'message' in reason)
      ? String((reason as { message: unknown }).message)
      : String(reason);
  port.postMessage(
    JSON.stringify({ v: 1, type: 'log', callId: null, level: 'error', source: 'console', args: [{ t: 'str', v: `Unhandled promise rejection: ${text}` }] }),
  );
});
