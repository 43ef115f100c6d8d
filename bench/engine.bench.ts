/**
 * Engine benchmarks on Node workers: the raw worker_threads floor, one listener call through the
 * runtime, pipeline throughput, worker start and hung-worker replacement, and the runtime bundle
 * build. Writes bench/results/engine.json. Run with `npm run bench` (or
 * `node --import tsx bench/engine.bench.ts`).
 */
import { performance } from 'node:perf_hooks';
import { TransportPool, type TransportFactory } from '../src/engine/apps/transport.ts';
import type { Engine } from '../src/engine/engine.ts';
import type { Scheduler } from '../src/engine/env.ts';
import type { TraceEvent } from '../src/engine/trace.ts';
import { nodeTransports } from '../src/node/node-transport.ts';
import { nodeBundles } from '../src/node/runtime-bundle.ts';
import { app, extendCustomField, joinGuard, loopsForever, modifyRename, preventReturning } from '../src/test-support/apps.ts';
import { makeEngine } from '../src/test-support/engine-harness.ts';
import { appProcess, preventArgs, PREVENT_METHOD } from './lib/app-runtime.ts';
import { startEchoWorker } from './lib/echo-worker.ts';
import { assertMeasured, machineInfo, printSummary, writeResults } from './lib/report.ts';
import { derived, sleep, summarize, withFloor, type Metric } from './lib/stats.ts';
import { decodeWire } from '../src/protocol/wire.ts';

const SUITE = 'engine';
const metrics: Metric[] = [];
const extra: Record<string, unknown> = {};
const now = () => performance.now();
const log = (msg: string) => console.log(`[${SUITE}] ${msg}`);

// 5. Bundle build (first nodeBundles() call; cached for the rest of the process) -------------
async function benchBundle(): Promise<void> {
  const t0 = now();
  const bundles = await nodeBundles();
  const ms = now() - t0;
  metrics.push(
    summarize(
      'bundle.build',
      'ms',
      [ms],
      'first nodeBundles() call: esbuild of worker-main.ts (node/cjs) and vm-entry.ts (neutral/iife) in parallel; one sample per process (the result is cached)',
    ),
  );
  extra['bundleBytes'] = { worker: bundles.worker.length, runtime: bundles.runtime.length };
}

