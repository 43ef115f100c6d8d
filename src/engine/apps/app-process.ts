/**
 * The host's handle on one app's runtime: loads the app, makes calls with a per-call timeout,
 * answers the runtime's accessor requests, and replaces a hung or dead worker. The worker holds
 * nothing the host cannot rebuild, so a replacement loses no data (the app is simply constructed
 * again, as after a Rocket.Chat runtime restart).
 *
 * Liveness ({@link Liveness}): the worker is pinged while a call is in flight, so at a timeout the
 * host knows at once whether its event loop is stuck. With `standby` a second worker keeps the app
 * loaded ahead of need and takes over from a stuck or dead one without a load.
 */
import {
  PROTOCOL_VERSION,
  RPC,
  parseRuntimeMessage,
  type AccessorOp,
  type AppDescriptor,
  type ArgSpec,
  type HeldRoom,
  type LoadPhase,
  type PendingWork,
  type RuntimeSwitches,
  type RuntimeToHost,
  type SettingDeclaration,
  type WireError,
} from '../../protocol/runtime-protocol.ts';
import type { Wire } from '../../protocol/wire.ts';
import { systemClock, type Scheduler } from '../env.ts';
import { Liveness } from './liveness.ts';
import { judgeLoad, loadFailure } from './load-watch.ts';
import type { RuntimeTransport, TransportPool } from './transport.ts';
import { HostBudgets } from './host-budgets.ts';

export type CallAnswer =
  /** `held`: the room an extender/builder argument wrapped, as the call left it (legacy in-place chain). */
  | { kind: 'ok'; value: Wire; held?: HeldRoom }
  | { kind: 'error'; error: WireError; held?: HeldRoom }
  | { kind: 'timeout' }
  | { kind: 'crashed'; reason: string }
  /** The user stopped the run: the worker was terminated like after a timeout. */
  | { kind: 'stopped' };

/**
 * What became of the work a call started without `await` (spec 7.2), once its handler returned:
 * it finished (`waited`: some of it was still running when the handler returned; `intervals` it
 * left running are never waited for), or hookscope stopped waiting (`cut`: the bound, or the
 * worker stopped).
 */
export type AfterReturnAnswer = { kind: 'settled'; waited: boolean; intervals: number; afterMs: number } | { kind: 'cut'; reason: string; afterMs: number };

export type LoadAnswer =
  | { ok: true; className: string; methods: string[]; settings: SettingDeclaration[] }
  /** `install`: the host refused the app before loading it (its bot user's name is taken). */
  | { ok: false; error: WireError; phase: LoadPhase | 'install' };

export interface AppProcessHooks {
  /** Answer an accessor request (bridges). Throwing = the app sees an Error with that message. */
  onRequest(callId: string | null, op: AccessorOp, args: Wire[]): Promise<Wire>;
  onLog(msg: Extract<RuntimeToHost, { type: 'log' }>): void;
  onDropped(callId: string | null, count: number): void;
  /** What a call's handler left behind when it returned (timers, unanswered requests). */
  onPending(msg: PendingWork & { callId: string }): void;
  /** initialize has run: store the declared settings now, before onEnable reads them (spec 7.2). */
  onSettings?(settings: SettingDeclaration[]): void;
  /** A message that failed validation, or a runtime that died: reported, never trusted. */
  onProblem(problem: string): void;
  onRestart(reason: string): void;
  /** The worker started (true) or stopped (false) running app code outside any call in flight (see {@link AppProcess.lingering}). */
  onLingering?(lingering: boolean): void;
}

interface Inflight {
  resolve(answer: CallAnswer): void;
  timer: unknown;
  /** How long un-awaited work may run on after the handler returned before the host stops waiting. */
  boundMs?: number;
}

interface AfterWatch {
  resolve(answer: AfterReturnAnswer): void;
  timer: unknown;
  startedAt: number;
}

/** Returned call ids remembered for attribution ("after the handler returned"). */
const RETURNED_KEPT = 5_000;

