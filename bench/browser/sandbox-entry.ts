/**
 * Bench-only page (served by the Vite dev server that bench/browser.bench.ts starts; never part of
 * the production build): the real sandbox (hidden iframe, blob: Worker per app) driven through
 * AppProcess, next to a plain page <-> Worker echo as the raw floor. Exposes `window.sandboxBench`.
 */
import { AppProcess, type AppProcessHooks } from '../../src/engine/apps/app-process.ts';
import { descriptorOf, type AppDefinition } from '../../src/engine/apps/app-manifest.ts';
import { TransportPool } from '../../src/engine/apps/transport.ts';
import type { Scheduler } from '../../src/engine/env.ts';
import { EVENT_SPECS } from '../../src/engine/events.ts';
import { buildArgs } from '../../src/engine/pipeline/payload.ts';
import { PROFILES } from '../../src/engine/profiles.ts';
import { toAppRoom } from '../../src/engine/world/convert.ts';
import { WorldStore } from '../../src/engine/world/store.ts';
import type { ArgSpec } from '../../src/protocol/runtime-protocol.ts';
import { decodeWire } from '../../src/protocol/wire.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { loopsForever, preventReturning } from '../../src/test-support/apps.ts';
import { baseWorld } from '../../src/test-support/worlds.ts';

const METHOD = EVENT_SPECS.IPreRoomCreatePrevent.execute;
const now = () => performance.now();
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** When the last timer of HANG_TIMEOUT_MS (a hung call's own timeout, never a liveness timer) fired. */
let fired = Number.NaN;
const HANG_TIMEOUT_MS = 200;
const scheduler: Scheduler = {
  setTimeout: (fn, ms) =>
    setTimeout(() => {
      if (ms === HANG_TIMEOUT_MS) fired = now();
      fn();
    }, ms),
  clearTimeout: (h) => clearTimeout(h as number),
};
const hooks: AppProcessHooks = {
  onRequest: () => Promise.reject(new Error('no accessors in the benchmark')),
  onLog: () => undefined,
  onDropped: () => undefined,
  onPending: () => undefined,
  onProblem: (p) => console.warn(`runtime problem: ${p}`),
  onRestart: () => undefined,
};
const sandbox = createSandbox(document);

function preventArgs(name: string): ArgSpec[] {
  const world = new WorldStore(baseWorld());
  const general = world.roomByName('general');
  if (!general) throw new Error('no #general');
  const room = toAppRoom(world, { ...general, slugifiedName: name, displayName: name }, { withId: false });
  return buildArgs(
    EVENT_SPECS.IPreRoomCreatePrevent,
    'execute',
    { kind: 'room', room: room as unknown as Record<string, unknown>, usernames: ['alice'] },
    PROFILES.current,
  );
}

function proc(def: AppDefinition, keepSpare: boolean, standby = false): { p: AppProcess; pool: TransportPool } {
  const pool = new TransportPool(sandbox.transports, keepSpare);
  const source = { descriptor: descriptorOf(def), files: def.files, switches: { freezeInputs: PROFILES.current.freezeInputs } };
  return { p: new AppProcess(source, pool, scheduler, hooks, () => 10_000, now, { standby }), pool };
}

/** A plain dedicated Worker from a blob: URL on the page (no iframe, no runtime): the floor. */
async function echoWorker(): Promise<{ rt(msg: unknown): Promise<void>; close(): void }> {
  const url = URL.createObjectURL(new Blob(['onmessage = (e) => postMessage(e.data);'], { type: 'text/javascript' }));
  const w = new Worker(url);
  URL.revokeObjectURL(url);
  let pending: (() => void) | null = null;
  w.onmessage = () => {
    const p = pending;
    pending = null;
    p?.();
  };
  const rt = (msg: unknown) =>
    new Promise<void>((resolve) => {
      pending = resolve;
      w.postMessage(msg);
    });
  await rt({ hello: true });
  return { rt, close: () => w.terminate() };
}

/** Round trips per sample. */
const BATCH = 20;

async function callOverhead(perRound: number, rounds: number) {
  const echo = await echoWorker();
  const { p, pool } = proc(preventReturning('trivial', 'Trivial', 'false'), false);
  const args = preventArgs('bench-room');
  const callMsg = { v: 1, type: 'call', callId: 'bench:0', method: METHOD, args };
  const loaded = await p.ensureLoaded();
  if (!loaded.ok) throw new Error(`load failed: ${loaded.error.message}`);
  const raw: number[] = [];
  const sized: number[] = [];
  const call: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (let i = 0; i < 100; i++) {
      await echo.rt({ n: i });
      await p.call(p.nextCallId('warm'), METHOD, args, 5000);
    }
    // performance.now() is coarsened to 0.1 ms here (no cross-origin isolation): each sample is
    // the mean of BATCH back-to-back round trips.
    for (let i = 0; i < perRound; i++) {
      const t0 = now();
      for (let k = 0; k < BATCH; k++) await echo.rt({ n: k });
      raw.push((now() - t0) / BATCH);
    }
    for (let i = 0; i < perRound; i++) {
      const t0 = now();
      for (let k = 0; k < BATCH; k++) await echo.rt(callMsg);
      sized.push((now() - t0) / BATCH);
    }
    for (let i = 0; i < perRound; i++) {
      const t0 = now();
      for (let k = 0; k < BATCH; k++) {
        const a = await p.call(p.nextCallId('bench'), METHOD, args, 5000);
        if (a.kind !== 'ok' || decodeWire(a.value) !== false) throw new Error(`unexpected answer ${JSON.stringify(a)}`);
      }
      call.push((now() - t0) / BATCH);
    }
  }
  p.dispose();
  pool.dispose();
  echo.close();
  return { raw, sized, call, callMsgBytes: JSON.stringify(callMsg).length };
}

