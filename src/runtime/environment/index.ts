/**
 * THE runtime environment of app code (spec 7.3), one definition for both runners: the Node
 * runner's `vm` context (which starts with JavaScript's own globals only) and the browser's
 * sandboxed Worker (which has most of the Web platform already).
 *
 * | global | where it comes from |
 * |---|---|
 * | `crypto` (getRandomValues, randomUUID, subtle) | the realm's, else web-crypto.ts (host randomness) |
 * | `URL`, `URLSearchParams` | the realm's, else the `polyfills` the entry passes (Node: whatwg-url) |
 * | `TextEncoder`, `TextDecoder` | the realm's, else text-codec.ts |
 * | `atob`, `btoa` | the realm's, else ours (latin1 <-> base64, DOMException-like errors) |
 * | `structuredClone` | the realm's, else structured-clone.ts |
 * | `Buffer` | always the `buffer` package (Deno injects Node's Buffer; browsers have none) |
 * | `Headers`, `Response`, `fetch` | always ours (fetch.ts): `fetch` goes to the HTTP mocks |
 * | timers, `queueMicrotask`, `performance.now` | the entry's (Node: host-scheduled numbered timers) |
 *
 * Nothing here holds a host object: randomness arrives as bytes made in this realm, `fetch` posts a
 * message. `require` of Node built-ins is builtins/index.ts.
 */
import { Buffer } from 'buffer';
import { createFetch, HeadersImpl, ResponseImpl, type HttpRequestFn } from './fetch.ts';
import { structuredCloneImpl } from './structured-clone.ts';
import { TextDecoderImpl, TextEncoderImpl } from './text-codec.ts';
import { createWebCrypto, type RandomBytes } from './web-crypto.ts';

export interface EnvironmentOptions {
  /** Cryptographically strong random bytes; defaults to the realm's crypto.getRandomValues. */
  randomBytes?: RandomBytes;
  /** Implementations for globals the realm lacks and that are too large to ship to every worker. */
  polyfills?: { URL?: unknown; URLSearchParams?: unknown };
}

type Global = Record<string, unknown>;

/** The globals of spec 7.3 that every app sees, by name (the probe tests compare these). */
export const ENVIRONMENT_GLOBALS = [
  'crypto',
  'URL',
  'URLSearchParams',
  'TextEncoder',
  'TextDecoder',
  'atob',
  'btoa',
  'structuredClone',
  'Buffer',
  'fetch',
  'Headers',
  'Response',
  'setTimeout',
  'clearTimeout',
  'setInterval',
  'clearInterval',
  'queueMicrotask',
] as const;

function invalidCharacter(message: string): Error {
  const e = new Error(message);
  e.name = 'InvalidCharacterError';
  return e;
}

function btoaImpl(data: unknown): string {
  const s = String(data);
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) > 255) throw invalidCharacter('Invalid character');
  return Buffer.from(s, 'latin1').toString('base64');
}

function atobImpl(data: unknown): string {
  const s = String(data).replace(/[\t\n\f\r ]/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(s) || s.length % 4 === 1) throw invalidCharacter('The string to be decoded is not correctly encoded.');
  return Buffer.from(s, 'base64').toString('latin1');
}

export function installEnvironment(g: Global, options: EnvironmentOptions = {}): void {
  const native = g['crypto'] as Partial<Crypto> | undefined;
  const randomBytes: RandomBytes =
    options.randomBytes ??
    ((n) => {
      if (!native?.getRandomValues) throw new Error('hookscope: no source of random bytes in this runtime');
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i += 65536) native.getRandomValues(out.subarray(i, Math.min(n, i + 65536)));
      return out;
    });
  const complete = native?.getRandomValues && native.randomUUID && native.subtle;
  if (!complete) define(g, 'crypto', createWebCrypto(native, randomBytes));
  if (typeof g['URL'] !== 'function' && options.polyfills?.URL) define(g, 'URL', options.polyfills.URL);
  if (typeof g['URLSearchParams'] !== 'function' && options.polyfills?.URLSearchParams) define(g, 'URLSearchParams', options.polyfills.URLSearchParams);
  if (typeof g['TextEncoder'] !== 'function') define(g, 'TextEncoder', TextEncoderImpl);
  if (typeof g['TextDecoder'] !== 'function') define(g, 'TextDecoder', TextDecoderImpl);
  if (typeof g['atob'] !== 'function') define(g, 'atob', atobImpl);
  if (typeof g['btoa'] !== 'function') define(g, 'btoa', btoaImpl);
  if (typeof g['structuredClone'] !== 'function') define(g, 'structuredClone', structuredCloneImpl);
  define(g, 'Buffer', Buffer);
  define(g, 'Headers', HeadersImpl);
  define(g, 'Response', ResponseImpl);
}

/** `fetch`, bound to the runtime's request channel (see fetch.ts). */
export function installFetch(g: Global, send: HttpRequestFn): void {
  define(g, 'fetch', createFetch(send));
}

function define(g: Global, name: string, value: unknown): void {
  Object.defineProperty(g, name, { value, writable: true, configurable: true, enumerable: false });
}
