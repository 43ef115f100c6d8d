/**
 * Starts the page's EngineController on the sandboxed browser runtime (src/sandbox/, loaded
 * lazily: the runtime bundle is not needed to paint the page, and is fetched once the editor is
 * live, or at once when something asks for the controller). Problems the sandbox reports about
 * itself join the engine's runtime problems in the console events.
 */
import { EngineController } from './engine-controller.ts';
import type { AppStore } from './store.ts';

/** The appId sandbox-level problems are filed under (they belong to no app). */
export const SANDBOX_SOURCE = '(sandbox)';

let current: EngineController | null = null;
const waiting: { resolve(c: EngineController): void; reject(err: Error): void }[] = [];
let failure: Error | null = null;
/** Starts the runtime now if it was deferred (startBrowserControllerAfter) and has not started. */
let startNow: (() => void) | null = null;

export function getController(): EngineController | null {
  return current;
}

/** The controller once the app runtime is up (at once if it is), or why it could not start. */
export function whenController(): Promise<EngineController> {
  if (current) return Promise.resolve(current);
  startNow?.();
  if (failure) return Promise.reject(failure);
  return new Promise((resolve, reject) => waiting.push({ resolve, reject }));
}

/**
 * Starts the runtime when `trigger` resolves, or earlier if the controller is asked for (a run
 * triggered before then waits only for the runtime itself).
 */
export function startBrowserControllerAfter(store: AppStore, trigger: Promise<void>): void {
  const go = () => {
    if (!startNow) return;
    startNow = null;
    void startBrowserController(store);
  };
  startNow = go;
  void trigger.then(go);
}

async function startBrowserController(store: AppStore): Promise<void> {
  try {
    const { createSandbox } = await import('../sandbox/index.ts');
    const sandbox = createSandbox(document);
    sandbox.onProblem((problem) => store.getState().appendConsole([{ type: 'runtime-problem', runId: null, at: Date.now(), appId: SANDBOX_SOURCE, problem }]));
    current = new EngineController({ store, transports: sandbox.transports });
    store.getState().setRuntime({ state: 'ready', message: null });
    for (const w of waiting.splice(0)) w.resolve(current);
    window.addEventListener('pagehide', () => {
      current?.dispose();
      sandbox.dispose();
    });
    await current.sync();
  } catch (err) {
    const message = `The app runtime could not start: ${err instanceof Error ? err.message : String(err)}`;
    store.getState().setRuntime({ state: 'unavailable', message });
    if (!current) {
      failure = new Error(message);
      for (const w of waiting.splice(0)) w.reject(failure);
    }
  }
}
