/**
 * Boot code that runs INSIDE the app's vm context (Node). The context has only JavaScript's own
 * globals: no process, require, fetch or file system. The outer worker hands over a few primitive
 * functions on `__hookscopeHost`, which this code captures and deletes before any app code runs;
 * everything that crosses is a string or a number, so no object of the outer realm is reachable.
 */
import { callbacks, g, host } from './vm-globals.ts';
import { URL, URLSearchParams } from 'whatwg-url';
import { createAppRuntime } from '../runtime/runtime.ts';
import { installNetworkGuards } from '../runtime/network-guards.ts';

g['URL'] = URL;
g['URLSearchParams'] = URLSearchParams;

const runtime = createAppRuntime({
  post: (msg) => host.send(JSON.stringify(msg)),
  // Indirect eval of a wrapper opened on the code's first line, so stack lines match the editor.
  evaluate: (code, sourceUrl) => (0, eval)(`(function (exports, require, module, __filename, __dirname) {${code}\n})\n//# sourceURL=${sourceUrl}`),
});

// After the runtime installed its fetch (bound to the HTTP mocks): the guards lock it and the rest.
installNetworkGuards(g);

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
