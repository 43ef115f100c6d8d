/**
 * Entry of the app runtime in the browser: a classic Worker created from a blob: URL inside a
 * sandboxed iframe (opaque origin, CSP without network or eval). The first message carries the
 * MessagePort the host talks on; everything after that goes over the port.
 *
 * App modules are evaluated by loading a blob: script with `importScripts` (the CSP forbids eval):
 * the wrapper opens on the module's first line, so stack lines match the editor.
 */
import { installEnvironment } from '../runtime/environment/index.ts';
import { createAppRuntime } from '../runtime/runtime.ts';
import { installNetworkGuards } from '../runtime/network-guards.ts';

interface WorkerScope {
  importScripts(...urls: string[]): void;
  addEventListener(type: 'message', fn: (e: MessageEvent) => void, opts?: { once: boolean }): void;
  addEventListener(type: 'unhandledrejection', fn: (e: PromiseRejectionEvent) => void): void;
  addEventListener(type: 'error', fn: (e: ErrorEvent) => void): void;
}

const scope = globalThis as unknown as WorkerScope & Record<string, unknown>;
// Captured before app code can replace them; the guards below take the globals away.
const importScripts = scope.importScripts.bind(scope);
const createObjectURL = URL.createObjectURL.bind(URL);
const revokeObjectURL = URL.revokeObjectURL.bind(URL);
const BlobCtor = Blob;
const MODULE_SLOT = '__hookscopeModule';

function evaluate(code: string, sourceUrl: string) {
  const text = `self.${MODULE_SLOT} = function (exports, require, module, __filename, __dirname) {${code}\n};\n//# sourceURL=${sourceUrl}`;
  const url = createObjectURL(new BlobCtor([text], { type: 'text/javascript' }));
  try {
    importScripts(url);
  } finally {
    revokeObjectURL(url);
  }
  const fn = scope[MODULE_SLOT];
  delete scope[MODULE_SLOT];
  if (typeof fn !== 'function') throw new Error(`could not evaluate ${sourceUrl}`);
  return fn as ReturnType<Parameters<typeof createAppRuntime>[0]['evaluate']>;
}

scope.addEventListener(
  'message',
  (event: MessageEvent) => {
    const port = event.ports[0];
    if (!port) return;
    const post = port.postMessage.bind(port);
    // The globals of spec 7.3 (the same definition as the Node runner's vm context).
    installEnvironment(scope);
    const runtime = createAppRuntime({ post: (msg) => post(msg), evaluate });
    installNetworkGuards(scope);
    scope.addEventListener('unhandledrejection', (e: PromiseRejectionEvent) => {
      e.preventDefault();
      runtime.reportUncaught(e.reason);
    });
    scope.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault();
      runtime.reportUncaught(e.error ?? e.message);
    });
    port.onmessage = (e: MessageEvent) => runtime.receive(e.data);
  },
  { once: true },
);