// 1 + 2. Raw floor and one runtime call, interleaved so that drift hits both alike ----------
async function benchCallOverhead(factory: TransportFactory): Promise<void> {
  const echo = await startEchoWorker();
  const pool = new TransportPool(factory, false);
  const proc = appProcess(preventReturning('trivial', 'Trivial', 'false'), pool, systemLikeScheduler());
  const args = preventArgs('bench-room');
  const callMsg = { v: 1, type: 'call', callId: 'bench:0', method: PREVENT_METHOD, args };
  const loaded = await proc.ensureLoaded();
  if (!loaded.ok) throw new Error(`the trivial app did not load: ${loaded.error.message}`);

  const raw: number[] = [];
  const rawSized: number[] = [];
  const rawJson: number[] = [];
  const runtime: number[] = [];
  const callJson = JSON.stringify(callMsg);
  const rounds = 4;
  const perRound = 600;
  const warmup = 300;
  for (let round = 0; round < rounds; round++) {
    for (let i = 0; i < warmup / (round === 0 ? 1 : 3); i++) {
      await echo.roundTrip({ n: i });
      await echo.roundTrip(callMsg);
      await proc.call(proc.nextCallId('warm'), PREVENT_METHOD, args, 5000);
    }
    for (let i = 0; i < perRound; i++) {
      const t0 = now();
      await echo.roundTrip({ n: i });
      raw.push(now() - t0);
    }
    for (let i = 0; i < perRound; i++) {
      const t0 = now();
      await echo.roundTrip(callMsg);
      rawSized.push(now() - t0);
    }
    for (let i = 0; i < perRound; i++) {
      // The same message as the Node transport carries it: JSON text out, JSON text back, parsed.
      const t0 = now();
      JSON.parse((await echo.roundTrip(callJson)) as string);
      rawJson.push(now() - t0);
    }
    for (let i = 0; i < perRound; i++) {
      const t0 = now();
      const answer = await proc.call(proc.nextCallId('bench'), PREVENT_METHOD, args, 5000);
      runtime.push(now() - t0);
      if (answer.kind !== 'ok' || decodeWire(answer.value) !== false) throw new Error(`unexpected answer ${JSON.stringify(answer)}`);
    }
  }
  proc.dispose();
  pool.dispose();
  await echo.close();

  const rawM = summarize(
    'raw.roundTrip',
    'ms',
    raw,
    'plain worker_threads echo worker (new Worker(code, { eval: true })), postMessage of { n } and back; one sample per round trip',
  );
  const sizedM = summarize(
    'raw.roundTrip.callSized',
    'ms',
    rawSized,
    `the same echo worker, posting the exact call message AppProcess sends (${JSON.stringify(callMsg).length} bytes as JSON): the structured-clone cost of the payload alone`,
  );
  const jsonM = summarize(
    'raw.roundTrip.callSized.json',
    'ms',
    rawJson,
    `the same echo worker, the call message as the Node transport carries it: JSON.stringify on the host, the text echoed back, JSON.parse (${callJson.length} bytes): the floor of the per-call target (one encoding per hop)`,
  );
  const callM = withFloor(
    summarize(
      'runtime.call',
      'ms',
      runtime,
      'AppProcess.call of executePreRoomCreatePrevent returning false (room + 4 accessors as args), Node transport, vm context in the worker; one sample per call',
    ),
    jsonM,
  );
  metrics.push(rawM, withFloor(sizedM, rawM), withFloor(jsonM, rawM), callM);
  metrics.push(
    withFloor(
      derived(
        'runtime.call.vsEcho',
        'x',
        { median: callM.median / jsonM.median, p95: callM.p95 / jsonM.p95, min: callM.min / jsonM.min, samples: callM.samples },
        'runtime.call divided by raw.roundTrip.callSized.json (an echo of the same message through the same worker_threads transport), statistic by statistic; issue 17 target: 1.5x or less',
      ),
      jsonM,
    ),
  );
  metrics.push(
    derived(
      'runtime.call.overhead',
      'ms',
      { median: callM.median - rawM.median, p95: callM.p95 - rawM.p95, min: callM.min - rawM.min, samples: callM.samples },
      'runtime.call minus raw.roundTrip, statistic by statistic (median - median, p95 - p95, min - min)',
    ),
    derived(
      'runtime.call.ratio',
      'x',
      { median: callM.median / rawM.median, p95: callM.p95 / rawM.p95, min: callM.min / rawM.min, samples: callM.samples },
      'runtime.call divided by raw.roundTrip, statistic by statistic',
    ),
  );
}

/** The real scheduler, as the engine uses it. */
function systemLikeScheduler(): Scheduler {
  return {
    setTimeout: (fn, ms) => setTimeout(fn, ms),
    clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  };
}

// 3. Pipeline throughput -------------------------------------------------------------------
const leaveWatch = (id = 'leavewatch') =>
  app(
    id,
    'LeaveWatch',
    `export class LeaveWatch extends App implements IPreRoomUserLeave {
  async executePreRoomUserLeave(context: IRoomUserLeaveContext): Promise<void> {
    if (context.leavingUser.username === 'nobody') throw new Error('never');
  }
}`,
  );

function callEnds(events: readonly TraceEvent[], from: number): number {
  let n = 0;
  for (let i = from; i < events.length; i++) if (events[i]?.type === 'call-end') n++;
  return n;
}

interface LoopResult {
  actionsPerSecond: number[];
  callsPerSecond: number[];
  actions: number;
  calls: number;
  seconds: number;
}

/** Runs `step` in batches until `budgetMs` has passed; each batch is one sample. */
async function timedLoop(engine: Engine, budgetMs: number, batch: number, step: (i: number) => Promise<void>): Promise<LoopResult> {
  const out: LoopResult = { actionsPerSecond: [], callsPerSecond: [], actions: 0, calls: 0, seconds: 0 };
  const start = now();
  let i = 0;
  while (now() - start < budgetMs) {
    const from = engine.trace.events.length;
    const t0 = now();
    let actions = 0;
    for (let k = 0; k < batch; k++, i++) {
      await step(i);
      actions++;
    }
    await engine.settle();
    const seconds = (now() - t0) / 1000;
    const calls = callEnds(engine.trace.events, from);
    out.actionsPerSecond.push(actions / seconds);
    out.callsPerSecond.push(calls / seconds);
    out.actions += actions;
    out.calls += calls;
  }
  out.seconds = (now() - start) / 1000;
  return out;
}

