/**
 * Network and storage globals an app might reach for besides `fetch` (which goes to the HTTP
 * mocks: environment/fetch.ts). Each of these throws a message that says what to use instead.
 *
 * The guards cannot be undone: each is a non-configurable, non-writable own property of the
 * global, and the real API is removed from the global's prototypes (the browser worker keeps
 * `fetch` on `WorkerGlobalScope.prototype`), so `delete globalThis.fetch` or reaching for
 * `Object.getPrototypeOf(globalThis).fetch` finds the guard or nothing, never the real one.
 * Called by the runtime entries once the runtime installed its own `fetch` (the one bound to the mocks).
 */
const ADVICE =
  "hookscope answers network calls from the world's HTTP mocks only: use fetch() or the `http` accessor (http.get/post/...) and add an HTTP mock for the URL.";

export function networkError(what: string): Error {
  return new Error(`${what} is not available to apps. ${ADVICE}`);
}

const CONSTRUCTORS = ['XMLHttpRequest', 'WebSocket', 'WebSocketStream', 'WebTransport', 'EventSource', 'Worker', 'SharedWorker'];
const STORAGE = ['indexedDB', 'caches', 'localStorage', 'sessionStorage'];
/** Every name the guards own, `fetch` (the mock one) included. */
const GUARDED_GLOBALS: readonly string[] = ['fetch', 'importScripts', ...CONSTRUCTORS, ...STORAGE];

/** Removes `name` from every prototype of `g`, then makes `g`'s own property permanent. */
function lockGlobal(g: object, name: string): void {
  for (let p = Object.getPrototypeOf(g) as object | null; p !== null; p = Object.getPrototypeOf(p) as object | null) {
    if (p === Object.prototype || p === Function.prototype) break;
    if (Object.prototype.hasOwnProperty.call(p, name)) Reflect.deleteProperty(p, name);
  }
  const own = Object.getOwnPropertyDescriptor(g, name);
  if (!own) {
    Object.defineProperty(g, name, { value: undefined, writable: false, configurable: false, enumerable: false });
    return;
  }
  if (!own.configurable) return;
  const locked: PropertyDescriptor = { configurable: false, enumerable: own.enumerable ?? false };
  if ('value' in own) Object.assign(locked, { value: own.value as unknown, writable: false });
  else {
    if (own.get) locked.get = own.get;
    if (own.set) locked.set = own.set;
  }
  Object.defineProperty(g, name, locked);
}

export function installNetworkGuards(g: Record<string, unknown>): void {
  const fail = (what: string) =>
    function blocked(): never {
      throw networkError(what);
    };
  const define = (name: string, descriptor: PropertyDescriptor) => {
    if (Object.getOwnPropertyDescriptor(g, name)?.configurable === false) return;
    Object.defineProperty(g, name, { configurable: true, enumerable: false, ...descriptor });
  };
  for (const name of CONSTRUCTORS) {
    define(name, {
      writable: true,
      value: class {
        constructor() {
          throw networkError(name);
        }
      },
    });
  }
  define('importScripts', { writable: true, value: fail('importScripts()') });
  for (const name of STORAGE) {
    define(name, {
      get() {
        throw new Error(`${name} is not available to apps: keep data with the \`persistence\` accessor.`);
      },
    });
  }
  for (const name of GUARDED_GLOBALS) lockGlobal(g, name);
}
