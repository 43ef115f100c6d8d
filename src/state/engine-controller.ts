/**
 * Owns the Engine (outside React): keeps its apps in step with the workspace, runs actions and
 * feeds the runs slice from the live trace. The runtime transport is injected, so tests use
 * Node workers and the page uses the sandboxed browser workers.
 */
import {
  applyAppJson,
  ownValue,
  Engine,
  describeAction,
  type TransportFactory,
  type EngineEnv,
  type ActionInput,
  type TraceEvent,
  type WorldState,
} from '../engine/index.ts';
import { bundlePathOf, hasPageBundle, hasStaleBundle, prepareApp as rebundleInPage } from './app-bundle.ts';
import { defaultWorld } from '../workspace/default-workspace.ts';
import { SLOW_MOTION_BASE_MS, type Speed } from './inspect-slice.ts';
import { outcomeFacts } from './outcome-facts.ts';
import { replayDiff } from './replay-diff.ts';
import { replaySession } from './replay-session.ts';
import { replayBaseline, seqOf } from './run-memory.ts';
import { StepGate } from './step-gate.ts';
import type { AppStore } from './store.ts';
import type { AppStatus, RunRecord, WorkspaceApp } from '../workspace/types.ts';
import type { RerunWorld } from './rerun-slice.ts';
import { onPreparerChange, prepareApp, prepareApps, preparedKey } from './app-prepare.ts';
import { resultChange } from './live-diff.ts';
import { liveBlocker, liveTarget, withDeclaredSettings } from './rerun.ts';

/** How one action is run: from which world, and whether it repeats (or replaces) a recorded run. */
export interface RunOptions {
  /** Start from this world (the one a recorded run started from) instead of the live one. */
  world?: WorldState | null;
  /** The recorded run this one repeats: the graph shows what changed against it. */
  repeats?: RunRecord;
  /** Live mode: take the repeated run's place in the history. */
  replace?: boolean;
}

/** performance.mark names the live-mode benchmark reads (bench/live.bench.ts). */
export const LIVE_MARKS = { settled: 'hookscope:live-settled', answered: 'hookscope:live-answered' } as const;

export interface ControllerOptions {
  store: AppStore;
  transports: TransportFactory;
  env?: EngineEnv;
  /** Wait this long after the last edit before reloading apps (default 600 ms). */
  syncDelayMs?: number;
}

/** What identifies an app's code and manifest (enabling is handled without a reload), and what a preparer adds. */
const fingerprint = (app: WorkspaceApp) => `${JSON.stringify({ ...app, enabled: undefined })}\0${preparedKey(app)}`;

/** Trace events the engine itself keeps; the runs slice holds the history the UI shows. */
const TRACE_LIMIT = 20_000;
/** A hidden tab gets no animation frames: buffered trace events reach the store after this long at most. */
const FLUSH_FALLBACK_MS = 100;

export class EngineController {
  readonly engine: Engine;
  private readonly store: AppStore;
  private readonly delay: number;
  /** App id -> fingerprint of what the engine has installed (or failed to install). */
  private readonly loaded = new Map<string, string>();
  private syncChain: Promise<void> = Promise.resolve();
  private runChain: Promise<unknown> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly unsubscribe: (() => void)[] = [];
  private readonly owner = new Map<string, string>();
  private pendingLocalId: string | null = null;
  private currentRoot: string | null = null;
  private readonly outcomes = new Map<string, Extract<TraceEvent, { type: 'outcome' }>>();
  private readonly buffer = new Map<string, TraceEvent[]>();
  private consoleBuffer: TraceEvent[] = [];
  private flushQueued = false;
  /** Tells a scheduled flush whether it is still the pending one. */
  private flushGen = 0;
  private localIds = 0;
  /** The runtime transport, also used by scratch engines (replay, compare across profiles). */
  readonly transports: TransportFactory;
  private readonly gate: StepGate;

  constructor(options: ControllerOptions) {
    this.store = options.store;
    this.delay = options.syncDelayMs ?? 600;
    this.transports = options.transports;
    this.gate = new StepGate((call) => this.store.getState().patchStep({ waiting: call }));
    const s = this.store.getState();
    this.engine = new Engine({
      transports: options.transports,
      world: s.world,
      timeoutMs: s.settings.timeoutMs,
      traceLimit: TRACE_LIMIT,
      ...(options.env ? { env: options.env } : {}),
    });
    this.unsubscribe.push(this.engine.trace.subscribe((e) => this.onTrace(e)));
    this.unsubscribe.push(this.engine.lingering.subscribe((ids) => this.store.getState().setLingeringApps(ids)));
    this.unsubscribe.push(
      this.store.subscribe((next, prev) => {
        if (next.apps !== prev.apps || next.settings !== prev.settings) this.scheduleSync();
      }),
    );
    this.unsubscribe.push(onPreparerChange(() => this.scheduleSync()));
  }

