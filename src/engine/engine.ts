/**
 * The engine: the host side of hookscope. Owns the world, the installed apps and their runtimes,
 * runs room actions through the listener loops and reports every step on `trace`.
 * Pure TypeScript: the runtime transport (Node worker, browser worker) is injected.
 */
import type { AccessorOp } from '../protocol/runtime-protocol.ts';
import { TraceBudget, TRACED_READS_PER_CALL } from './trace-budget.ts';
import { isReservedKey } from './own-keys.ts';
import { isWriteOp } from '../protocol/runtime-protocol.ts';
import { decodeWire, encodeWire, type Wire } from '../protocol/wire.ts';
import { toAppUser } from './world/convert.ts';
import { descriptorOf, applyAppJson, type AppDefinition } from './apps/app-manifest.ts';
import { LINGER_STOP_REASON, LingeringApps } from './apps/lingering.ts';
import { AppProcess, type AppSource } from './apps/app-process.ts';
import { AppRegistry, type InstalledApp } from './apps/registry.ts';
import { TransportPool, type TransportFactory } from './apps/transport.ts';
import { dispatchAccessor } from './bridges/index.ts';
import { declareSettings } from './bridges/settings.ts';
import type { BridgeContext } from './bridges/types.ts';
import { ensureAppUser } from './bridges/users.ts';
import { defaultEnv, type EngineEnv } from './env.ts';
import type { ActionInput } from './actions.ts';
import { appInitiatedActions, type AppRunStarter } from './host/app-actions.ts';
import { performAction } from './host/perform-action.ts';
import { planFor } from './plan.ts';
import { HostRun, type RunResult } from './host/run-context.ts';
import { RunScope, type RunServices } from './pipeline/scope.ts';
import { DEFAULT_PROFILE, PROFILES, runtimeSwitches, type Profile, type ProfileId } from './profiles.ts';
import { TraceBus, type CallRef, type RunOrigin } from './trace.ts';
import { WorldStore } from './world/store.ts';
import { emptyWorld, type AppSetting, type WorldState } from './world/types.ts';
import type { SettingDeclaration } from '../protocol/runtime-protocol.ts';

export interface EngineOptions {
  transports: TransportFactory;
  env?: EngineEnv;
  world?: WorldState;
  profile?: ProfileId;
  /** Per-call timeout in ms (Rocket.Chat's default is 30 000). */
  timeoutMs?: number;
  /** Keep a pre-started runtime ready to replace a hung one (default true). */
  keepSpare?: boolean;
  /** How many trace events the engine holds (default: all). The browser keeps its own history. */
  traceLimit?: number;
  /** The least an app's load gets, whatever the per-call timeout (default 5 000 ms; tests set it small). */
  minLoadTimeoutMs?: number;
}

/**
 * Loading an app (transpile, construct, initialize) is not a listener call: it gets at least this
 * long even when the per-call timeout is set low for a demo, so a busy machine does not turn a
 * slow start into a failed app. A load fails only when its code ran this long without a break,
 * or waited twice as long (apps/load-watch.ts).
 */
const MIN_LOAD_TIMEOUT_MS = 5_000;

interface CallOwner {
  runId: string;
  appId: string;
}

export class Engine {
  readonly trace: TraceBus;
  readonly world: WorldStore;
  readonly registry = new AppRegistry();
  readonly env: EngineEnv;
  private profileId: ProfileId;
  private timeout: number;
  private readonly minLoadTimeoutMs: number;
  private timeoutExplicit: boolean;
  private readonly pool: TransportPool;
  private readonly callOwners = new Map<string, CallOwner>();
  private readonly unsettled = new Set<Promise<void>>();
  /** Per run: the un-awaited work of its calls still running after their handlers returned (spec 7.2). */
  private readonly afterWork = new Map<string, Set<Promise<void>>>();
  /** Per call: accessor calls and log lines made after its handler returned. */
  private readonly afterEffects = new Map<string, number>();
  private readonly services: RunServices;
  private readonly starter: AppRunStarter;
  private readonly actions;
  private stepper: ((call: CallRef) => Promise<void>) | null = null;
  /** Simulated waits in progress (services.hang); Stop ends them. */
  private readonly hangs = new Set<() => void>();
  /** Apps whose workers run code with no call in flight (left-over timers); Stop ends them too. */
  readonly lingering = new LingeringApps();

