/**
 * Bench-only page (served by the Vite dev server that bench/browser.bench.ts starts; never part of
 * the production build): the real Run area (`RunArea`: virtualized history, live graph, inspector)
 * on the page's store, with nothing else of the workbench. One real create-room run through the
 * EngineController on the sandbox transports gives a recorded trace; `stream` then feeds clones of
 * it (new run ids) into the runs slice at a steady rate while a requestAnimationFrame loop records
 * frame durations. Exposes `window.historyBench`.
 *
 * `RunArea` reads the module store `useStore` (itself `createAppStore()`); on this page nothing
 * restores a workspace into it or starts the page controller, so it is a fresh store.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { ActionInput } from '../../src/engine/actions.ts';
import { createSandbox } from '../../src/sandbox/index.ts';
import { EngineController } from '../../src/state/engine-controller.ts';
import { useStore } from '../../src/state/store.ts';
import type { RunRecord } from '../../src/workspace/types.ts';
import { RunArea } from '../../src/ui/run/RunArea.tsx';
import '../../src/ui/App.css';
import '../../src/ui/layout.css';
import '../../src/ui/controls.css';
import { preventWorkspace } from '../lib/prevent-workspace.ts';

const store = useStore;
const now = () => performance.now();
const frame = () => new Promise<number>((r) => requestAnimationFrame(r));

let recorded: RunRecord | null = null;

/** Runs one real create-room action through the engine on the sandbox; keeps its record as the template. */
async function prepare(apps: number): Promise<{ events: number; outcome: string; apps: number; runMs: number }> {
  const sandbox = createSandbox(document);
  store.getState().loadWorkspace(preventWorkspace(apps, 'bench-trace'));
  const controller = new EngineController({ store, transports: sandbox.transports });
  try {
    await controller.sync();
    const notReady = store.getState().apps.filter((a) => store.getState().appStatus[a.id]?.state !== 'ready');
    if (notReady.length > 0) throw new Error(`apps not loaded: ${notReady.map((a) => a.name).join(', ')}`);
    const action: ActionInput = { action: 'createRoom', name: 'bench-trace', type: 'c', creator: 'alice', members: ['bob'] };
    const t0 = now();
    await controller.runAction(action);
    const runMs = now() - t0;
    for (let i = 0; i < 200 && store.getState().runs.at(-1)?.state !== 'settled'; i++) await new Promise((r) => setTimeout(r, 10));
    const run = store.getState().runs.at(-1);
    if (!run || run.state !== 'settled' || !run.result) throw new Error(`the recorded run did not settle (${run?.state ?? 'no run'}${run?.crash ? `: ${run.crash}` : ''})`);
    recorded = structuredClone(run);
    return { events: run.events.length, outcome: run.result.outcome, apps, runMs };
  } finally {
    controller.dispose();
    sandbox.dispose();
  }
}

/** Every string that is the old run id (or a call id under it, "run-1/c3") now names the new run. */
function renamed<T>(value: T, from: string, to: string): T {
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return v === from ? to : v.startsWith(`${from}/`) ? to + v.slice(from.length) : v;
    if (Array.isArray(v)) return v.map(walk);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = walk(x);
      return out;
    }
    return v;
  };
  return walk(value) as T;
}

/** Feeds one clone of the recorded run the way the controller does: start, world before, events, answer, settle. */
function feed(i: number): void {
  const rec = recorded;
  if (!rec || !rec.result) throw new Error('prepare() first');
  const id = `stream-${i}`;
  const events = renamed(rec.events, rec.id, id);
  const s = store.getState();
  s.startRun({ id, action: rec.action, startedAt: Date.now(), unloadable: [] });
  // Each clone gets worlds of its own, as real runs do (one shared object would under-report memory).
  if (rec.worldBefore) s.patchRun(id, { worldBefore: structuredClone(rec.worldBefore) });
  s.appendEvents(id, events);
  if (rec.worldAfter) {
    s.answerRun(id, rec.result, structuredClone(rec.worldAfter));
    s.settleRun(id, structuredClone(rec.worldAfter));
  }
}

let real: { controller: EngineController; sandbox: ReturnType<typeof createSandbox>; done: number } | null = null;

/**
 * Real runs, not clones: `count` create-room actions (a new room each, so the world grows as a
 * user's does) through the EngineController on the sandbox, one after the other; each sample is
 * the trigger to the run settling in the store. Frame durations are recorded meanwhile. Called
 * repeatedly (the bench measures the heap between calls); `apps` Prevent apps are loaded once.
 */
