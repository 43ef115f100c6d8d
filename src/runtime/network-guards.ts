/**
 * Network and storage globals an app might reach for besides `fetch` (which goes to the HTTP
 * mocks: environment/fetch.ts). Each of these throws a message that says what to use instead.
 */
const ADVICE = 'hookscope answers network calls from the world\'s HTTP mocks only: use fetch() or the `http` accessor (http.get/post/...) and add an HTTP mock for the URL.';

export function networkError(what: string): Error {
  return new Error(`${what} is not available to apps. ${ADVICE}`);
}

export function installNetworkGuards(g: Record<string, unknown>): void {
  const fail = (what: string) =>
    function blocked(): never {
      throw networkError(what);
    };
  for (const name of ['XMLHttpRequest', 'WebSocket', 'EventSource', 'Worker', 'SharedWorker']) {
    g[name] = class {
      constructor() {
        throw networkError(name);
      }
    };
  }
  g['importScripts'] = fail('importScripts()');
  for (const name of ['indexedDB', 'caches', 'localStorage', 'sessionStorage']) {
    Object.defineProperty(g, name, {
      configurable: true,
      get() {
        throw new Error(`${name} is not available to apps: keep data with the \`persistence\` accessor.`);
      },
    });
  }
}
