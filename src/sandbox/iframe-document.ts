/**
 * The sandboxed iframe's document. It is loaded with `sandbox="allow-scripts"` (no
 * allow-same-origin: an opaque origin, no access to the page, its storage or cookies) and a CSP that
 * allows no network and no eval. Its only job: turn the runtime's source into a blob: Worker per
 * app and hand each worker the MessagePort the host talks on.
 */

export const SANDBOX_CSP = "default-src 'none'; script-src 'unsafe-inline' blob:; worker-src blob:; connect-src 'none'";

/** Runs inside the iframe. Kept dependency-free and small: it is inlined as text. */
function bootstrap(): void {
  const workers = new Map<string, Worker>();
  let runtimeUrl: string | null = null;
  const send = (msg: unknown) => parent.postMessage(msg, '*');
  addEventListener('message', (event: MessageEvent) => {
    if (event.source !== parent) return;
    const msg = event.data as { type?: unknown; id?: unknown; code?: unknown };
    if (msg.type === 'init' && typeof msg.code === 'string' && runtimeUrl === null) {
      runtimeUrl = URL.createObjectURL(new Blob([msg.code], { type: 'text/javascript' }));
      send({ type: 'ready' });
    } else if (msg.type === 'spawn' && typeof msg.id === 'string' && runtimeUrl !== null) {
      const id = msg.id;
      const port = event.ports[0];
      try {
        const worker = new Worker(runtimeUrl, { name: `hookscope-app-${id}` });
        workers.set(id, worker);
        worker.onerror = (e) => {
          e.preventDefault();
          send({ type: 'worker-error', id, message: String(e.message || 'the worker failed') });
        };
        worker.postMessage(null, port ? [port] : []);
      } catch (err) {
        send({ type: 'exit', id, reason: `could not start a worker: ${String(err)}` });
      }
    } else if (msg.type === 'terminate' && typeof msg.id === 'string') {
      workers.get(msg.id)?.terminate();
      workers.delete(msg.id);
    }
  });
  send({ type: 'loaded' });
}

export function sandboxDocument(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SANDBOX_CSP}"></head><body><script>(${bootstrap.toString()})();</script></body></html>`;
}