export interface AppSource {
  descriptor: AppDescriptor;
  files: Record<string, string>;
  switches: RuntimeSwitches;
  /** The installing user (wire-encoded app user, or null): sent with the first load only, for onInstall (spec 7.2). */
  installer?: Wire | null;
}

export interface AppProcessOptions {
  /**
   * Keep a standby worker with the app already loaded, to take over from a stuck or dead worker
   * without loading the app (the load then happened ahead of time: its accessor requests are
   * answered when the standby loads, its log lines are delivered when it takes over, as after a
   * restart). Costs one more worker per app.
   */
  standby?: boolean;
}

/** A runtime with the app loaded, waiting to take over (see {@link AppProcessOptions.standby}). */
interface Standby {
  transport: RuntimeTransport;
  liveness: Liveness;
  /** Its load answer once it arrived (one that is not ok drops the standby). */
  answer: LoadAnswer | null;
  /** Log lines (and drop counts) of its load, delivered when it takes over. */
  held: RuntimeToHost[];
  timer: unknown;
}

export class AppProcess {
  private transport: RuntimeTransport | null = null;
  private liveness: Liveness | null = null;
  private standby: Standby | null = null;
  private loading: Promise<LoadAnswer> | null = null;
  private loadResolve: ((answer: LoadAnswer) => void) | null = null;
  /** Set from a timeout until the worker is known alive or has been replaced. */
  private deciding: Promise<void> | null = null;
  /** Calls (not load) in flight on the current worker: pings run while there are any. */
  private calls = 0;
  /** The host's own check of the per-call budgets (host-budgets.ts). */
  private readonly budgets = new HostBudgets();
  private readonly inflight = new Map<string, Inflight>();
  private readonly afterWatch = new Map<string, AfterWatch>();
  private readonly afterAnswers = new Map<string, Promise<AfterReturnAnswer>>();
  private readonly returnedCalls = new Set<string>();
  /** Answered calls whose timers may still run: left pending at the answer (a late one too), not (yet) settled without intervals. */
  private readonly lingerCalls = new Set<string>();
  /** The current worker ran app code outside any call after its load (a timer set in initialize or onEnable). */
  private detachedActivity = false;
  private lingerReported = false;
  private callSeq = 0;
  private answeredSinceLoad = false;
  /**
   * Set when loading hung or waited past its budget: every later load answers this at once until
   * the code changes or the budget is raised above the one that was hit.
   */
  private hungAtLoad: { answer: LoadAnswer; budgetMs: number } | null = null;
  private disposed = false;
  /** The install (onInstall) went with a load already. */
  private installed = false;

  constructor(
    private source: AppSource,
    private readonly pool: TransportPool,
    private readonly scheduler: Scheduler,
    private readonly hooks: AppProcessHooks,
    private readonly loadTimeoutMs: () => number,
    private readonly now: () => number = () => systemClock.monotonic(),
    private readonly options: AppProcessOptions = {},
  ) {}

  /** Replace the code; the next `ensureLoaded` starts a fresh runtime. */
  setSource(source: AppSource): void {
    this.source = source;
    this.hungAtLoad = null;
    this.dropStandby();
    this.kill('the app was reloaded');
  }

  /**
   * Waits until a call can be made: the liveness probe after a timeout (which may replace the
   * worker), then the load. What a call waits for before it is made (cold start), timed apart.
   */
  async whenReady(): Promise<LoadAnswer> {
    if (this.deciding) await this.deciding;
    return this.ensureLoaded();
  }

  /** True until a call of the current runtime has answered: its first call also pays the runtime's warm-up. */
  get fresh(): boolean {
    return !this.answeredSinceLoad;
  }

