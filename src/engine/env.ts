/** Time and ids are injected so that traces are deterministic in tests (xstate's SimulatedClock habit). */

export interface Clock {
  /** Milliseconds since the epoch, for timestamps written into the world and the trace. */
  now(): number;
  /** A monotonic reading in milliseconds, for durations. */
  monotonic(): number;
}

export interface IdSource {
  /** A fresh id; `kind` ("room", "msg", "run", "call"...) may be used as a prefix. */
  next(kind: string): string;
}

export interface Scheduler {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface EngineEnv {
  clock: Clock;
  ids: IdSource;
  scheduler: Scheduler;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  monotonic: () => performance.now(),
};

export const systemScheduler: Scheduler = {
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** Random, Rocket.Chat-like 17-character ids. */
export function randomIds(): IdSource {
  const alphabet = '23456789ABCDEFGHJKLMNPQRSTWXYZabcdefghijkmnopqrstuvwxyz';
  return {
    next: () => {
      let id = '';
      for (let i = 0; i < 17; i++) id += alphabet[Math.floor(Math.random() * alphabet.length)];
      return id;
    },
  };
}

/** `room-1`, `room-2`, `msg-1`...: stable ids for tests and reproducible scenario runs. */
export function sequentialIds(): IdSource {
  const counters = new Map<string, number>();
  return {
    next: (kind) => {
      const n = (counters.get(kind) ?? 0) + 1;
      counters.set(kind, n);
      return `${kind}-${n}`;
    },
  };
}

/** A clock that only moves when told to (or by `step` on every reading). */
export function fixedClock(startMs = Date.UTC(2026, 0, 1), step = 0): Clock & { advance(ms: number): void } {
  let t = startMs;
  let mono = 0;
  return {
    now: () => {
      const v = t;
      t += step;
      return v;
    },
    monotonic: () => {
      const v = mono;
      mono += step;
      return v;
    },
    advance: (ms) => {
      t += ms;
      mono += ms;
    },
  };
}

export function defaultEnv(): EngineEnv {
  return { clock: systemClock, ids: randomIds(), scheduler: systemScheduler };
}
