/**
 * The library's runtimes: one pool of warm app runtimes for every `runScenario` call of the
 * process (a test file calling it 20 times starts a worker ahead while the previous scenario
 * runs instead of waiting for one each time). Like `hookscope run`'s pool, a runtime serves one
 * app of one scenario and is thrown away; nothing crosses calls.
 *
 * Nothing here keeps the process alive: the workers are unref'd (src/node/node-transport.ts), so
 * a test runner exits when its tests are done. `closeRuntimes()` stops the waiting workers at
 * once (e.g. in `afterAll`); a later `runScenario` starts a new pool.
 */
import type { TransportFactory } from '../engine/apps/transport.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { warmRuntimes, type WarmRuntimes } from './warm-runtimes.ts';

/** Runtimes kept started ahead: the apps of a typical scenario. */
const AHEAD = 2;

let pool: Promise<WarmRuntimes> | null = null;

/** The shared pool's factory (started on first use). */
export async function sharedTransports(): Promise<TransportFactory> {
  pool ??= nodeTransports().then((make) => warmRuntimes(make, { size: AHEAD }));
  try {
    return (await pool).factory;
  } catch (err) {
    pool = null;
    throw err;
  }
}

/** Runtimes the shared pool has started so far (0 when it is not running); for tests and benchmarks. */
export async function sharedStarted(): Promise<number> {
  return pool ? (await pool).started() : 0;
}

/**
 * Stops the runtimes waiting in the shared pool. Optional: they do not keep the process alive.
 * Runs in flight keep the runtimes they were given.
 */
export async function closeRuntimes(): Promise<void> {
  const p = pool;
  pool = null;
  if (p) (await p.catch(() => null))?.dispose();
}