async function realRuns(count: number, apps: number): Promise<{ perRun: number[]; frames: number[]; runsInStore: number; roomsInWorld: number }> {
  if (!real) {
    const sandbox = createSandbox(document);
    store.getState().clearRuns();
    store.getState().loadWorkspace(preventWorkspace(apps, 'bench-real'));
    const controller = new EngineController({ store, transports: sandbox.transports });
    await controller.sync();
    const notReady = store.getState().apps.filter((a) => store.getState().appStatus[a.id]?.state !== 'ready');
    if (notReady.length > 0) throw new Error(`apps not loaded: ${notReady.map((a) => a.name).join(', ')}`);
    real = { controller, sandbox, done: 0 };
  }
  const r = real;
  const perRun: number[] = [];
  const settled = (): Promise<void> =>
    new Promise((resolve, reject) => {
      const check = () => {
        const last = store.getState().runs.at(-1);
        if (last?.state === 'settled') return true;
        if (last?.state === 'crashed') {
          reject(new Error(`run crashed: ${last.crash ?? ''}`));
          return true;
        }
        return false;
      };
      if (check()) return resolve();
      const unsub = store.subscribe(() => {
        if (check()) {
          unsub();
          resolve();
        }
      });
    });
  const frames = await recordFrames(async () => {
    for (let i = 0; i < count; i++) {
      const n = ++r.done;
      const action: ActionInput = { action: 'createRoom', name: `bench-real-${n}`, type: 'c', creator: 'alice', members: ['bob'] };
      const t0 = now();
      await r.controller.runAction(action);
      await settled();
      perRun.push(now() - t0);
    }
  });
  return { perRun, frames, runsInStore: store.getState().runs.length, roomsInWorld: store.getState().world.rooms.length };
}

/** Frame durations (rAF to rAF) while `body` runs, plus two frames after it so its last update is painted. */
async function recordFrames(body: () => Promise<void>): Promise<number[]> {
  const frames: number[] = [];
  let last = -1;
  let on = true;
  const loop = (t: number) => {
    if (last >= 0) frames.push(t - last);
    last = t;
    if (on) requestAnimationFrame(loop);
  };
  requestAnimationFrame(loop);
  await frame();
  await body();
  await frame();
  await frame();
  on = false;
  return frames;
}

function heap(): number | null {
  const m = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  return m ? m.usedJSHeapSize : null;
}

async function idle(ms: number): Promise<{ frames: number[]; heap: number | null }> {
  const frames = await recordFrames(() => new Promise((r) => setTimeout(r, ms)));
  return { frames, heap: heap() };
}

/** `count` runs, one due every `everyMs` (at most `maxBurst` per timer tick when the page falls behind). */
async function stream(count: number, everyMs: number, maxBurst: number) {
  const before = store.getState().runs.length;
  const heapBefore = heap();
  let fed = 0;
  let ticks = 0;
  let biggestBurst = 0;
  let t0 = 0;
  let fedMs = 0;
  const frames = await recordFrames(
    () =>
      new Promise<void>((resolve, reject) => {
        t0 = now();
        const tick = () => {
          try {
            ticks++;
            const due = Math.min(count, Math.floor((now() - t0) / everyMs) + 1);
            let n = 0;
            while (fed < due && n < maxBurst) {
              feed(before + fed);
              fed++;
              n++;
            }
            biggestBurst = Math.max(biggestBurst, n);
            if (fed >= count) {
              fedMs = now() - t0;
              resolve();
            } else setTimeout(tick, everyMs);
          } catch (err) {
            reject(err instanceof Error ? err : new Error(String(err)));
          }
        };
        tick();
      }),
  );
  const rows = document.querySelectorAll('[data-testid=run-history] [role=option]').length;
  return { frames, fedMs, ticks, biggestBurst, runsAfter: store.getState().runs.length, rowsInDom: rows, heapBefore, heapAfter: heap(), graphRunId: document.querySelector('[data-testid=run-graph]')?.getAttribute('data-run-id') ?? null };
}

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <RunArea />
  </StrictMode>,
);

/** What the page runs: production React (vite mode) and the size the Run area got. */
function info() {
  return { runArea: document.querySelector('[data-testid=run-area]') !== null, viteMode: import.meta.env.MODE, prod: import.meta.env.PROD, viewport: `${innerWidth}x${innerHeight}`, runAreaHeight: document.getElementById('root')?.clientHeight ?? 0 };
}

(window as unknown as Record<string, unknown>)['historyBench'] = { info, prepare, idle, stream, realRuns };
document.title = 'ready';