  constructor(options: EngineOptions) {
    this.trace = new TraceBus(options.traceLimit);
    this.env = options.env ?? defaultEnv();
    // The engine owns its world: a caller's object is copied, never changed behind its back.
    this.world = new WorldStore(structuredClone(options.world ?? emptyWorld()));
    this.profileId = options.profile ?? DEFAULT_PROFILE;
    if (!PROFILES[this.profileId]?.available) throw new Error(`profile "${String(this.profileId)}" is not available`);
    this.timeout = options.timeoutMs ?? PROFILES[this.profileId].timeoutMs;
    this.minLoadTimeoutMs = options.minLoadTimeoutMs ?? MIN_LOAD_TIMEOUT_MS;
    this.timeoutExplicit = options.timeoutMs !== undefined;
    this.pool = new TransportPool(options.transports, options.keepSpare ?? true);
    this.services = {
      world: this.world,
      env: this.env,
      trace: this.trace,
      registry: this.registry,
      profile: () => this.profile,
      timeoutMs: () => this.timeout,
      registerCall: (callId, runId, appId) => this.callOwners.set(callId, { runId, appId }),
      beforeCall: (call) => (this.stepper ? this.stepper(call) : null),
      hang: (ms) => this.hang(ms),
    };
    this.starter = {
      startAppRun: (appId, action, body) => this.startRun(action, { kind: 'app', appId, parentRunId: null }, body),
      commitOutsideRun: (appId, what, room, before) =>
        this.trace.emit({ type: 'commit', runId: `app:${appId}`, at: this.env.clock.now(), what, roomId: room.id, room: before }),
      world: () => this.world,
      now: () => this.env.clock.now(),
      performAction: (run, action) => performAction(run, action),
    };
    this.actions = appInitiatedActions(this.starter);
    this.trace.subscribe((e) => {
      if (e.type === 'call-end') this.watchAfterReturn(e.runId, e.call);
    });
  }

  /**
   * Step-through and slow motion (teaching): when set, every handler call waits for the returned
   * promise before it is made. Per-call timeouts start only when the call is made.
   */
  setStepper(stepper: ((call: CallRef) => Promise<void>) | null): void {
    this.stepper = stepper;
  }

  get profile(): Profile {
    return PROFILES[this.profileId];
  }

  /**
   * Switches to another version profile (spec section 8). The per-call timeout follows the
   * profile's default unless the user chose one (the `timeoutMs` option or `setTimeoutMs`);
   * `keepTimeout` decides explicitly: true keeps the current timeout, false takes the profile's
   * default (and forgets the user's choice). Runtime switches (`freezeInputs`) take effect when an
   * app is loaded, so when they change every app is reloaded; the promise resolves once they are.
   * The switch itself is immediate: the next run uses the new profile.
   */
  async setProfile(id: ProfileId, opts: { keepTimeout?: boolean } = {}): Promise<void> {
    const next = PROFILES[id];
    if (!next) throw new Error(`unknown profile "${String(id)}"`);
    if (!next.available) throw new Error(`profile "${id}" is not available yet`);
    const before = this.profile;
    this.profileId = id;
    if (!(opts.keepTimeout ?? this.timeoutExplicit)) {
      this.timeout = next.timeoutMs;
      this.timeoutExplicit = false;
    }
    if (JSON.stringify(runtimeSwitches(before)) === JSON.stringify(runtimeSwitches(next))) return;
    const apps = this.registry.all();
    for (const app of apps) app.process.setSource(this.sourceOf(app.def));
    for (const app of apps) await this.load(app);
  }

  get timeoutMs(): number {
    return this.timeout;
  }

  /** True when the timeout was chosen by the user rather than taken from the profile. */
  get timeoutIsExplicit(): boolean {
    return this.timeoutExplicit;
  }

  setTimeoutMs(ms: number): void {
    if (!Number.isFinite(ms) || ms <= 0) throw new Error(`timeout must be a positive number of milliseconds, got ${ms}`);
    this.timeout = ms;
    this.timeoutExplicit = true;
  }

