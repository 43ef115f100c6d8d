/**
 * Network and storage globals an app might reach for. Rocket.Chat apps get no network besides the
 * `http` accessor, so each of these throws a message that says what to use instead.
 */
const ADVICE = 'Rocket.Chat apps have no direct network access: use the `http` accessor (http.get/post/...) and add an HTTP mock for the URL in the world.';

export function networkError(what: string): Error {
  return new Error(`${what} is not available to apps. ${ADVICE}`);
}

export function installNetworkGuards(g: Record<string, unknown>): void {
  const fail = (what: string) =>
    function blocked(): never {
      throw networkError(what);
    };
  g['fetch'] = fail('fetch()');
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
