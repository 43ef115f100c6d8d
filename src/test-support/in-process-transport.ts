/**
 * TEST ONLY: a RuntimeTransport that runs the app runtime in the test's own process, for unit
 * tests of host/, pipeline/ and world/ that need real app code but not real workers (no worker
 * start-up, no runtime bundle, debuggable with one process).
 *
 * Each transport gets its own runtime (`createAppRuntime`) and its own globals object, so the
 * runtime's patches (console capture, call-tracking timers, fetch to the HTTP mocks) land there
 * and not on the test process; app modules see those through the module wrapper's parameters.
 * Messages cross as structured clones, asynchronously, in both directions, like postMessage.
 *
 * Not a sandbox: app code runs in the test's realm (Node's other globals are reachable), a
 * synchronous endless loop blocks the test, and `terminate()` only stops delivering messages.
 * Isolation, timeouts of hung code and worker replacement are the integration tests' job
 * (`*.integration.test.ts` with src/node's transport).
 */
import { runInThisContext } from 'node:vm';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import type { RuntimeTransport, TransportFactory } from '../engine/apps/transport.ts';
import { Engine } from '../engine/engine.ts';
import { fixedClock, sequentialIds, systemScheduler } from '../engine/env.ts';
import type { ProfileId } from '../engine/profiles.ts';
import type { WorldState } from '../engine/world/types.ts';
import type { HostToRuntime, RuntimeToHost } from '../protocol/runtime-protocol.ts';
import type { ModuleFunction } from '../runtime/module-loader.ts';
import { createAppRuntime } from '../runtime/runtime.ts';
import { baseWorld } from './worlds.ts';

/** The globals the runtime patches, handed to app modules as wrapper parameters. */
const SHADOWED = ['console', 'setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'fetch'] as const;

function freshGlobals(): Record<string, unknown> {
  const quiet = (): void => undefined;
  return {
    // The runtime captures these into `log` messages; the real console stays untouched.
    console: { log: quiet, info: quiet, warn: quiet, error: quiet, debug: quiet },
    setTimeout: globalThis.setTimeout,
    clearTimeout: globalThis.clearTimeout,
    setInterval: globalThis.setInterval,
    clearInterval: globalThis.clearInterval,
  };
}

export interface InProcessTransport extends RuntimeTransport {
  /** Every message the runtime posted, in order (for assertions on the protocol). */
  readonly sent: readonly RuntimeToHost[];
}

function inProcessTransport(): InProcessTransport {
  const listeners: ((raw: unknown) => void)[] = [];
  const sent: RuntimeToHost[] = [];
  let terminated = false;
  const globals = freshGlobals();
  const evaluate = (code: string, sourceUrl: string): ModuleFunction => {
    // One line of wrapper before the code, so stack lines match the file (as src/node does).
    const outer = runInThisContext(`(function (${SHADOWED.join(', ')}) { return function (exports, require, module, __filename, __dirname) {${code}\n}; })`, {
      filename: sourceUrl,
    }) as (...values: unknown[]) => ModuleFunction;
    return outer(...SHADOWED.map((name) => globals[name]));
  };
  const runtime = createAppRuntime({
    post(msg: RuntimeToHost) {
      if (terminated) return;
      const copy = structuredClone(msg);
      sent.push(copy);
      setImmediate(() => {
        if (!terminated) for (const listener of listeners) listener(structuredClone(copy));
      });
    },
    evaluate,
    globals,
  });
  return {
    sent,
    post(msg: HostToRuntime) {
      if (terminated) return;
      const copy = structuredClone(msg);
      setImmediate(() => {
        if (!terminated) runtime.receive(copy);
      });
    },
    onMessage(listener) {
      listeners.push(listener);
    },
    onExit() {
      // An in-process runtime does not die on its own.
    },
    terminate() {
      terminated = true;
      runtime.dispose();
    },
  };
}

/** A TransportFactory for `new Engine({ transports })`; `created` lists every transport made. */
function inProcessTransports(): TransportFactory & { created: InProcessTransport[] } {
  const created: InProcessTransport[] = [];
  const factory = (): InProcessTransport => {
    const t = inProcessTransport();
    created.push(t);
    return t;
  };
  return Object.assign(factory, { created });
}

/** An Engine whose app runtimes run in this process (deterministic clock and ids, as makeEngine). */
export async function makeInProcessEngine(
  apps: AppDefinition[],
  opts: { timeoutMs?: number; world?: WorldState; profile?: ProfileId } = {},
): Promise<{ engine: Engine; transports: InProcessTransport[] }> {
  const transports = inProcessTransports();
  const engine = new Engine({
    transports,
    env: { clock: fixedClock(), ids: sequentialIds(), scheduler: systemScheduler },
    world: opts.world ?? baseWorld(),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
  });
  for (const a of apps) await engine.installApp(a);
  return { engine, transports: transports.created };
}
