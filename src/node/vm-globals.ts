/**
 * First module of the vm boot (see vm-entry.ts): captures and deletes `__hookscopeHost`, installs
 * timers and the environment of spec 7.3 BEFORE any other module initialises (some read globals
 * such as TextEncoder at load time).
 */
import { installEnvironment } from '../runtime/environment/index.ts';

export interface HostHandle {
  send(json: string): void;
  setTimer(id: number, ms: number, repeat: boolean): void;
  clearTimer(id: number): void;
  now(): number;
  /** `n` random bytes from the host's CSPRNG, as hex (a primitive: nothing else crosses). */
  randomHex(n: number): string;
}

export type Global = Record<string, unknown>;
export const g = globalThis as unknown as Global;
export const host = g['__hookscopeHost'] as HostHandle;
delete g['__hookscopeHost'];

// Timers: ids are numbers; callbacks stay in this realm; the outer side only schedules.
export const callbacks = new Map<number, { fn: (...a: unknown[]) => void; args: unknown[]; repeat: boolean }>();
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
const noop = () => undefined;
g['console'] = { log: noop, info: noop, warn: noop, error: noop, debug: noop, trace: noop, dir: noop, table: noop };
function randomBytes(n: number): Uint8Array {
  const hex = String(host.randomHex(Math.max(0, Math.floor(n))));
  const out = new Uint8Array(hex.length >> 1);
  for (let i = 0; i < out.length; i++) out[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return out;
}
// The globals of spec 7.3, made in this realm (the same definition as the browser worker's).
installEnvironment(g, { randomBytes });