  ensureLoaded(): Promise<LoadAnswer> {
    if (this.disposed) return Promise.resolve({ ok: false, phase: 'construct', error: crashError('the app was removed') });
    // Code that hung while loading hangs again: it stays failed until its code changes (setSource)
    // or the load gets a larger budget than the one it used up.
    if (this.hungAtLoad && this.loadTimeoutMs() > this.hungAtLoad.budgetMs) this.hungAtLoad = null;
    if (this.hungAtLoad) return Promise.resolve(this.hungAtLoad.answer);
    if (!this.loading) this.loading = this.takeOver() ?? this.start();
    return this.loading;
  }

  /** True while a standby worker with the app loaded is ready to take over. */
  get hasStandby(): boolean {
    return this.standby?.answer?.ok === true;
  }

  private livenessFor(transport: RuntimeTransport): Liveness {
    return new Liveness((seq) => transport.post({ v: PROTOCOL_VERSION, type: 'ping', seq }), this.scheduler, this.now);
  }

  /** Routes a worker's messages by its role at the time: the current worker, or the standby. */
  private listen(transport: RuntimeTransport): void {
    transport.onMessage((raw) => {
      if (this.transport === transport) this.receive(raw);
      else if (this.standby?.transport === transport) this.receiveStandby(raw);
    });
    transport.onExit((reason) => {
      if (this.standby?.transport === transport) {
        this.hooks.onProblem(`the app's standby worker stopped: ${reason}`);
        this.dropStandby();
        return;
      }
      if (this.transport !== transport) return;
      this.hooks.onProblem(`the app's worker stopped: ${reason}`);
      this.kill(`worker stopped: ${reason}`);
    });
  }

  private start(): Promise<LoadAnswer> {
    const transport = this.pool.take();
    const liveness = this.livenessFor(transport);
    this.transport = transport;
    this.liveness = liveness;
    this.calls = 0;
    this.listen(transport);
    const budgetMs = this.loadTimeoutMs();
    const startedAt = this.now();
    const loaded = new Promise<LoadAnswer>((resolve) => {
      let timer: unknown = null;
      const finish = (answer: LoadAnswer) => {
        if (timer !== null) this.scheduler.clearTimeout(timer);
        timer = null;
        if (this.loadResolve === finish) this.loadResolve = null;
        if (this.liveness === liveness && this.calls === 0) liveness.stop();
        resolve(answer);
      };
      // Hung or only slow (load-watch.ts): judged from the worker's answers to pings. Times are
      // counted from the start of the load, by the clock, or (a clock that does not move, as in
      // tests) by the timers that fired, an answer then counting as seen at the check after it.
      let timerElapsed = 0;
      let delay = budgetMs;
      let answersSeen = 0;
      let firstAt: number | null = null;
      let lastAt: number | null = null;
      const check = () => {
        timer = null;
        if (this.loadResolve !== finish) return;
        timerElapsed += delay;
        const clockElapsed = this.now() - startedAt;
        const elapsed = Math.max(clockElapsed, timerElapsed);
        if (clockElapsed > 0) {
          const first = liveness.firstAnswerAt;
          const last = liveness.lastAnswerAt;
          firstAt = first === null ? null : first - startedAt;
          lastAt = last === null ? null : last - startedAt;
        } else if (liveness.answers !== answersSeen) {
          answersSeen = liveness.answers;
          firstAt ??= elapsed;
          lastAt = elapsed;
        }
        const verdict = judgeLoad(0, elapsed, firstAt, lastAt, budgetMs);
        if (verdict.kind === 'wait') {
          delay = Math.max(1, verdict.at - elapsed);
          timer = this.scheduler.setTimeout(check, delay);
          return;
        }
        const failed: LoadAnswer = { ok: false, phase: 'construct', error: crashError(loadFailure(verdict.kind, budgetMs)) };
        // The same code would do the same again: later loads answer this at once (see ensureLoaded).
        if (verdict.kind !== 'not-started') this.hungAtLoad = { answer: failed, budgetMs };
        finish(failed);
        this.kill(verdict.kind === 'not-started' ? "the app's runtime did not start" : 'loading the app did not finish');
      };
      this.loadResolve = finish;
      liveness.start(true);
      // The first load is the install: onInstall runs once per app, never on a reload or a replaced worker.
      const install = this.installed || this.source.installer === undefined ? {} : { install: { user: this.source.installer } };
      this.installed = true;
      transport.post({ v: PROTOCOL_VERSION, type: 'load', app: this.source.descriptor, files: this.source.files, switches: this.source.switches, ...install });
      timer = this.scheduler.setTimeout(check, budgetMs);
    });
    if (this.options.standby) void loaded.then((answer) => answer.ok && this.transport === transport && this.startStandby());
    return loaded;
  }