async function benchPipeline(): Promise<void> {
  const apps = [
    ...[1, 2, 3, 4, 5].map((n) => preventReturning(`prevent${n}`, `Prevent${n}`, 'false')),
    extendCustomField(),
    modifyRename(),
    joinGuard(),
    leaveWatch(),
  ];
  const engine = await makeEngine(apps);
  try {
    // Warm-up: JIT on both sides, every worker has answered at least once.
    for (let i = 0; i < 40; i++) await engine.run({ action: 'createRoom', name: `warm-${i}`, type: 'c', creator: 'alice' });
    for (let i = 0; i < 20; i++) {
      await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
      await engine.run({ action: 'leaveRoom', room: 'general', user: 'root' });
    }
    await engine.settle();

    let failed = 0;
    const create = await timedLoop(engine, 5000, 50, async (i) => {
      const r = await engine.run({ action: 'createRoom', name: `bench-${i}`, type: 'c', creator: 'alice' });
      if (r.outcome !== 'completed') failed++;
    });
    const joinLeave = await timedLoop(engine, 3000, 50, async (i) => {
      const r = await engine.run(i % 2 === 0 ? { action: 'joinRoom', room: 'general', user: 'root' } : { action: 'leaveRoom', room: 'general', user: 'root' });
      if (r.outcome !== 'completed') failed++;
    });
    if (failed > 0) throw new Error(`${failed} pipeline actions did not complete`);

    const createNote = `engine.run createRoom (unique names) through 5 Prevent (false) + 1 Extend + 1 Modify apps; ${create.actions} actions in ${create.seconds.toFixed(1)} s, samples are batches of 50`;
    metrics.push(
      summarize('pipeline.create.actions', 'actions/s', create.actionsPerSecond, createNote),
      summarize(
        'pipeline.create.calls',
        'calls/s',
        create.callsPerSecond,
        `${createNote}; calls = call-end trace events (${create.calls}, ${(create.calls / create.actions).toFixed(1)} per action)`,
      ),
    );
    const jlNote = `engine.run joinRoom/leaveRoom of root in #general, alternating (1 IPreRoomUserJoined + 1 IPreRoomUserLeave app); ${joinLeave.actions} actions in ${joinLeave.seconds.toFixed(1)} s, batches of 50`;
    metrics.push(
      summarize('pipeline.joinLeave.actions', 'actions/s', joinLeave.actionsPerSecond, jlNote),
      summarize('pipeline.joinLeave.calls', 'calls/s', joinLeave.callsPerSecond, `${jlNote}; calls = call-end trace events (${joinLeave.calls})`),
    );
    const mean = (xs: number[]) => Math.round(xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length));
    extra['pipeline'] = {
      createActionsPerSecondFirst5Batches: mean(create.actionsPerSecond.slice(0, 5)),
      createActionsPerSecondLast5Batches: mean(create.actionsPerSecond.slice(-5)),
      apps: apps.map((a) => a.id),
      createActions: create.actions,
      createCalls: create.calls,
      joinLeaveActions: joinLeave.actions,
      joinLeaveCalls: joinLeave.calls,
      traceEvents: engine.trace.events.length,
      roomsInWorld: engine.world.data.rooms.length,
      heapUsedMb: Math.round(process.memoryUsage().heapUsed / 2 ** 20),
      note: 'engine.trace keeps every event in memory; traceEvents is the total at the end of the pipeline benchmarks (warm-up included)',
    };
  } finally {
    engine.dispose();
  }
}

