/**
 * Starts the page's EngineController on the sandboxed browser runtime (src/sandbox/). The
 * sandbox module is looked up at build time, so the page still opens (and says so) without it.
 */
import type { TransportFactory } from '../engine/apps/transport.ts';
import { EngineController } from './engine-controller.ts';
import type { AppStore } from './store.ts';

interface SandboxModule {
  createSandbox(doc: Document): { transports: TransportFactory; dispose(): void };
}

const sandboxModules = import.meta.glob<SandboxModule>('../sandbox/index.ts');

let current: EngineController | null = null;

export function getController(): EngineController | null {
  return current;
}

export async function startBrowserController(store: AppStore): Promise<void> {
  const load = sandboxModules['../sandbox/index.ts'];
  if (!load) {
    store.getState().setRuntime({ state: 'unavailable', message: 'The app runtime (src/sandbox) is not part of this build: apps cannot run yet.' });
    return;
  }
  try {
    const { createSandbox } = await load();
    const sandbox = createSandbox(document);
    current = new EngineController({ store, transports: sandbox.transports });
    store.getState().setRuntime({ state: 'ready', message: null });
    window.addEventListener('pagehide', () => {
      current?.dispose();
      sandbox.dispose();
    });
    await current.sync();
  } catch (err) {
    store.getState().setRuntime({ state: 'unavailable', message: `The app runtime could not start: ${err instanceof Error ? err.message : String(err)}` });
  }
}