  /** Brings the engine's apps in line with the workspace now (debounced edits call it later). */
  sync(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.syncChain = this.syncChain.then(() => this.doSync()).catch(() => undefined);
    return this.syncChain;
  }

  /** Runs one action after the previous one has answered; never throws (a crash lands on the run). */
  runAction(input: ActionInput, options: RunOptions = {}): Promise<RunRecord | undefined> {
    const localId = `local-${++this.localIds}`;
    const repeats = options.repeats;
    this.store.getState().startRun(
      { id: localId, action: structuredClone(input), startedAt: Date.now(), unloadable: [] },
      {
        ...(repeats && options.replace ? { replaceId: repeats.id } : {}),
        ...(repeats ? { previous: { seq: seqOf(repeats), events: repeats.events, replaced: options.replace === true } } : {}),
      },
    );
    const done = this.runChain.then(() => this.execute(localId, input, options.world ?? null));
    this.runChain = done.catch(() => undefined);
    return done;
  }

  /**
   * Run again: the run's action against the current code, from the world it started from
   * ('start', the default) or from the live world ('current'). The graph shows what changed.
   */
  runAgain(run: RunRecord, from: RerunWorld = 'start'): Promise<RunRecord | undefined> {
    const world = from === 'start' ? (run.worldBefore ?? null) : null;
    return this.runAction(structuredClone(run.action), { world, repeats: run });
  }

  /** The live world becomes `world` (e.g. the one the session started from), keeping the settings apps declare. */
  resetWorldTo(world: WorldState): void {
    this.editWorld(withDeclaredSettings(world, this.engine.world.snapshot()));
  }

  /** A world edit from the UI: the engine's world becomes exactly this. */
  editWorld(world: WorldState): void {
    this.engine.world.restore(world);
    this.store.getState().setWorld(this.engine.world.snapshot());
  }

  /** Back to the default world; apps are loaded again so their settings are declared anew. */
  async resetWorld(): Promise<void> {
    this.editWorld(defaultWorld());
    this.loaded.clear();
    await this.sync();
  }

  // step-through, slow motion, stop ---------------------------------------------------------
  /** Step mode on/off and the slow-motion speed ('full' = no delay). */
  setStepping(enabled: boolean, speed: Speed): void {
    this.store.getState().patchStep({ enabled, speed });
    const delay = speed === 'full' ? 0 : SLOW_MOTION_BASE_MS / Number(speed);
    // The engine's beforeCall passes null through ("do not wait"); its declared type is narrower.
    this.engine.setStepper(this.gate.configure(enabled, delay) as Parameters<Engine['setStepper']>[0]);
  }

  step(): void {
    this.gate.step();
  }

  continueRun(): void {
    this.gate.continueRun();
  }

  /** Stop: waiting calls go on without pausing; busy and lingering workers are terminated (calls end `stopped`). */
  stop(): number {
    this.gate.continueRun();
    return this.engine.stop();
  }

  // replay --------------------------------------------------------------------------------------
  /** Replays every kept run that has a baseline world against the current code, in a scratch engine. */
  async replaySessionAgainstCurrentCode(world: RerunWorld = 'start'): Promise<void> {
    const st = this.store.getState();
    const from = world === 'current' ? 0 : replayBaseline(st.runs);
    const runs = from < 0 ? [] : st.runs.slice(from).filter((r) => r.state !== 'running');
    const first = runs[0];
    const startWorld = world === 'current' ? this.engine.world.snapshot() : first?.worldBefore;
    if (!first || !startWorld) {
      st.setReplay({
        status: 'failed',
        done: 0,
        total: 0,
        rows: [],
        fromSeq: null,
        error: first ? 'No finished run with a recorded world to start from.' : 'No finished run to replay.',
      });
      return;
    }
    const recorded = runs.map((r) => ({ seq: seqOf(r), label: describeAction(r.action), facts: outcomeFacts(r.events) }));
    const base = { total: runs.length, fromSeq: seqOf(first), error: null };
    st.setReplay({ ...base, status: 'running', done: 0, rows: [] });
    try {
      const now = await replaySession({
        transports: this.transports,
        apps: await prepareApps(st.apps),
        settings: st.settings,
        world: startWorld,
        actions: runs.map((r) => r.action),
        onProgress: (done) => this.store.getState().setReplay({ ...base, status: 'running', done, rows: [] }),
      });
      this.store.getState().setReplay({ ...base, status: 'done', done: now.length, rows: replayDiff(recorded, now) });
    } catch (err) {
      this.store.getState().setReplay({ ...base, status: 'failed', done: 0, rows: [], error: err instanceof Error ? err.message : String(err) });
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const u of this.unsubscribe) u();
    this.engine.dispose();
  }