// 4. Worker start (cold) and hung-worker replacement --------------------------------------
async function benchWorkerStart(factory: TransportFactory): Promise<void> {
  const args = preventArgs('cold');
  const rawStart: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = now();
    const echo = await startEchoWorker();
    rawStart.push(now() - t0);
    await echo.close();
    await sleep(50);
  }
  metrics.push(
    summarize(
      'raw.workerStart',
      'ms',
      rawStart.slice(1),
      'the floor for worker start: new Worker(echo code, { eval: true }) to its first echo answered (first start dropped)',
    ),
  );

  const toLoaded: number[] = [];
  const toAnswer: number[] = [];
  for (let i = 0; i < 8; i++) {
    const t0 = now();
    const pool = new TransportPool(factory, false);
    const proc = appProcess(preventReturning('cold', 'Cold', 'false'), pool, systemLikeScheduler());
    const loaded = await proc.ensureLoaded();
    const t1 = now();
    const answer = await proc.call(proc.nextCallId('cold'), PREVENT_METHOD, args, 5000);
    const t2 = now();
    if (!loaded.ok || answer.kind !== 'ok') throw new Error('cold start failed');
    if (i > 0) {
      // The first start also pays one-time costs (V8 compiling the host side): reported apart.
      toLoaded.push(t1 - t0);
      toAnswer.push(t2 - t0);
    } else extra['firstColdStartMs'] = Math.round((t2 - t0) * 10) / 10;
    proc.dispose();
    pool.dispose();
    await sleep(150);
  }
  metrics.push(
    summarize(
      'worker.cold.loaded',
      'ms',
      toLoaded,
      'TransportPool.take() (no spare) to "loaded": new Worker, runtime bundle evaluated in a fresh vm context, app transpiled, constructed, initialized, enabled',
    ),
    summarize('worker.cold.firstCall', 'ms', toAnswer, 'TransportPool.take() (no spare) to the first executePreRoomCreatePrevent answer'),
  );

  const installs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const t0 = now();
    const engine = await makeEngine([preventReturning('first', 'First', 'false')]);
    const r = await engine.run({ action: 'createRoom', name: 'first-room', type: 'c', creator: 'alice' });
    installs.push(now() - t0);
    if (r.outcome !== 'completed') throw new Error('first run failed');
    engine.dispose();
    await sleep(150);
  }
  metrics.push(
    summarize(
      'engine.firstApp.installAndRun',
      'ms',
      installs,
      'new Engine + installApp (the pool also spawns a spare worker alongside) + the first createRoom run answered',
    ),
  );

  // Timeout -> next answer. `standby`: a second worker with the app loaded (AppProcessOptions.standby);
  // `spare`: the pool's pre-started runtime (bundle evaluated, app not loaded: the engine default);
  // `cold`: no spare, a new worker. The clock starts when the HUNG CALL's own timer fires (the
  // scheduler wrapper records only timers of HANG_TIMEOUT_MS), not at a liveness or probe timer.
  const HANG_TIMEOUT_MS = 200;
  for (const variant of ['standby', 'spare', 'cold'] as const) {
    const replace: number[] = [];
    const loadedAfter: number[] = [];
    const restartedAfter: number[] = [];
    let timedOutAt = Number.NaN;
    let onRestart: (() => void) | null = null;
    const pool = new TransportPool(factory, variant !== 'cold');
    const scheduler: Scheduler = {
      setTimeout: (fn, ms) =>
        setTimeout(() => {
          if (ms === HANG_TIMEOUT_MS) timedOutAt = now();
          fn();
        }, ms),
      clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
    };
    const proc = appProcess(loopsForever(), pool, scheduler, { standby: variant === 'standby', onRestart: () => onRestart?.() });
    const ok = preventArgs('fine');
    const loop = preventArgs('loop');
    await proc.call(proc.nextCallId('warm'), PREVENT_METHOD, ok, 5000);
    for (let i = 0; i < 8; i++) {
      await sleep(400); // the spare / standby started by the last replacement finishes booting and loading
      // The standby loads beside the worker that took over: wait for it (not a fixed sleep: a busy machine is slower).
      for (let w = 0; variant === 'standby' && !proc.hasStandby; w++) {
        if (w > 200) throw new Error('the standby worker was not ready after 10 s');
        await sleep(50);
      }
      const restarted = new Promise<number>((resolve) => (onRestart = () => resolve(now())));
      const hung = await proc.call(proc.nextCallId('hang'), PREVENT_METHOD, loop, HANG_TIMEOUT_MS);
      if (hung.kind !== 'timeout') throw new Error(`expected a timeout, got ${hung.kind}`);
      const from = timedOutAt;
      if (!Number.isFinite(from)) throw new Error('the hung call timeout was not observed');
      // The next call is made at once, as the engine's next handler would.
      const next = proc.call(proc.nextCallId('next'), PREVENT_METHOD, ok, 5000);
      restartedAfter.push((await restarted) - from);
      // After the replacement: the new worker's load (a promise made by the kill, not the old one).
      const reloaded = await proc.ensureLoaded();
      loadedAfter.push(now() - from);
      if (!reloaded.ok) throw new Error(`reloading after a hang failed: ${reloaded.error.message}`);
      const answer = await next;
      const t = now();
      if (answer.kind !== 'ok') throw new Error(`the call after a hang failed: ${JSON.stringify(answer)}`);
      replace.push(t - from);
    }
    proc.dispose();
    pool.dispose();
    const what = {
      standby: 'with a standby worker that has the app loaded (AppProcessOptions.standby): a hand-over, no load',
      spare: 'with the pre-warmed spare (engine default): the spare runs the runtime bundle, the app is loaded into it',
      cold: 'without a spare (keepSpare false): a worker start and the app load',
    }[variant];
    metrics.push(
      summarize(
        `worker.replaceHung.${variant}.restarted`,
        'ms',
        restartedAfter,
        `from the hung call's timeout firing to the stuck worker being replaced (liveness verdict; the host pings while a call is in flight)`,
      ),
      summarize(
        `worker.replaceHung.${variant}.loaded`,
        'ms',
        loadedAfter,
        `from the hung call's timeout firing to the replacement runtime's load answer (awaited after the replacement, so never the old worker's resolved promise), ${what}`,
      ),
      summarize(
        `worker.replaceHung.${variant}`,
        'ms',
        replace,
        `Prevent handler in an endless loop, call timeout ${HANG_TIMEOUT_MS} ms: from that call's own timeout firing to the NEXT call's answer (made at once), ${what}; issue 17 target: 50 ms (spare), 15 ms (standby)`,
      ),
    );
  }
}