  // apps -----------------------------------------------------------------------------------
  /**
   * Installs an app the way Rocket.Chat does (spec 7.2): its bot user `<nameSlug>.bot` is created
   * first, then the app is loaded: construct, initialize (its declared settings are stored before
   * onEnable runs) and onEnable. It is enabled, a listener appended to the order, only if all of
   * that succeeded and onEnable returned true; otherwise `loadError` / `notEnabled` say why.
   */
  async installApp(definition: AppDefinition): Promise<InstalledApp> {
    const def = applyAppJson(definition);
    const process = new AppProcess(
      this.sourceOf(def),
      this.pool,
      this.env.scheduler,
      this.hooksFor(def.id),
      () => Math.max(this.timeout, this.minLoadTimeoutMs),
      () => this.env.clock.monotonic(),
    );
    const app = this.registry.install(def, process);
    await this.load(app);
    return app;
  }

  async updateApp(definition: AppDefinition): Promise<InstalledApp> {
    const def = applyAppJson(definition);
    const app = this.registry.update(def);
    app.process.setSource(this.sourceOf(def));
    await this.load(app);
    return app;
  }

  removeApp(id: string): void {
    this.registry.remove(id)?.process.dispose();
  }

  private async load(app: InstalledApp): Promise<void> {
    if (isReservedKey(app.def.id)) {
      // The id keys the app's settings and records in the world: a name every object has is refused.
      this.registry.markNotEnabled(app.def.id, {
        phase: 'install',
        message: `the app id "${app.def.id}" is not allowed: it is the name of a property every JavaScript object has`,
      });
      return;
    }
    try {
      ensureAppUser(this.bridgeContext(app.def.id, null), app.def.id);
    } catch (err) {
      // RC refuses the install when the bot user's name is taken by another user.
      this.registry.markNotEnabled(app.def.id, { phase: 'install', message: err instanceof Error ? err.message : String(err) });
      return;
    }
    const loaded = await app.process.ensureLoaded();
    if (this.registry.get(app.def.id) !== app) return; // removed meanwhile
    if (loaded.ok) this.registry.markReady(app.def.id, loaded.methods);
    else this.registry.markNotEnabled(app.def.id, { phase: loaded.phase, message: loaded.error.message });
  }

  /** initialize has run: its declared settings are stored now, before onEnable (spec 7.2). */
  private storeSettings(appId: string, declared: SettingDeclaration[]): void {
    // Each declared value crossed as msgpack (src/protocol/wire.ts); the rest is plain data.
    const settings = declared.map((decl) => {
      const setting = { ...decl, packageValue: decodeWire(decl.packageValue) } as unknown as AppSetting;
      const raw = setting as unknown as Record<string, unknown>;
      if (decl.value !== undefined) raw['value'] = decodeWire(decl.value);
      if (decl.values !== undefined) raw['values'] = decodeWire(decl.values);
      return setting;
    });
    for (const problem of declareSettings(this.world, appId, settings)) {
      this.trace.emit({ type: 'runtime-problem', runId: null, at: this.env.clock.now(), appId, problem });
    }
  }

  private bridgeContext(appId: string, callId: string | null): BridgeContext {
    return {
      appId,
      callId,
      world: this.world,
      env: this.env,
      app: (id: string) => {
        const app = this.registry.get(id);
        return app ? { id, name: app.def.name, nameSlug: descriptorOf(app.def).nameSlug } : undefined;
      },
      actions: this.actions,
    };
  }

  private sourceOf(def: AppDefinition): AppSource {
    return { descriptor: descriptorOf(def), files: def.files, switches: runtimeSwitches(this.profile), installer: this.installer() };
  }

  /** Who installs apps (onInstall's `context.user`): the world's first admin, else its first user. */
  private installer(): Wire | null {
    const users = this.world.data.users.filter((u) => u.type !== 'app');
    const admin = users.find((u) => u.roles.includes('admin')) ?? users[0];
    return admin ? encodeWire(toAppUser(admin)) : null;
  }

  // runs -----------------------------------------------------------------------------------
  run(action: ActionInput): Promise<RunResult> {
    return this.startRun(action, { kind: 'user' }, (run) => performAction(run, action));
  }