  async call(callId: string, method: string, args: ArgSpec[], timeoutMs: number): Promise<CallAnswer> {
    // A call right after a timeout waits to know whether the worker is stuck (and replaced).
    if (this.deciding) await this.deciding;
    const loaded = await this.ensureLoaded();
    if (!loaded.ok) return { kind: 'crashed', reason: `the app failed to load: ${loaded.error.message}` };
    const transport = this.transport;
    const liveness = this.liveness;
    if (!transport || !liveness) return { kind: 'crashed', reason: 'the app has no runtime' };
    return new Promise<CallAnswer>((resolve) => {
      const ended = () => {
        if (this.transport !== transport) return;
        this.calls = Math.max(0, this.calls - 1);
        if (this.calls === 0) liveness.stop();
      };
      const timer = this.scheduler.setTimeout(() => {
        this.inflight.delete(callId);
        resolve({ kind: 'timeout' });
        // As in Rocket.Chat the app's code keeps running (spec §5); only a stuck worker is replaced.
        this.decide(transport, liveness, `${method} timed out after ${timeoutMs} ms`);
        ended();
      }, timeoutMs);
      this.inflight.set(callId, {
        resolve: (answer) => {
          ended();
          resolve(answer);
        },
        timer,
        boundMs: timeoutMs,
      });
      this.calls += 1;
      liveness.start();
      transport.post({ v: PROTOCOL_VERSION, type: 'call', callId, method, args });
    });
  }

  /**
   * After a timeout: is the worker's event loop alive (the app is merely waiting: it keeps
   * running) or stuck (replaced)? Known at once for a worker stuck since early in the call.
   */
  private decide(transport: RuntimeTransport, liveness: Liveness, reason: string): void {
    if (this.transport !== transport || this.deciding) return;
    this.deciding = liveness.verdict().then((verdict) => {
      this.deciding = null;
      if (verdict === 'stuck' && this.transport === transport) this.kill(reason);
    });
  }

  // standby ----------------------------------------------------------------------------------

  private startStandby(): void {
    if (this.standby || this.disposed || !this.options.standby) return;
    const transport = this.pool.take();
    const standby: Standby = { transport, liveness: this.livenessFor(transport), answer: null, held: [], timer: null };
    this.standby = standby;
    standby.timer = this.scheduler.setTimeout(() => {
      if (this.standby !== standby || standby.answer) return;
      this.hooks.onProblem(`the app's standby worker took longer than ${this.loadTimeoutMs()} ms to load; dropped`);
      this.dropStandby();
    }, this.loadTimeoutMs());
    this.listen(transport);
    transport.post({ v: PROTOCOL_VERSION, type: 'load', app: this.source.descriptor, files: this.source.files, switches: this.source.switches });
  }