async function workerStart(n: number) {
  const raw: number[] = [];
  const loaded: number[] = [];
  const firstCall: number[] = [];
  const args = preventArgs('cold');
  for (let i = 0; i < n; i++) {
    let t0 = now();
    const echo = await echoWorker();
    raw.push(now() - t0);
    echo.close();
    t0 = now();
    const { p, pool } = proc(preventReturning('cold', 'Cold', 'false'), false);
    const l = await p.ensureLoaded();
    const t1 = now();
    const a = await p.call(p.nextCallId('cold'), METHOD, args, 5000);
    const t2 = now();
    if (!l.ok || a.kind !== 'ok') throw new Error('cold start failed');
    loaded.push(t1 - t0);
    firstCall.push(t2 - t0);
    p.dispose();
    pool.dispose();
    await sleep(100);
  }
  return { raw, loaded, firstCall };
}

async function hungRecovery(n: number, variant: 'standby' | 'spare' | 'cold', timeoutMs: number) {
  if (timeoutMs !== HANG_TIMEOUT_MS) throw new Error(`hungRecovery measures from a ${HANG_TIMEOUT_MS} ms call timeout`);
  const { p, pool } = proc(loopsForever(), variant !== 'cold', variant === 'standby');
  const ok = preventArgs('fine');
  const loop = preventArgs('loop');
  await p.call(p.nextCallId('warm'), METHOD, ok, 5000);
  const next: number[] = [];
  for (let i = 0; i < n; i++) {
    await sleep(400); // the spare / standby started by the last replacement finishes booting and loading
    // The standby loads beside the worker that took over: wait for it (not a fixed sleep: a busy machine is slower).
    for (let w = 0; variant === 'standby' && !p.hasStandby; w++) {
      if (w > 200) throw new Error('the standby worker was not ready after 10 s');
      await sleep(50);
    }
    fired = Number.NaN;
    const hung = await p.call(p.nextCallId('hang'), METHOD, loop, timeoutMs);
    if (hung.kind !== 'timeout') throw new Error(`expected a timeout, got ${hung.kind}`);
    const timedOutAt = fired;
    if (!Number.isFinite(timedOutAt)) throw new Error('the hung call timeout was not observed');
    const a = await p.call(p.nextCallId('next'), METHOD, ok, 5000);
    if (a.kind !== 'ok') throw new Error(`the call after a hang failed: ${JSON.stringify(a)}`);
    next.push(now() - timedOutAt);
  }
  p.dispose();
  pool.dispose();
  return next;
}

(window as unknown as Record<string, unknown>)['sandboxBench'] = { callOverhead, workerStart, hungRecovery };
document.title = 'ready';