  private async startRun(action: ActionInput, origin: RunOrigin, body: (run: HostRun) => Promise<RunResult>): Promise<RunResult> {
    const runId = this.env.ids.next('run');
    const scope = new RunScope(runId, this.services);
    scope.emit({ type: 'run-start', action, profile: this.profileId, timeoutMs: this.timeout, origin, plan: planFor(action.action, this.registry) });
    const result = await body(new HostRun(scope));
    // Settled = the host's background handlers AND the work its calls did not await (spec 7.2).
    const settled: Promise<void> = result.settled.then(() => this.afterWorkOf(runId)).finally(() => this.unsettled.delete(settled));
    this.unsettled.add(settled);
    return { ...result, settled };
  }

  /**
   * Un-awaited work (spec 7.2): once a call's handler returned, what it started without `await`
   * keeps running; the run counts as settled only when it finished (bounded by the call's
   * timeout), and a `call-settled` event says what it did after returning.
   */
  private watchAfterReturn(runId: string, call: CallRef): void {
    const answer = this.registry.get(call.appId)?.process.afterReturn(call.callId);
    if (!answer) return;
    const set = this.afterWork.get(runId) ?? new Set<Promise<void>>();
    this.afterWork.set(runId, set);
    const done: Promise<void> = answer.then((a) => {
      set.delete(done);
      const effects = this.afterEffects.get(call.callId) ?? 0;
      this.afterEffects.delete(call.callId);
      const waited = a.kind === 'cut' || a.waited || effects > 0 || a.intervals > 0;
      if (!waited) return;
      const intervals = a.kind === 'settled' ? a.intervals : 0;
      const parts = [`${effects} effect${effects === 1 ? '' : 's'} after the handler returned`];
      if (a.kind === 'settled') parts.push(`finished ${Math.round(a.afterMs)} ms after it returned`);
      if (intervals > 0) parts.push(`${intervals} interval${intervals === 1 ? '' : 's'} left running (not waited for)`);
      if (a.kind === 'cut') parts.push(a.reason);
      this.trace.emit({
        type: 'call-settled',
        runId,
        at: this.env.clock.now(),
        call,
        afterMs: a.afterMs,
        effects,
        intervals,
        note: `un-awaited work of ${call.method}: ${parts.join('; ')}`,
        ...(a.kind === 'cut' ? { cut: a.reason } : {}),
      });
    });
    set.add(done);
  }

  private async afterWorkOf(runId: string): Promise<void> {
    for (let set = this.afterWork.get(runId); set && set.size > 0; set = this.afterWork.get(runId)) await Promise.all([...set]);
    this.afterWork.delete(runId);
  }

  /** Resolves once every run, including Post handlers nobody awaits, has finished. */
  async settle(): Promise<void> {
    while (this.unsettled.size > 0) await Promise.all([...this.unsettled]);
  }

  /**
   * Stop: terminate every app worker with a call in progress. Each such call ends as `stopped`
   * and the pipeline goes on exactly as after a timeout (spec section 5); the world keeps what
   * was committed. A wait the host only simulates (the no-reply hang of an exception without a
   * message, spec §4) ends at once, as if its timeout had come. A worker with no call in flight
   * that still runs app code (left-over timers, {@link lingering}) is terminated too; the app
   * loads again on its next call. Returns how many calls and lingering workers were stopped.
   */
  stop(): number {
    let stopped = 0;
    for (const end of [...this.hangs]) {
      end();
      stopped += 1;
    }
    for (const app of this.registry.all()) {
      if (app.process.busy) {
        app.process.kill('stopped by the user', { kind: 'stopped' });
        stopped += 1;
      } else if (app.process.stopLingering(LINGER_STOP_REASON)) {
        stopped += 1;
      }
    }
    return stopped;
  }

  /** How many simulated waits (spec §4 no-reply hangs) are in progress; Stop ends them. */
  get hanging(): number {
    return this.hangs.size;
  }

  private hang(ms: number): Promise<'elapsed' | 'stopped'> {
    if (ms <= 0) return Promise.resolve('elapsed');
    return new Promise((resolve) => {
      let timer: unknown = null;
      const end = (how: 'elapsed' | 'stopped') => {
        if (!this.hangs.delete(stop)) return;
        this.env.scheduler.clearTimeout(timer);
        resolve(how);
      };
      const stop = () => end('stopped');
      this.hangs.add(stop);
      timer = this.env.scheduler.setTimeout(() => end('elapsed'), ms);
    });
  }