  /** Messages from the standby while it loads and waits: requests are answered, logs held. */
  private receiveStandby(raw: unknown): void {
    const standby = this.standby;
    if (!standby) return;
    const parsed = parseRuntimeMessage(raw);
    if (!parsed.ok) {
      this.hooks.onProblem(`ignored a malformed message from the app's standby runtime: ${parsed.problem}`);
      return;
    }
    const msg = parsed.msg;
    switch (msg.type) {
      case 'loaded': {
        if (standby.answer) return;
        this.scheduler.clearTimeout(standby.timer);
        const answer: LoadAnswer = msg.ok
          ? { ok: true, className: msg.className, methods: msg.methods, settings: msg.settings }
          : { ok: false, error: msg.error, phase: msg.phase };
        standby.answer = answer;
        if (!answer.ok) {
          this.hooks.onProblem(`the app's standby worker failed to load it (${answer.error.message}); dropped`);
          this.dropStandby();
        }
        return;
      }
      case 'request':
        this.answer(standby.transport, msg.reqId, msg.callId, msg.op, msg.args);
        return;
      case 'log':
      case 'dropped':
        if (standby.held.length < 1_000) standby.held.push(msg);
        return;
      case 'pong':
        standby.liveness.pong(msg.seq);
        return;
      default:
        // 'ready', 'initialized' (the settings were stored by the first load), nothing else is expected.
        return;
    }
  }

  /** The standby takes over as the current worker; its held log lines are delivered now. */
  private takeOver(): Promise<LoadAnswer> | null {
    const standby = this.standby;
    if (!standby || standby.answer?.ok !== true || this.disposed) return null;
    this.standby = null;
    this.transport = standby.transport;
    this.liveness = standby.liveness;
    this.calls = 0;
    for (const msg of standby.held) {
      if (msg.type === 'log') this.hooks.onLog(msg);
      else if (msg.type === 'dropped') this.hooks.onDropped(msg.callId, msg.count);
    }
    // The next standby starts now, beside the worker that took over.
    this.startStandby();
    return Promise.resolve(standby.answer);
  }

  private dropStandby(): void {
    const standby = this.standby;
    if (!standby) return;
    this.standby = null;
    this.scheduler.clearTimeout(standby.timer);
    standby.liveness.dispose();
    standby.transport.terminate();
  }

  nextCallId(prefix: string): string {
    this.callSeq += 1;
    return `${prefix}:${this.callSeq}`;
  }

  /**
   * The work this call started without `await`, after its handler returned (spec 7.2): resolves
   * when it settled or when the host stopped waiting (the call's timeout after it returned, or the
   * worker stopped). Undefined for a call that never answered (timed out, stopped). Taken once.
   */
  afterReturn(callId: string): Promise<AfterReturnAnswer> | undefined {
    const answer = this.afterAnswers.get(callId);
    this.afterAnswers.delete(callId);
    return answer;
  }

  /** True once the call's handler has returned (its result arrived): later effects come from work it did not await. */
  hasReturned(callId: string): boolean {
    return this.returnedCalls.has(callId);
  }

  private watchAfterReturn(callId: string, boundMs: number): void {
    this.returnedCalls.add(callId);
    if (this.returnedCalls.size > RETURNED_KEPT) this.returnedCalls.delete(this.returnedCalls.values().next().value as string);
    const startedAt = this.now();
    const answer = new Promise<AfterReturnAnswer>((resolve) => {
      const timer = this.scheduler.setTimeout(() => {
        this.afterWatch.delete(callId);
        resolve({
          kind: 'cut',
          reason: `still running ${boundMs} ms after the handler returned (the per-call timeout): the run stopped waiting for it`,
          afterMs: boundMs,
        });
      }, boundMs);
      this.afterWatch.set(callId, { resolve, timer, startedAt });
    });
    this.afterAnswers.set(callId, answer);
  }

  private endAfterWatch(callId: string, answer: (afterMs: number) => AfterReturnAnswer): void {
    const watch = this.afterWatch.get(callId);
    if (!watch) return;
    this.afterWatch.delete(callId);
    this.scheduler.clearTimeout(watch.timer);
    watch.resolve(answer(Math.max(0, this.now() - watch.startedAt)));
  }

  /** True while calls are waiting for an answer. */
  get busy(): boolean {
    return this.inflight.size > 0;
  }

  /**
   * True while the worker may run app code with no call in flight: timers a call left behind
   * after it answered (an interval, or work still running past its bound), or timers started in
   * initialize/onEnable that keep calling in (spec 7.2). Stop terminates such a worker too.
   */
  get lingering(): boolean {
    return this.transport !== null && (this.lingerCalls.size > 0 || this.detachedActivity);
  }

