/**
 * A pool of app runtimes started ahead of need, shared by every scenario of one `hookscope run`
 * (or one test process): a runtime is used by one app of one scenario and then thrown away (no
 * state crosses scenarios), but its start (a worker thread evaluating the runtime bundle) happens
 * while the previous scenario runs, so the second file onward does not wait for it.
 */
import type { RuntimeTransport, TransportFactory } from '../engine/apps/transport.ts';

export interface WarmRuntimes {
  /** Hands out a started runtime (or starts one when none is ready) and starts its replacement. */
  readonly factory: TransportFactory;
  /** Runtimes started so far (handed out or waiting), for benchmarks and tests. */
  readonly started: () => number;
  /**
   * Start no more than this many ahead from now on (0 when the last file starts: it still gets
   * the ones already started; `dispose` stops what is left).
   */
  resize(size: number): void;
  /** Stops the runtimes still waiting; the handed-out ones belong to their engines. */
  dispose(): void;
}

interface Waiting {
  transport: RuntimeTransport;
  /** Why it died while waiting (or after), null while alive. */
  died: string | null;
  exitListeners: ((reason: string) => void)[];
}

export interface WarmRuntimesOptions {
  /** How many runtimes to keep started ahead (default 2: the apps of a typical scenario). */
  size?: number;
  /** Schedules the refill after a hand-out (default setImmediate: after the caller posted its load). */
  defer?: (fn: () => void) => void;
}

export function warmRuntimes(make: TransportFactory, options: WarmRuntimesOptions = {}): WarmRuntimes {
  let size = Math.max(0, options.size ?? 2);
  const defer = options.defer ?? ((fn) => void setImmediate(fn));
  const waiting: Waiting[] = [];
  let started = 0;
  let disposed = false;
  let refillScheduled = false;

  const start = (): Waiting => {
    started++;
    const entry: Waiting = { transport: make(), died: null, exitListeners: [] };
    entry.transport.onExit((reason) => {
      entry.died = reason;
      for (const l of entry.exitListeners) l(reason);
    });
    return entry;
  };

  const refill = () => {
    refillScheduled = false;
    if (disposed) return;
    for (let i = waiting.length - 1; i >= 0; i--) if (waiting[i]!.died !== null) waiting.splice(i, 1);
    while (waiting.length < size) waiting.push(start());
  };

  const handOut = (entry: Waiting): RuntimeTransport => ({
    post: (msg) => entry.transport.post(msg),
    onMessage: (listener) => entry.transport.onMessage(listener),
    onExit: (listener) => {
      if (entry.died !== null) {
        const reason = entry.died;
        queueMicrotask(() => listener(reason));
      } else entry.exitListeners.push(listener);
    },
    terminate: () => entry.transport.terminate(),
  });

  const factory: TransportFactory = () => {
    if (disposed) throw new Error('the runtime pool was disposed');
    let entry = waiting.shift();
    while (entry && entry.died !== null) entry = waiting.shift();
    const chosen = entry ?? start();
    if (!refillScheduled) {
      refillScheduled = true;
      defer(refill);
    }
    return handOut(chosen);
  };

  return {
    factory,
    started: () => started,
    resize(n) {
      size = Math.max(0, n);
    },
    dispose() {
      disposed = true;
      for (const w of waiting.splice(0)) w.transport.terminate();
    },
  };
}
