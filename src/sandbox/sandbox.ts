/**
 * The browser side of app isolation: one hidden sandboxed iframe per page, one Worker per app
 * runtime inside it, and a MessagePort from the host straight to each worker.
 */
import type { HostToRuntime } from '../protocol/runtime-protocol.ts';
import type { RuntimeTransport, TransportFactory } from '../engine/apps/transport.ts';
import { sandboxDocument } from './iframe-document.ts';

export interface Sandbox {
  transports: TransportFactory;
  /** Problems with the sandbox itself (a message of the wrong shape from the iframe...). */
  onProblem(listener: (problem: string) => void): () => void;
  dispose(): void;
}

type FrameMessage =
  { type: 'loaded' } | { type: 'ready' } | { type: 'exit'; id: string; reason: string } | { type: 'worker-error'; id: string; message: string };

function parseFrameMessage(data: unknown): FrameMessage | null {
  if (typeof data !== 'object' || data === null) return null;
  const m = data as Record<string, unknown>;
  if (m['type'] === 'loaded' || m['type'] === 'ready') return { type: m['type'] };
  if (m['type'] === 'exit' && typeof m['id'] === 'string' && typeof m['reason'] === 'string') return { type: 'exit', id: m['id'], reason: m['reason'] };
  if (m['type'] === 'worker-error' && typeof m['id'] === 'string' && typeof m['message'] === 'string')
    return { type: 'worker-error', id: m['id'], message: m['message'] };
  return null;
}

export function createSandboxWith(doc: Document, runtimeCode: string): Sandbox {
  const frame = doc.createElement('iframe');
  frame.setAttribute('sandbox', 'allow-scripts');
  frame.setAttribute('aria-hidden', 'true');
  frame.setAttribute('tabindex', '-1');
  frame.setAttribute('data-testid', 'app-sandbox');
  frame.title = 'hookscope app sandbox';
  frame.style.cssText = 'position:absolute;width:0;height:0;border:0;visibility:hidden';
  frame.srcdoc = sandboxDocument();

  const queue: { msg: unknown; transfer: Transferable[] }[] = [];
  let ready = false;
  const exitListeners = new Map<string, (reason: string) => void>();
  const problemListeners = new Set<(p: string) => void>();
  const view = doc.defaultView;
  let seq = 0;

  const toFrame = (msg: unknown, transfer: Transferable[] = []) => {
    if (ready && frame.contentWindow) frame.contentWindow.postMessage(msg, '*', transfer);
    else queue.push({ msg, transfer });
  };

  const onMessage = (event: MessageEvent) => {
    if (event.source !== frame.contentWindow) return;
    const msg = parseFrameMessage(event.data);
    if (!msg) {
      for (const l of problemListeners) l(`ignored a malformed message from the sandbox frame`);
      return;
    }
    if (msg.type === 'loaded') {
      frame.contentWindow?.postMessage({ type: 'init', code: runtimeCode }, '*');
    } else if (msg.type === 'ready') {
      ready = true;
      for (const { msg: m, transfer } of queue.splice(0)) frame.contentWindow?.postMessage(m, '*', transfer);
    } else if (msg.type === 'exit') {
      exitListeners.get(msg.id)?.(msg.reason);
    } else {
      // An error that escaped the runtime (it reports what it can catch itself): the worker may be gone.
      for (const l of problemListeners) l(`app worker ${msg.id}: ${msg.message}`);
    }
  };
  view?.addEventListener('message', onMessage);
  doc.body.appendChild(frame);

  const transports: TransportFactory = (): RuntimeTransport => {
    const id = `w${++seq}`;
    const channel = new MessageChannel();
    const port = channel.port1;
    let terminated = false;
    toFrame({ type: 'spawn', id }, [channel.port2]);
    return {
      post(msg: HostToRuntime) {
        if (!terminated) port.postMessage(msg);
      },
      onMessage(listener) {
        port.onmessage = (e: MessageEvent) => listener(e.data);
      },
      onExit(listener) {
        exitListeners.set(id, (reason) => {
          if (terminated) return;
          terminated = true;
          listener(reason);
        });
      },
      terminate() {
        if (terminated) return;
        terminated = true;
        port.onmessage = null;
        port.close();
        exitListeners.delete(id);
        toFrame({ type: 'terminate', id });
      },
    };
  };

  return {
    transports,
    onProblem(listener) {
      problemListeners.add(listener);
      return () => problemListeners.delete(listener);
    },
    dispose() {
      view?.removeEventListener('message', onMessage);
      frame.remove();
    },
  };
}
