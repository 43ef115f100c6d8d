/**
 * What `require` gives app code beyond its own files and `@rocket.chat/apps-engine/...`: the
 * allowlist of the Deno runtime (RC `packages/apps-engine/deno-runtime/handlers/app/construct.ts`,
 * ALLOWED_NATIVE_MODULES and ALLOWED_EXTERNAL_MODULES), as safe in-realm implementations, plus
 * `@rocket.chat/ui-kit` for apps edited file by file (a bundled app carries its own copy).
 *
 * Like the server, only the bare names are allowed (`require('node:crypto')` is refused there).
 * Modules that would reach outside the sandbox (fs, net, http, https) exist but every function
 * throws a message that says what to use; none touches the host.
 */
import * as bufferModule from 'buffer';
import * as pathModule from 'path-browserify';
import * as punycodeModule from 'punycode/punycode.js';
import * as querystringModule from 'querystring-es3';
import * as uiKit from '@rocket.chat/ui-kit';
import * as urlModule from 'url';
import * as utilModule from 'util';
import * as uuidModule from 'uuid';
import { createNodeCrypto } from './node-crypto.ts';
import { createOs } from './os.ts';

/** Node built-ins the real runtime lets apps require (construct.ts, ALLOWED_NATIVE_MODULES). */
export const RC_ALLOWED_NATIVE_MODULES: readonly string[] = [
  'path',
  'url',
  'crypto',
  'buffer',
  'stream',
  'net',
  'http',
  'https',
  'zlib',
  'util',
  'punycode',
  'os',
  'querystring',
  'fs',
];
/** npm packages the real runtime provides (construct.ts, ALLOWED_EXTERNAL_MODULES). */
export const RC_ALLOWED_EXTERNAL_MODULES: readonly string[] = ['uuid'];
export const UI_KIT_PACKAGE = '@rocket.chat/ui-kit';

const ADVICE: Record<string, string> = {
  fs: 'apps have no files in hookscope: keep data with the `persistence` accessor',
  net: "hookscope has no network: use the `http` accessor or fetch, answered by the world's HTTP mocks",
  http: "use the `http` accessor or fetch: hookscope answers them from the world's HTTP mocks",
  https: "use the `http` accessor or fetch: hookscope answers them from the world's HTTP mocks",
  stream: 'hookscope does not provide Node streams yet',
  zlib: 'hookscope does not provide zlib yet',
};

/** A module whose every function throws `advice` (so `typeof require('fs').readFileSync` is 'function'). */
function refusing(name: string): object {
  const advice = ADVICE[name] ?? 'not available in hookscope';
  return new Proxy(
    {},
    {
      get(_t, key) {
        if (typeof key !== 'string' || key === '__esModule' || key === 'then') return undefined;
        if (key === 'default') return undefined;
        return function unavailable(): never {
          throw new Error(`${name}.${key}() is not available to apps in hookscope: ${advice}`);
        };
      },
    },
  );
}

const plain = (ns: object): object => {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(ns)) if (k !== 'default') out[k] = v;
  const d = (ns as { default?: unknown }).default;
  return d && typeof d === 'object' ? Object.assign({}, d, out) : out;
};

const FACTORIES: Record<string, () => object> = {
  // No process here: `resolve` starts from '/' instead of process.cwd().
  path: () => {
    const p = plain(pathModule) as typeof pathModule;
    return { ...p, resolve: (...parts: string[]) => p.resolve('/', ...parts) };
  },
  url: () => ({
    ...plain(urlModule),
    URL: (globalThis as Record<string, unknown>)['URL'],
    URLSearchParams: (globalThis as Record<string, unknown>)['URLSearchParams'],
  }),
  crypto: createNodeCrypto,
  buffer: () => plain(bufferModule),
  util: () => plain(utilModule),
  punycode: () => plain(punycodeModule),
  os: createOs,
  querystring: () => plain(querystringModule),
  uuid: () => plain(uuidModule),
  [UI_KIT_PACKAGE]: () => plain(uiKit),
};

const cache = new Map<string, object>();

/** The module for an allowed bare specifier, or undefined. */
export function resolveBuiltin(specifier: string): object | undefined {
  const cached = cache.get(specifier);
  if (cached) return cached;
  const make = FACTORIES[specifier] ?? (RC_ALLOWED_NATIVE_MODULES.includes(specifier) ? () => refusing(specifier) : undefined);
  if (!make) return undefined;
  const mod = make();
  cache.set(specifier, mod);
  return mod;
}