/** Floors: what each figure is read against, from the same run (null: no meaningful floor, see the note). */
function applyFloors(): void {
  const by = new Map(metrics.map((m) => [m.name, m]));
  const floorOf = (name: string): Metric | { metric: string; median: number } | null => {
    const call = by.get('runtime.call');
    if (name === 'raw.roundTrip.callSized' || name === 'raw.roundTrip.callSized.json' || name.startsWith('runtime.call.'))
      return by.get(name === 'runtime.call.vsEcho' ? 'raw.roundTrip.callSized.json' : 'raw.roundTrip') ?? null;
    if (name.startsWith('pipeline.') && name.endsWith('.calls') && call)
      return { metric: '1000 / runtime.call (calls/s of one app, one call at a time)', median: Math.round(1000 / call.median) };
    if (name.startsWith('worker.cold.') || name.startsWith('worker.replaceHung.cold')) return by.get('raw.workerStart') ?? null;
    if (name === 'engine.firstApp.installAndRun') return by.get('worker.cold.firstCall') ?? null;
    if (name.startsWith('worker.replaceHung.')) return call ?? null;
    return null;
  };
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i];
    if (!m || m.floor) continue;
    const f = floorOf(m.name);
    if (f) metrics[i] = withFloor(m, f);
  }
}

const EXPECTED = [
  'bundle.build',
  'raw.roundTrip',
  'raw.roundTrip.callSized',
  'raw.roundTrip.callSized.json',
  'runtime.call',
  'runtime.call.vsEcho',
  'pipeline.create.actions',
  'pipeline.create.calls',
  'pipeline.joinLeave.actions',
  'pipeline.joinLeave.calls',
  'raw.workerStart',
  'worker.cold.loaded',
  'worker.cold.firstCall',
  'engine.firstApp.installAndRun',
  ...['standby', 'spare', 'cold'].flatMap((v) => [`worker.replaceHung.${v}`, `worker.replaceHung.${v}.loaded`, `worker.replaceHung.${v}.restarted`]),
];

async function main(): Promise<void> {
  const started = now();
  const machine = machineInfo();
  log('bundle build');
  await benchBundle();
  const factory = await nodeTransports();
  log('raw floor and runtime call');
  await benchCallOverhead(factory);
  log('pipeline throughput (~8 s)');
  await benchPipeline();
  log('worker start and hung-worker replacement');
  await benchWorkerStart(factory);
  applyFloors();
  extra['loadAverageAtEnd'] = machineInfo().loadAverage;
  const result = { suite: SUITE, machine, durationSeconds: Math.round((now() - started) / 100) / 10, metrics, extra };
  const file = writeResults(result);
  printSummary(result);
  log(`wrote ${file}`);
  assertMeasured(metrics, EXPECTED);
}

main().then(
  // Workers are unref'd, but a dying one can linger: do not wait for it.
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
