/**
 * The host's handle on one app's runtime: loads the app, makes calls with a per-call timeout,
 * answers the runtime's accessor requests, and replaces a hung or dead worker. The worker holds
 * nothing the host cannot rebuild, so a replacement loses no data (the app is simply constructed
 * again, as after a Rocket.Chat runtime restart).
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
  type RuntimeSwitches,
  type RuntimeToHost,
  type SettingDeclaration,
  type WireError,
} from '../../protocol/runtime-protocol.ts';
import type { Wire } from '../../protocol/wire.ts';
import { systemClock, type Scheduler } from '../env.ts';
import type { RuntimeTransport, TransportPool } from './transport.ts';

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
export type AfterReturnAnswer =
  | { kind: 'settled'; waited: boolean; intervals: number; afterMs: number }
  | { kind: 'cut'; reason: string; afterMs: number };

export type LoadAnswer =
  | { ok: true; className: string; methods: string[]; settings: SettingDeclaration[] }
  /** `install`: the host refused the app before loading it (its bot user's name is taken). */
  | { ok: false; error: WireError; phase: LoadPhase | 'install' };

export interface AppProcessHooks {
  /** Answer an accessor request (bridges). Throwing = the app sees an Error with that message. */
  onRequest(callId: string | null, op: AccessorOp, args: Wire[]): Promise<Wire>;
  onLog(msg: Extract<RuntimeToHost, { type: 'log' }>): void;
  onDropped(callId: string | null, count: number): void;
  onPending(msg: Extract<RuntimeToHost, { type: 'pending' }>): void;
  /** initialize has run: store the declared settings now, before onEnable reads them (spec 7.2). */
  onSettings?(settings: SettingDeclaration[]): void;
  /** A message that failed validation, or a runtime that died: reported, never trusted. */
  onProblem(problem: string): void;
  onRestart(reason: string): void;
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
}

/** How long a worker has to answer the liveness probe sent after a timeout. */
const PROBE_MS = 250;
const PROBE_METHOD = '__hookscopeProbe';

export class AppProcess {
  private transport: RuntimeTransport | null = null;
  private loading: Promise<LoadAnswer> | null = null;
  private loadResolve: ((answer: LoadAnswer) => void) | null = null;
  /** Set while the liveness probe sent after a timeout is waiting for its answer. */
  private probing: Promise<void> | null = null;
  private readonly inflight = new Map<string, Inflight>();
  private readonly afterWatch = new Map<string, AfterWatch>();
  private readonly afterAnswers = new Map<string, Promise<AfterReturnAnswer>>();
  private readonly returnedCalls = new Set<string>();
  private callSeq = 0;
  private disposed = false;

  constructor(
    private source: AppSource,
    private readonly pool: TransportPool,
    private readonly scheduler: Scheduler,
    private readonly hooks: AppProcessHooks,
    private readonly loadTimeoutMs: () => number,
    private readonly now: () => number = () => systemClock.monotonic(),
  ) {}

  /** Replace the code; the next `ensureLoaded` starts a fresh runtime. */
  setSource(source: AppSource): void {
    this.source = source;
    this.kill('the app was reloaded');
  }

  ensureLoaded(): Promise<LoadAnswer> {
    if (this.disposed) return Promise.resolve({ ok: false, phase: 'construct', error: crashError('the app was removed') });
    if (!this.loading) this.loading = this.start();
    return this.loading;
  }

  private start(): Promise<LoadAnswer> {
    const transport = this.pool.take();
    this.transport = transport;
    transport.onMessage((raw) => {
      if (this.transport === transport) this.receive(raw);
    });
    transport.onExit((reason) => {
      if (this.transport !== transport) return;
      this.hooks.onProblem(`the app's worker stopped: ${reason}`);
      this.kill(`worker stopped: ${reason}`);
    });
    return new Promise<LoadAnswer>((resolve) => {
      const timer = this.scheduler.setTimeout(() => {
        this.kill('loading the app timed out');
        resolve({ ok: false, phase: 'construct', error: crashError(`loading the app took longer than ${this.loadTimeoutMs()} ms (an endless loop at load time?)`) });
      }, this.loadTimeoutMs());
      this.loadResolve = (answer) => {
        this.scheduler.clearTimeout(timer);
        this.loadResolve = null;
        resolve(answer);
      };
      transport.post({ v: PROTOCOL_VERSION, type: 'load', app: this.source.descriptor, files: this.source.files, switches: this.source.switches });
    });
  }