  dispose(): void {
    for (const app of this.registry.all()) app.process.dispose();
    this.pool.dispose();
  }

  // runtime hooks --------------------------------------------------------------------------
  /** How many reads of each call the trace lists (trace-budget.ts). */
  private readonly traceBudget = new TraceBudget();

  private hooksFor(appId: string) {
    const runOf = (callId: string | null) => (callId ? this.callOwners.get(callId)?.runId : undefined) ?? `detached:${appId}`;
    const now = () => this.env.clock.now();
    /** Marks (and counts) what a call's un-awaited work does after its handler returned. */
    const afterReturn = (callId: string | null): { afterReturn?: true } => {
      if (callId === null || !this.registry.get(appId)?.process.hasReturned(callId)) return {};
      this.afterEffects.set(callId, (this.afterEffects.get(callId) ?? 0) + 1);
      return { afterReturn: true };
    };
    return {
      onRequest: async (callId: string | null, op: AccessorOp, args: Wire[]): Promise<Wire> => {
        const ctx = this.bridgeContext(appId, callId);
        const decoded = args.map((a) => decodeWire(a));
        const started = this.env.clock.monotonic();
        const base = { type: 'accessor' as const, runId: runOf(callId), callId, appId, op, args: decoded, write: isWriteOp(op), ...afterReturn(callId) };
        const listed = base.write ? 'trace' : this.traceBudget.read(callId);
        if (listed === 'first-skipped') {
          this.trace.emit({
            type: 'runtime-problem',
            runId: runOf(callId),
            at: now(),
            appId,
            problem: `more than ${TRACED_READS_PER_CALL} reads in one call: hookscope lists the first ${TRACED_READS_PER_CALL} of each call; later reads are answered but not listed`,
          });
        }
        try {
          const value = await dispatchAccessor(ctx, op, decoded);
          if (listed === 'trace') this.trace.emit({ ...base, at: now(), ok: true, result: value, durationMs: this.env.clock.monotonic() - started });
          return encodeWire(value);
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          this.trace.emit({ ...base, at: now(), ok: false, error: message, durationMs: this.env.clock.monotonic() - started });
          throw err;
        }
      },
      onLog: (msg: {
        callId: string | null;
        level: import('../protocol/runtime-protocol.ts').LogLevel;
        source: 'console' | 'logger';
        args: import('../protocol/runtime-protocol.ts').Preview[];
        site?: string;
      }) => {
        this.trace.emit({
          type: 'log',
          runId: runOf(msg.callId),
          at: now(),
          callId: msg.callId,
          appId,
          level: msg.level,
          source: msg.source,
          args: msg.args,
          ...(msg.site !== undefined ? { site: msg.site } : {}),
          ...afterReturn(msg.callId),
        });
      },
      onDropped: (callId: string | null, count: number) => {
        this.trace.emit({ type: 'logs-dropped', runId: runOf(callId), at: now(), callId, appId, count });
      },
      onPending: (msg: { callId: string; timers: number; intervals: number; requests: number }) => {
        const owner = this.callOwners.get(msg.callId);
        if (!owner || msg.timers + msg.intervals + msg.requests === 0) return;
        const call = this.findCall(msg.callId);
        if (call)
          this.trace.emit({ type: 'call-pending', runId: owner.runId, at: now(), call, timers: msg.timers, intervals: msg.intervals, requests: msg.requests });
      },
      onSettings: (settings: SettingDeclaration[]) => this.storeSettings(appId, settings),
      onProblem: (problem: string) => {
        this.trace.emit({ type: 'runtime-problem', runId: null, at: now(), appId, problem });
      },
      onRestart: (reason: string) => {
        this.trace.emit({ type: 'worker-restarted', runId: null, at: now(), appId, reason });
      },
      onLingering: (on: boolean) => this.lingering.set(appId, on),
    };
  }

  private findCall(callId: string) {
    for (let i = this.trace.events.length - 1; i >= 0; i--) {
      const e = this.trace.events[i];
      if (e && e.type === 'call-start' && e.call.callId === callId) return e.call;
    }
    return undefined;
  }
}
