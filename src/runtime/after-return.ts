/**
 * Work a handler started without `await` keeps running after it returned, as in Rocket.Chat,
 * whose app runtime process stays alive between events (spec 7.2): a `.then()` chain, a
 * `forEach(async ...)`, an un-awaited `finish`. This watches each call after its result was
 * posted and posts `settled` once nothing of it can move any more: no accessor request of the
 * call is unanswered and no timeout it scheduled is pending, checked on a fresh macrotask (so the
 * microtasks chained on the last answer or timer have all run). Intervals never end: they are
 * reported in `settled` and not waited for. The host bounds the wait (app-process.ts).
 *
 * Attribution is the call context's (call-context.ts): requests and timers belong to the call
 * current when they were made; continuations re-enter it.
 */
import type { RuntimeToHost } from '../protocol/runtime-protocol.ts';
import { PROTOCOL_VERSION } from '../protocol/runtime-protocol.ts';

export interface AfterReturnDeps {
  post(msg: RuntimeToHost): void;
  /** Unanswered accessor requests of the call. */
  requests(callId: string): number;
  /** Timeouts and intervals the call scheduled that are still live. */
  timers(callId: string): { timers: number; intervals: number };
  /** The unwrapped setTimeout (not counted as the call's own timer). */
  later(fn: () => void): void;
}

export interface AfterReturn {
  /** The call's handler returned (its result is posted): start watching it. */
  returned(callId: string): void;
  /** Something may have moved (an answer arrived, a timer fired or was cleared): check again. */
  poke(callId?: string | null): void;
}

export function createAfterReturn(deps: AfterReturnDeps): AfterReturn {
  /** Watched call -> whether it had pending work when it returned. */
  const watched = new Map<string, { waited: boolean; checking: boolean }>();

  const check = (callId: string): void => {
    const w = watched.get(callId);
    if (!w || w.checking) return;
    w.checking = true;
    deps.later(() => {
      w.checking = false;
      if (!watched.has(callId)) return;
      const { timers, intervals } = deps.timers(callId);
      if (deps.requests(callId) > 0 || timers > 0) {
        w.waited = true;
        return; // an answer or a timer will poke again
      }
      watched.delete(callId);
      deps.post({ v: PROTOCOL_VERSION, type: 'settled', callId, waited: w.waited, intervals });
    });
  };

  return {
    returned(callId) {
      const { timers } = deps.timers(callId);
      watched.set(callId, { waited: deps.requests(callId) > 0 || timers > 0, checking: false });
      check(callId);
    },
    poke(callId) {
      if (callId !== undefined && callId !== null) {
        check(callId);
        return;
      }
      for (const id of watched.keys()) check(id);
    },
  };
}