  /**
   * The one place a call starts or stops lingering: the runtime reported timers of it that may
   * run with no call in flight (its answer, even a late one, left some pending; it settled with
   * intervals; it called in after the host stopped waiting for it), or none left (settled without
   * intervals).
   */
  private setLinger(callId: string, on: boolean): void {
    if (on === this.lingerCalls.has(callId)) return;
    if (on) this.lingerCalls.add(callId);
    else this.lingerCalls.delete(callId);
    this.reportLingering();
  }

  private reportLingering(): void {
    const now = this.lingering;
    if (now === this.lingerReported) return;
    this.lingerReported = now;
    this.hooks.onLingering?.(now);
  }

  /** Activity (a request or a log line) of the current worker: outside any open call, it lingers. */
  private noteActivity(callId: string | null): void {
    if (callId === null) {
      if (this.loadResolve) return; // the load itself
      this.detachedActivity = true;
      this.reportLingering();
    } else if (this.inflight.has(callId) || this.afterWatch.has(callId)) {
      return; // the call, or its un-awaited work the run still waits for
    } else if (this.returnedCalls.has(callId)) {
      this.setLinger(callId, true);
    }
  }

  /**
   * Stop for a worker that only lingers: terminated like a stopped call's worker (its timers end
   * with it); the next call loads the app again, as after a restart. Returns whether it did.
   */
  stopLingering(reason: string): boolean {
    if (!this.lingering) return false;
    this.dropStandby();
    this.kill(reason, { kind: 'stopped' });
    return true;
  }

  /** Terminate the worker; calls in flight end as crashed (or stopped); the next call starts a fresh runtime. */
  kill(reason: string, answer: CallAnswer = { kind: 'crashed', reason }): void {
    const transport = this.transport;
    if (!transport) return;
    this.transport = null;
    this.loading = null;
    this.answeredSinceLoad = false;
    this.liveness?.dispose();
    this.liveness = null;
    this.calls = 0;
    transport.terminate();
    this.lingerCalls.clear();
    this.detachedActivity = false;
    this.reportLingering();
    this.loadResolve?.({ ok: false, phase: 'construct', error: crashError(reason) });
    for (const [id, entry] of this.inflight) {
      this.scheduler.clearTimeout(entry.timer);
      entry.resolve(answer);
      this.inflight.delete(id);
    }
    for (const id of [...this.afterWatch.keys()]) {
      this.endAfterWatch(id, (afterMs) => ({ kind: 'cut', reason: `the app's worker was stopped (${reason}) before it finished`, afterMs }));
    }
    if (!this.disposed) this.hooks.onRestart(reason);
  }

  dispose(): void {
    this.disposed = true;
    this.dropStandby();
    this.kill('the app was removed');
  }

