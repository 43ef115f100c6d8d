/**
 * Accessor parts hookscope does not simulate. Every call reports `unsupported` to the host (so the
 * trace shows it) and fails with an Error that names the method the app called.
 */
import type { RequestFn } from './types.ts';

const SCOPE = 'room-event simulation covers settings, users, rooms, messages, persistence, http and modify';

export function unsupportedMessage(what: string): string {
  return `hookscope does not simulate ${what}; ${SCOPE}`;
}

function report(request: RequestFn, what: string): Promise<unknown> {
  try {
    return request('unsupported', [what]);
  } catch (err) {
    return Promise.reject(err instanceof Error ? err : new Error(String(err)));
  }
}

/** For async methods: resolves nothing, rejects with the "does not simulate" error once the host has seen it. */
export function rejectUnsupported(request: RequestFn, what: string): Promise<never> {
  const fail = (): never => {
    throw new Error(unsupportedMessage(what));
  };
  return report(request, what).then(fail, fail);
}

/** For synchronous methods (builders' start* calls): throws at once; the host is told in the background. */
export function throwUnsupported(request: RequestFn, what: string): never {
  report(request, what).catch(() => undefined);
  throw new Error(unsupportedMessage(what));
}

/**
 * Property names that introspection (await, JSON, inspectors, test matchers) probes on any object.
 * They must not look like methods, or awaiting/logging the object would call the host.
 */
const NOT_METHODS = new Set(['then', 'constructor', 'valueOf', 'inspect', 'nodeType', 'asymmetricMatch', 'tagName']);

function isIntrospection(prop: string): boolean {
  return NOT_METHODS.has(prop) || prop.startsWith('$$') || prop.startsWith('@@') || prop.startsWith('_');
}

function proxyOf<T>(label: string, method: (prop: string) => (...args: unknown[]) => unknown): T {
  const target: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  return new Proxy(target, {
    get(_t, prop) {
      if (typeof prop === 'symbol') return prop === Symbol.toStringTag ? label : undefined;
      if (prop === 'toJSON') return () => ({});
      if (prop === 'toString') return () => `[${label}]`;
      if (isIntrospection(prop)) return undefined;
      return method(prop);
    },
  }) as T;
}

/**
 * An object standing for a whole unsupported accessor (e.g. `IRead.getLivechatReader()`): any
 * method name is accepted and its call fails naming `<path>.<method>()`.
 */
export function unsupportedObject<T>(request: RequestFn, path: string): T {
  return proxyOf<T>(`hookscope unsupported ${path}`, (prop) => {
    const fn = (..._args: unknown[]): Promise<never> => rejectUnsupported(request, `${path}.${prop}()`);
    Object.defineProperty(fn, 'name', { value: prop });
    return fn;
  });
}

/** The getter of an unsupported accessor (`IRead.getThreadReader`): one unsupported object, made on the first call. */
export function unsupportedGetter<T>(request: RequestFn, path: string): () => T {
  let obj: T | undefined;
  return () => (obj ??= unsupportedObject<T>(request, path));
}

/**
 * An object that accepts any registration call and ignores it (configuration extends such as
 * slash commands, API endpoints, UI buttons: registrations, not effects of a room event).
 */
export function acceptAllObject<T>(path: string): T {
  return proxyOf<T>(`hookscope ignored ${path}`, (prop) => {
    const fn = (..._args: unknown[]): Promise<void> => Promise.resolve();
    Object.defineProperty(fn, 'name', { value: prop });
    return fn;
  });
}