  private scheduleSync(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      const live = this.store.getState().live;
      if (live) performance.mark(LIVE_MARKS.settled);
      void this.sync().then(() => {
        if (live) this.liveRerun();
      });
    }, this.delay);
  }

  // live mode -----------------------------------------------------------------------------------
  private liveDirty = false;
  private liveBusy = false;
  /** The next run's answer is marked for the benchmark (a live re-run). */
  private markAnswer = false;

  /** An edit settled: re-run the last run from its starting world, in place (once the previous live run ends). */
  private liveRerun(): void {
    this.liveDirty = true;
    if (this.liveBusy) return;
    const st = this.store.getState();
    if (!st.live) return;
    const blocker = liveBlocker(st);
    if (blocker) {
      this.liveDirty = false;
      if (blocker.tell) st.setLiveSkipped(blocker.reason);
      return;
    }
    const target = liveTarget(st.runs);
    if (!target) return;
    this.liveDirty = false;
    this.liveBusy = true;
    this.markAnswer = true;
    void this.runAction(structuredClone(target.action), { world: target.worldBefore ?? null, repeats: target, replace: true })
      .then((run) => {
        const change = run ? resultChange(target.events, run.events) : null;
        if (run && change) this.store.getState().setLiveNote({ seq: seqOf(run), text: change.text, changed: change.changed });
      })
      .finally(() => {
        this.liveBusy = false;
        if (this.liveDirty) this.liveRerun();
      });
  }

  private setStatus(id: string, status: AppStatus): void {
    const st = this.store.getState();
    st.setAppStatus({ ...st.appStatus, [id]: status });
  }

  private async doSync(): Promise<void> {
    const { apps, settings } = this.store.getState();
    if (settings.timeoutMs !== this.engine.timeoutMs && settings.timeoutMs > 0) this.engine.setTimeoutMs(settings.timeoutMs);
    // Awaited: a profile whose runtime switches differ reloads every app before the next run.
    if (settings.profile !== this.engine.profile.id) await this.engine.setProfile(settings.profile, { keepTimeout: true });
    const wanted = new Set(apps.map((a) => a.id));
    for (const id of [...this.loaded.keys()]) {
      if (!wanted.has(id)) {
        this.engine.removeApp(id);
        this.loaded.delete(id);
      }
    }
    let reloaded = false;
    for (const app of apps) {
      const fp = fingerprint(app);
      const installed = this.engine.registry.get(app.id);
      if (this.loaded.get(app.id) === fp) {
        if (installed && installed.def.enabled !== app.enabled) app.enabled ? this.engine.registry.enable(app.id) : this.engine.registry.disable(app.id);
        continue;
      }
      this.loaded.set(app.id, fp);
      reloaded = true;
      this.setStatus(app.id, { state: 'loading', loadError: null, implements: installed?.implements ?? [] });
      this.setStatus(app.id, await this.load(app, installed !== undefined, (bundled) => this.storeBundle(app.id, bundled)));
    }
    this.engine.registry.setOrder(apps.filter((a) => a.enabled).map((a) => a.id));
    // Loading declares the apps' settings in the world: show them.
    if (reloaded) this.store.getState().setWorld(this.engine.world.snapshot());
  }

  /**
   * The app was bundled again in the page (app-bundle.ts): only its bundle files are written (an
   * edit made meanwhile stays, and makes the bundle stale again), and what the engine loaded counts
   * as loaded, so the store write does not load it twice.
   */
  private storeBundle(appId: string, bundled: WorkspaceApp): void {
    const path = bundlePathOf(bundled);
    this.loaded.set(appId, fingerprint(bundled));
    this.store.getState().setBundleFiles(appId, { [path]: bundled.files[path] ?? null, [`${path}.map`]: bundled.files[`${path}.map`] ?? null });
  }

  /** `restamped`: the app was bundled again in the page (see app-bundle.ts). */
  private async load(source: WorkspaceApp, installed: boolean, restamped: (stored: WorkspaceApp) => void): Promise<AppStatus> {
    try {
      // The page's own bundle (npm deps from an opened folder, app-bundle.ts), then what `hookscope dev` adds (app-prepare.ts).
      const app = await rebundleInPage(source);
      if (app !== source && hasPageBundle(app) && !hasStaleBundle(app)) restamped(app);
      const effective = applyAppJson(app);
      if (effective.id !== app.id) throw new Error(`app.json: id "${effective.id}" is already used by another app`);
      const prepared = await prepareApp(app);
      const result = installed ? await this.engine.updateApp(prepared) : await this.engine.installApp(prepared);
      return {
        state: result.loadError ? 'error' : 'ready',
        loadError: result.loadError,
        implements: result.implements,
        ...(result.notEnabled ? { notEnabledPhase: result.notEnabled.phase } : {}),
      };
    } catch (err) {
      // Nothing of a broken manifest (or a bundle that cannot be made) may run: the app leaves the engine until it is fixed.
      this.engine.removeApp(source.id);
      return { state: 'error', loadError: err instanceof Error ? err.message : String(err), implements: [] };
    }
  }

  private async execute(localId: string, input: ActionInput, startWorld: WorldState | null): Promise<RunRecord | undefined> {
    let id = localId;
    try {
      await this.sync();
      if (startWorld) {
        // Run again / live mode: back to the world the repeated run started from.
        this.engine.world.restore(withDeclaredSettings(startWorld, this.engine.world.snapshot()));
        this.store.getState().setWorld(this.engine.world.snapshot());
      }
      const st = this.store.getState();
      const unloadable = st.apps
        .filter((a) => a.enabled && ownValue(st.appStatus, a.id)?.state === 'error')
        .map((a) => ({ appId: a.id, name: a.name, error: ownValue(st.appStatus, a.id)?.loadError ?? 'could not load' }));
      st.patchRun(localId, { unloadable, worldBefore: this.engine.world.snapshot() });
      this.pendingLocalId = localId;
      const result = await this.engine.run(input);
      if (this.markAnswer) {
        this.markAnswer = false;
        performance.mark(LIVE_MARKS.answered);
      }
      id = result.runId;
      this.flush();
      const world = this.engine.world.snapshot();
      const outcome = this.outcomes.get(id);
      this.store.getState().answerRun(id, { outcome: result.outcome, error: result.error, roomId: result.roomId, summary: outcome?.summary ?? '' }, world);
      this.store.getState().setWorld(world);
      void result.settled.then(() => {
        this.flush();
        const after = this.engine.world.snapshot();
        this.store.getState().settleRun(id, after);
        this.store.getState().setWorld(after);
      });
    } catch (err) {
      this.flush();
      this.store.getState().crashRun(id, err instanceof Error ? err.message : String(err));
    } finally {
      this.pendingLocalId = null;
    }
    return this.store.getState().runs.find((r) => r.id === id);
  }

  private onTrace(e: TraceEvent): void {
    if (e.type === 'run-start') {
      if (e.origin.kind === 'user' && this.pendingLocalId) {
        this.gate.newRun();
        this.store.getState().setRunId(this.pendingLocalId, e.runId);
        this.pendingLocalId = null;
        this.owner.set(e.runId, e.runId);
        this.currentRoot = e.runId;
      } else if (e.origin.kind === 'app' && this.currentRoot) {
        this.owner.set(e.runId, this.currentRoot);
        this.store.getState().addChildRun(this.currentRoot, e.runId);
      }
    }
    const root = e.runId !== null ? this.owner.get(e.runId) : undefined;
    if (e.type === 'outcome' && root === e.runId) this.outcomes.set(e.runId, e);
    if (root) {
      const list = this.buffer.get(root);
      if (list) list.push(e);
      else this.buffer.set(root, [e]);
    } else this.consoleBuffer.push(e);
    // The outcome is what the page waits for: it goes to the store at once, with what came before.
    this.scheduleFlush(e.type === 'outcome' && root === e.runId);
  }

  /**
   * Trace events reach the store once per animation frame on the page (each store update
   * re-renders the Run area; events arrive in separate tasks, so a microtask would not batch
   * them). A timer backs the frame up where frames do not come (a hidden tab); without frames
   * at all (Node, tests) or for the run's outcome, a microtask flushes.
   */
  private scheduleFlush(urgent: boolean): void {
    const raf = (globalThis as { requestAnimationFrame?: (cb: () => void) => number }).requestAnimationFrame;
    if (this.flushQueued && !(urgent && raf)) return;
    this.flushQueued = true;
    const gen = ++this.flushGen;
    const run = () => {
      if (this.flushQueued && gen === this.flushGen) this.flush();
    };
    if (urgent || !raf) {
      queueMicrotask(run);
      return;
    }
    raf(run);
    setTimeout(run, FLUSH_FALLBACK_MS);
  }

  /** Hands buffered events to the store in one update per run. */
  private flush(): void {
    this.flushQueued = false;
    this.flushGen++;
    const st = this.store.getState();
    for (const [root, events] of this.buffer) st.appendEvents(root, events);
    this.buffer.clear();
    if (this.consoleBuffer.length) st.appendConsole(this.consoleBuffer);
    this.consoleBuffer = [];
  }
}
