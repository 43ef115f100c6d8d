/**
 * Test doubles for the host side of the transport: virtual time (a scheduler and a clock that move
 * only when told) and an in-memory runtime that answers load, call and ping like the real one, or
 * stops answering (`stuck`, an endless loop). Behaviour tests, never timed.
 */
import type { HostToRuntime, RuntimeToHost } from '../protocol/runtime-protocol.ts';
import { encodeWire } from '../protocol/wire.ts';
import type { Scheduler } from '../engine/env.ts';
import type { RuntimeTransport } from '../engine/apps/transport.ts';
import type { AppProcessHooks, AppSource } from '../engine/apps/app-process.ts';

/** Lets queued microtasks and immediates run (the fake runtime answers asynchronously). */
export const settle = async (): Promise<void> => {
  for (let i = 0; i < 5; i++) await new Promise<void>((r) => setImmediate(r));
};

export interface VirtualTime {
  now(): number;
  scheduler: Scheduler;
  /** Moves time forward by `ms`, running every timer that falls due, in order. */
  advance(ms: number): Promise<void>;
  pendingTimers(): number;
}

export function virtualTime(): VirtualTime {
  let now = 0;
  let seq = 0;
  const timers = new Map<number, { at: number; fn: () => void }>();
  return {
    now: () => now,
    scheduler: {
      setTimeout(fn, ms) {
        seq += 1;
        timers.set(seq, { at: now + Math.max(0, ms), fn });
        return seq;
      },
      clearTimeout(handle) {
        timers.delete(handle as number);
      },
    },
    async advance(ms) {
      const end = now + ms;
      for (;;) {
        await settle();
        let next: [number, { at: number; fn: () => void }] | undefined;
        for (const entry of timers) if (entry[1].at <= end && (!next || entry[1].at < next[1].at)) next = entry;
        if (!next) break;
        timers.delete(next[0]);
        now = next[1].at;
        next[1].fn();
      }
      now = end;
      await settle();
    },
    pendingTimers: () => timers.size,
  };
}

export interface FakeRuntime extends RuntimeTransport {
  readonly id: number;
  posted: HostToRuntime[];
  /** `stuck`: the event loop is blocked, nothing is answered any more. */
  mode: 'alive' | 'stuck';
  /** Methods whose calls are never answered (the app awaits forever) or that get the worker stuck. */
  waitsOn: Set<string>;
  loopsOn: Set<string>;
  terminated: boolean;
  /** Sends a message as the runtime would (e.g. a late result). */
  emit(msg: RuntimeToHost): void;
  /** Log lines the app writes while loading. */
  loadLogs: string[];
}

/** `loadLogs`: the line every runtime made here logs while it loads the app. */
export function fakeRuntimes(loadLog?: string): { factory: () => FakeRuntime; made: FakeRuntime[] } {
  const made: FakeRuntime[] = [];
  const factory = (): FakeRuntime => {
    let listener: ((raw: unknown) => void) | null = null;
    const rt: FakeRuntime = {
      id: made.length + 1,
      posted: [],
      mode: 'alive',
      waitsOn: new Set(),
      loopsOn: new Set(),
      terminated: false,
      loadLogs: loadLog === undefined ? [] : [`${loadLog} ${made.length + 1}`],
      emit(msg) {
        if (!rt.terminated) queueMicrotask(() => listener?.(JSON.parse(JSON.stringify(msg))));
      },
      post(msg) {
        if (rt.terminated) return;
        rt.posted.push(msg);
        if (rt.mode === 'stuck') return;
        switch (msg.type) {
          case 'load':
            for (const line of rt.loadLogs) rt.emit({ v: 1, type: 'log', callId: null, level: 'info', source: 'logger', args: [{ t: 'str', v: line }] });
            rt.emit({ v: 1, type: 'loaded', ok: true, className: 'App', methods: ['m'], settings: [] });
            return;
          case 'ping':
            rt.emit({ v: 1, type: 'pong', seq: msg.seq });
            return;
          case 'call':
            if (rt.loopsOn.has(msg.method)) {
              rt.mode = 'stuck';
              return;
            }
            if (rt.waitsOn.has(msg.method)) return;
            rt.emit({ v: 1, type: 'result', callId: msg.callId, ok: true, value: encodeWire(rt.id), pending: { timers: 0, intervals: 0, requests: 0 } });
            return;
          default:
            return;
        }
      },
      onMessage(l) {
        listener = l;
      },
      onExit() {},
      terminate() {
        rt.terminated = true;
      },
    };
    made.push(rt);
    return rt;
  };
  return { factory, made };
}

/** AppProcess hooks that ignore everything (requests are refused); `over` replaces the ones a test listens to. */
export function quietHooks(over: Partial<AppProcessHooks> = {}): AppProcessHooks {
  return {
    onRequest: () => Promise.reject(new Error('none')),
    onLog: () => undefined,
    onDropped: () => undefined,
    onPending: () => undefined,
    onProblem: () => undefined,
    onRestart: () => undefined,
    ...over,
  };
}

/** The smallest app source an AppProcess accepts (the fake runtimes never read it). */
export const TEST_APP_SOURCE: AppSource = {
  descriptor: {
    id: 'a',
    name: 'A',
    nameSlug: 'a',
    version: '1',
    description: '',
    requiredApiVersion: '^1',
    author: { name: '', support: '' },
    classFile: 'A.ts',
  },
  files: { 'A.ts': '' },
  switches: { freezeInputs: false },
};
