/**
 * Wraps the global setTimeout/setInterval/clearTimeout/clearInterval to know which call scheduled
 * what, so the runtime can report what a handler left behind when it returned (`pending`) and
 * tell when that work is over (`settled`, see after-return.ts). A timer belongs to the call
 * current when it was created (see call-context.ts); its callback runs with that call as current
 * again; `onActivity(callId)` is told after a timer of that call fired or was cleared.
 */
import type { CallContext } from './call-context.ts';

type AnyFn = (...args: unknown[]) => unknown;
type TimerGlobals = {
  setTimeout: AnyFn;
  setInterval: AnyFn;
  clearTimeout: AnyFn;
  clearInterval: AnyFn;
};

interface Entry {
  callId: string | null;
  kind: 'timeout' | 'interval';
}

export interface TimerTracker {
  countFor(callId: string): { timers: number; intervals: number };
  /** The unwrapped setTimeout, for the runtime's own scheduling. */
  rawSetTimeout(fn: () => void, ms: number): void;
  /** Clears every interval and timeout this call scheduled (a left-over timer that went over its budget). */
  clearFor(callId: string): void;
  uninstall(): void;
}

/** Node timers are objects with a numeric primitive value; browsers use numbers. */
function keyOf(id: unknown): unknown {
  if (typeof id === 'object' && id !== null && typeof (id as { [Symbol.toPrimitive]?: unknown })[Symbol.toPrimitive] === 'function') {
    return Number(id);
  }
  return id;
}

export function installTimers(target: object, ctx: CallContext, onActivity: (callId: string | null) => void = () => undefined): TimerTracker {
  const g = target as TimerGlobals;
  const orig: TimerGlobals = {
    setTimeout: g.setTimeout,
    setInterval: g.setInterval,
    clearTimeout: g.clearTimeout,
    clearInterval: g.clearInterval,
  };
  const live = new Map<unknown, Entry>();

  function schedule(kind: Entry['kind'], fn: unknown, ms: unknown, rest: unknown[]): unknown {
    const callId = ctx.current;
    let key: unknown;
    const wrapped = (): void => {
      if (kind === 'timeout') live.delete(key);
      ctx.current = callId;
      try {
        if (typeof fn === 'function') (fn as AnyFn)(...rest);
      } finally {
        if (kind === 'timeout') onActivity(callId);
      }
    };
    const raw = kind === 'timeout' ? orig.setTimeout : orig.setInterval;
    const id = raw.call(target, wrapped, ms);
    key = keyOf(id);
    live.set(key, { callId, kind });
    return id;
  }

  function clear(kind: Entry['kind'], id: unknown): void {
    const entry = live.get(keyOf(id));
    live.delete(keyOf(id));
    (kind === 'timeout' ? orig.clearTimeout : orig.clearInterval).call(target, id);
    if (entry) onActivity(entry.callId);
  }

  g.setTimeout = (fn: unknown, ms?: unknown, ...rest: unknown[]) => schedule('timeout', fn, ms, rest);
  g.setInterval = (fn: unknown, ms?: unknown, ...rest: unknown[]) => schedule('interval', fn, ms, rest);
  g.clearTimeout = (id: unknown) => clear('timeout', id);
  g.clearInterval = (id: unknown) => clear('interval', id);

  return {
    countFor(callId) {
      let timers = 0;
      let intervals = 0;
      for (const e of live.values()) {
        if (e.callId !== callId) continue;
        if (e.kind === 'timeout') timers++;
        else intervals++;
      }
      return { timers, intervals };
    },
    rawSetTimeout(fn, ms) {
      orig.setTimeout.call(target, fn, ms);
    },
    clearFor(callId) {
      for (const [key, e] of [...live]) {
        if (e.callId !== callId) continue;
        live.delete(key);
        (e.kind === 'timeout' ? orig.clearTimeout : orig.clearInterval).call(target, key);
      }
      onActivity(callId);
    },
    uninstall() {
      Object.assign(g, orig);
    },
  };
}