  async call(callId: string, method: string, args: ArgSpec[], timeoutMs: number): Promise<CallAnswer> {
    // A call right after a timeout waits to know whether the worker is stuck (and replaced).
    if (this.probing) await this.probing;
    const loaded = await this.ensureLoaded();
    if (!loaded.ok) return { kind: 'crashed', reason: `the app failed to load: ${loaded.error.message}` };
    const transport = this.transport;
    if (!transport) return { kind: 'crashed', reason: 'the app has no runtime' };
    return new Promise<CallAnswer>((resolve) => {
      const timer = this.scheduler.setTimeout(() => {
        this.inflight.delete(callId);
        resolve({ kind: 'timeout' });
        // As in Rocket.Chat the app's code keeps running (spec §5); only a stuck worker is replaced.
        this.probe(transport, `${method} timed out after ${timeoutMs} ms`);
      }, timeoutMs);
      this.inflight.set(callId, { resolve, timer, boundMs: timeoutMs });
      transport.post({ v: PROTOCOL_VERSION, type: 'call', callId, method, args });
    });
  }

  /**
   * After a timeout: a worker that still answers a call (a method no app has, answered at once
   * when its event loop is free) keeps running; one that does not answer within {@link PROBE_MS}
   * is stuck (an endless loop) and is replaced.
   */
  private probe(transport: RuntimeTransport, reason: string): void {
    if (this.transport !== transport || this.probing) return;
    const probeId = this.nextCallId('probe');
    this.probing = new Promise<void>((done) => {
      const settle = () => {
        this.probing = null;
        done();
      };
      const timer = this.scheduler.setTimeout(() => {
        this.inflight.delete(probeId);
        if (this.transport === transport) this.kill(reason);
        settle();
      }, PROBE_MS);
      // Answered (the worker is alive), or ended by a kill: either way the probe is over.
      this.inflight.set(probeId, { resolve: settle, timer });
    });
    transport.post({ v: PROTOCOL_VERSION, type: 'call', callId: probeId, method: PROBE_METHOD, args: [] });
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
        resolve({ kind: 'cut', reason: `still running ${boundMs} ms after the handler returned (the per-call timeout): the run stopped waiting for it`, afterMs: boundMs });
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

  /** Terminate the worker; calls in flight end as crashed (or stopped); the next call starts a fresh runtime. */
  kill(reason: string, answer: CallAnswer = { kind: 'crashed', reason }): void {
    const transport = this.transport;
    if (!transport) return;
    this.transport = null;
    this.loading = null;
    transport.terminate();
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
        this.loadResolve(msg.ok ? { ok: true, className: msg.className, methods: msg.methods, settings: msg.settings } : { ok: false, error: msg.error, phase: msg.phase });
        return;
      case 'result': {
        const entry = this.inflight.get(msg.callId);
        if (!entry) return; // a late reply after a timeout is ignored, as in Rocket.Chat
        this.inflight.delete(msg.callId);
        this.scheduler.clearTimeout(entry.timer);
        if (entry.boundMs !== undefined) this.watchAfterReturn(msg.callId, entry.boundMs);
        const held = msg.held ? { held: msg.held } : {};
        entry.resolve(msg.ok ? { kind: 'ok', value: msg.value, ...held } : { kind: 'error', error: msg.error, ...held });
        return;
      }
      case 'request':
        this.answer(msg.reqId, msg.callId, msg.op, msg.args);
        return;
      case 'log':
        this.hooks.onLog(msg);
        return;
      case 'dropped':
        this.hooks.onDropped(msg.callId, msg.count);
        return;
      case 'pending':
        this.hooks.onPending(msg);
        return;
      case 'settled':
        this.endAfterWatch(msg.callId, (afterMs) => ({ kind: 'settled', waited: msg.waited, intervals: msg.intervals, afterMs }));
        return;
    }
  }

  private answer(reqId: number, callId: string | null, op: AccessorOp, args: Wire[]): void {
    const transport = this.transport;
    this.hooks.onRequest(callId, op, args).then(
      (value) => {
        if (this.transport === transport) transport?.post({ v: PROTOCOL_VERSION, type: 'response', reqId, ok: true, value });
      },
      (err: unknown) => {
        if (this.transport !== transport) return;
        const message = err instanceof Error ? err.message : String(err);
        transport?.post({ v: PROTOCOL_VERSION, type: 'response', reqId, ok: false, error: { code: RPC.internalError, name: 'Error', className: 'Error', message } });
      },
    );
  }
}

function crashError(message: string): WireError {
  return { code: RPC.internalError, name: 'Error', className: 'RuntimeCrash', message };
}