  private receive(raw: unknown): void {
    const parsed = parseRuntimeMessage(raw);
    if (!parsed.ok) {
      this.hooks.onProblem(`ignored a malformed message from the app's runtime: ${parsed.problem}`);
      return;
    }
    const msg = parsed.msg;
    switch (msg.type) {
      case 'ready':
        return;
      case 'initialized':
        if (!this.loadResolve) {
          this.hooks.onProblem('ignored an unexpected "initialized" message');
          return;
        }
        this.hooks.onSettings?.(msg.settings);
        return;
      case 'loaded':
        if (!this.loadResolve) {
          this.hooks.onProblem('ignored an unexpected "loaded" message');
          return;
        }
        this.loadResolve(
          msg.ok ? { ok: true, className: msg.className, methods: msg.methods, settings: msg.settings } : { ok: false, error: msg.error, phase: msg.phase },
        );
        return;
      case 'result': {
        const entry = this.inflight.get(msg.callId);
        const leftTimers = msg.pending.timers + msg.pending.intervals > 0;
        if (!entry) {
          // A late reply after a timeout is ignored, as in Rocket.Chat; the timers it left run on.
          if (leftTimers) this.setLinger(msg.callId, true);
          return;
        }
        this.inflight.delete(msg.callId);
        this.scheduler.clearTimeout(entry.timer);
        if (entry.boundMs !== undefined) {
          this.watchAfterReturn(msg.callId, entry.boundMs);
          this.answeredSinceLoad = true;
        }
        this.hooks.onPending({ callId: msg.callId, ...msg.pending });
        if (leftTimers) this.setLinger(msg.callId, true);
        const held = msg.held ? { held: msg.held } : {};
        const tooLarge = msg.ok ? this.budgets.result(msg.value) : null;
        if (tooLarge)
          entry.resolve({
            kind: 'error',
            error: {
              code: RPC.internalError,
              name: 'Error',
              className: 'ResultTooLarge',
              message: `The value returned cannot be sent to the host: ${tooLarge}`,
            },
          });
        else entry.resolve(msg.ok ? { kind: 'ok', value: msg.value, ...held } : { kind: 'error', error: msg.error, ...held });
        return;
      }
      case 'pong':
        this.liveness?.pong(msg.seq);
        return;
      case 'request': {
        this.noteActivity(msg.callId);
        const refused = this.budgets.request(msg.callId);
        if (refused) return this.refuse(msg.reqId, msg.callId, refused);
        if (this.transport) this.answer(this.transport, msg.reqId, msg.callId, msg.op, msg.args);
        return;
      }
      case 'log': {
        this.noteActivity(msg.callId);
        const fits = this.budgets.log(msg.callId, msg.args);
        if (fits.ok) this.hooks.onLog(msg);
        else if (fits.dropped % 50 === 1) this.hooks.onDropped(msg.callId, fits.dropped);
        return;
      }
      case 'dropped':
        this.hooks.onDropped(msg.callId, msg.count);
        return;
      case 'settled':
        this.endAfterWatch(msg.callId, (afterMs) => ({ kind: 'settled', waited: msg.waited, intervals: msg.intervals, afterMs }));
        if (msg.intervals === 0) this.setLinger(msg.callId, false);
        else if (this.returnedCalls.has(msg.callId)) this.setLinger(msg.callId, true);
        return;
    }
  }

  /** A request over the host's budget: answered as refused, and the call (if still open) ended with why. */
  private refuse(reqId: number, callId: string | null, reason: string): void {
    this.transport?.post({
      v: PROTOCOL_VERSION,
      type: 'response',
      reqId,
      ok: false,
      error: { code: RPC.internalError, name: 'Error', className: 'Error', message: reason },
    });
    const entry = callId === null ? undefined : this.inflight.get(callId);
    if (!entry || callId === null) return;
    this.inflight.delete(callId);
    this.scheduler.clearTimeout(entry.timer);
    entry.resolve({ kind: 'error', error: { code: RPC.internalError, name: 'Error', className: 'BudgetExceeded', message: reason } });
  }

  private answer(transport: RuntimeTransport, reqId: number, callId: string | null, op: AccessorOp, args: Wire[]): void {
    // Answered only while that worker is still current (or the standby): a replaced one is gone.
    const live = () => this.transport === transport || this.standby?.transport === transport;
    this.hooks.onRequest(callId, op, args).then(
      (value) => {
        if (live()) transport.post({ v: PROTOCOL_VERSION, type: 'response', reqId, ok: true, value });
      },
      (err: unknown) => {
        if (!live()) return;
        const message = err instanceof Error ? err.message : String(err);
        transport.post({
          v: PROTOCOL_VERSION,
          type: 'response',
          reqId,
          ok: false,
          error: { code: RPC.internalError, name: 'Error', className: 'Error', message },
        });
      },
    );
  }
}

function crashError(message: string): WireError {
  return { code: RPC.internalError, name: 'Error', className: 'RuntimeCrash', message };
}
