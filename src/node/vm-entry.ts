/**
 * Boot code that runs INSIDE the app's vm context (Node). The context has only JavaScript's own
 * globals: no process, require, fetch or file system. The outer worker hands over a few primitive
 * functions on `__hookscopeHost`, which this code captures and deletes before any app code runs;
 * everything that crosses is a string or a number, so no object of the outer realm is reachable.
 */
import { createAppRuntime } from '../runtime/runtime.ts';
import { installNetworkGuards } from '../runtime/network-guards.ts';

interface HostHandle {
  send(json: string): void;
  setTimer(id: number, ms: number, repeat: boolean): void;
  clearTimer(id: number): void;
  now(): number;
}

type Global = Record<string, unknown>;
const g = globalThis as unknown as Global;
const host = g['__hookscopeHost'] as HostHandle;
delete g['__hookscopeHost'];

// Timers: ids are numbers; callbacks stay in this realm; the outer side only schedules.
const callbacks = new Map<number, { fn: (...a: unknown[]) => void; args: unknown[]; repeat: boolean }>();
let seq = 0;
function schedule(repeat: boolean) {
  return (fn: unknown, ms?: unknown, ...args: unknown[]): number => {
    if (typeof fn !== 'function') throw new TypeError('The "callback" argument must be of type function');
    const id = ++seq;
    callbacks.set(id, { fn: fn as (...a: unknown[]) => void, args, repeat });
    host.setTimer(id, Math.max(0, Number(ms) || 0), repeat);
    return id;
  };
}
function clear(id: unknown): void {
  if (typeof id !== 'number' || !callbacks.delete(id)) return;
  host.clearTimer(id);
}
g['setTimeout'] = schedule(false);
g['setInterval'] = schedule(true);
g['clearTimeout'] = clear;
g['clearInterval'] = clear;
g['queueMicrotask'] = (fn: () => void) => void Promise.resolve().then(fn);
g['performance'] = { now: () => host.now() };
g['structuredClone'] = deepClone;
const noop = () => undefined;
g['console'] = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop, dir: noop, table: noop };
installNetworkGuards(g);

const runtime = createAppRuntime({
  post: (msg) => host.send(JSON.stringify(msg)),
  // Indirect eval of a wrapper opened on the code's first line, so stack lines match the editor.
  evaluate: (code, sourceUrl) => (0, eval)(`(function (exports, require, module, __filename, __dirname) {${code}\n})\n//# sourceURL=${sourceUrl}`),
});

g['__hookscopeReceive'] = (json: string) => {
  let msg: unknown;
  try {
    msg = JSON.parse(json);
  } catch {
    return;
  }
  runtime.receive(msg);
};

g['__hookscopeFire'] = (id: number) => {
  const entry = callbacks.get(id);
  if (!entry) return;
  if (!entry.repeat) callbacks.delete(id);
  try {
    entry.fn(...entry.args);
  } catch (err) {
    (g['console'] as { error(...a: unknown[]): void }).error('Uncaught error in a timer callback:', err);
  }
};

function deepClone<T>(value: T, seen = new Map<unknown, unknown>()): T {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'function' || typeof value === 'symbol') throw new Error('DataCloneError: value could not be cloned');
    return value;
  }
  if (seen.has(value)) return seen.get(value) as T;
  if (value instanceof Date) return new Date(value.getTime()) as T;
  if (value instanceof RegExp) return new RegExp(value.source, value.flags) as T;
  if (value instanceof Map) {
    const out = new Map();
    seen.set(value, out);
    for (const [k, v] of value) out.set(deepClone(k, seen), deepClone(v, seen));
    return out as T;
  }
  if (value instanceof Set) {
    const out = new Set();
    seen.set(value, out);
    for (const v of value) out.add(deepClone(v, seen));
    return out as T;
  }
  const out: Record<string, unknown> | unknown[] = Array.isArray(value) ? [] : {};
  seen.set(value, out);
  for (const key of Object.keys(value)) (out as Record<string, unknown>)[key] = deepClone((value as Record<string, unknown>)[key], seen);
  return out as T;
}
