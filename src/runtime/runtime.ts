/**
 * The app runtime: hosts ONE app in one worker. The entry file (Node worker_threads or a browser
 * Web Worker) hands it `post` and an evaluator and feeds it every message from the host.
 *
 * Side effects on the worker's globals (restored by `dispose`): console.log/info/warn/error/debug/
 * trace/dir are captured as `log` messages; setTimeout/setInterval/clear* are wrapped to count what
 * a call leaves scheduled. Posts `ready` once created.
 *
 * Several calls may be in flight at once (a handler awaiting an accessor whose host action calls
 * into the app again). The accessor objects are built once per app (as Rocket.Chat's runtime
 * keeps one AppAccessors per app): a request belongs to the call running when it is made
 * (`ctx.current`, which every entry point sets: call, response, timer).
 */
import type { HostToRuntime, RuntimeToHost } from '../protocol/runtime-protocol.ts';
import { decodeWire } from '../protocol/wire.ts';
import { PROTOCOL_VERSION, RPC, checkHostMessage } from '../protocol/runtime-protocol.ts';
import { createAccessors } from './accessors/index.ts';
import type { AccessorSet } from './accessors/index.ts';
import { loadApp } from './app-loader.ts';
import { createCallContext } from './call-context.ts';
import { executeCall, type CallOutcome } from './call.ts';
import { createCapture } from './capture.ts';
import { createCallBudgets } from './budgets.ts';
import { plainError } from './errors.ts';
import type { ModuleEvaluator } from './module-loader.ts';
import { toPreview } from './preview.ts';
import { createRequests } from './requests.ts';
import { installTimers } from './timers.ts';
import { createAfterReturn } from './after-return.ts';
import { installFetch } from './environment/index.ts';

export type { ModuleEvaluator } from './module-loader.ts';

export interface AppRuntimeOptions {
  post(msg: RuntimeToHost): void;
  evaluate: ModuleEvaluator;
  /** The global object to patch (console, timers). Defaults to globalThis. */
  globals?: object;
}

export interface AppRuntime {
  receive(raw: unknown): void;
  /** Reports an error nobody caught (unhandled rejection, error in a timer) as an `error` log line. */
  reportUncaught(error: unknown): void;
  /** Restores the patched globals. */
  dispose(): void;
}

type LoadMsg = Extract<HostToRuntime, { type: 'load' }>;
type CallMsg = Extract<HostToRuntime, { type: 'call' }>;

export function createAppRuntime(opts: AppRuntimeOptions): AppRuntime {
  const { post, evaluate } = opts;
  const globals = opts.globals ?? globalThis;
  const ctx = createCallContext();
  let poke: (callId?: string | null) => void = () => undefined;
  const timers = installTimers(globals, ctx, (callId) => poke(callId));
  // Per-call budgets (budgets.ts): requests, writes, log size, late activity of left-over timers.
  const budgets = createCallBudgets((callId) => timers.clearFor(callId));
  const capture = createCapture(
    post,
    ctx,
    (fn, ms) => timers.rawSetTimeout(fn, ms),
    (callId, chars) => budgets.admitLog(callId, chars),
  );
  const console = (globals as { console?: Console }).console;
  const restoreConsole = console ? capture.patchConsole(console) : () => {};
  const requests = createRequests(post, ctx);
  const request = budgets.guard((callId, op, args) => requests.request(callId, op, args));
  // Work a handler started without await: watched until it settles (spec 7.2).
  const afterReturn = createAfterReturn({
    post,
    requests: (callId) => requests.pendingFor(callId),
    timers: (callId) => timers.countFor(callId),
    later: (fn) => timers.rawSetTimeout(fn, 0),
  });
  poke = (callId) => afterReturn.poke(callId);
  // `fetch` sends what the `http` accessor sends (spec 7.3): the same bridge, the same mocks.
  installFetch(globals as Record<string, unknown>, (method, url, options) => request(ctx.current, 'http.request', [method, url, options]));

  let state: 'empty' | 'loading' | 'loaded' | 'failed' = 'empty';
  let app: Record<string, unknown> | null = null;
  let freezeInputs = false;
  let roomUsernames: 'array' | 'promise' = 'array';
  let roomOwnFields = false;
  let descriptor: LoadMsg['app'] | null = null;

  const complain = (text: string): void => {
    post({ v: PROTOCOL_VERSION, type: 'log', callId: null, level: 'error', source: 'console', args: [{ t: 'str', v: `hookscope runtime: ${text}` }] });
  };

  async function onLoad(msg: LoadMsg): Promise<void> {
    if (state !== 'empty') return complain(`ignored a second load (the runtime is ${state})`);
    state = 'loading';
    descriptor = msg.app;
    freezeInputs = msg.switches.freezeInputs === true;
    roomUsernames = msg.switches.roomUsernames === 'promise' ? 'promise' : 'array';
    roomOwnFields = msg.switches.roomOwnFields === true;
    ctx.current = null;
    capture.begin(null);
    // `this.getAccessors()` requests belong to whatever call is current when they are made.
    const accessors = createAccessors((op, args) => request(ctx.current, op, args), msg.app);
    const outcome = await loadApp({
      app: msg.app,
      files: msg.files,
      evaluate,
      logger: capture.logger,
      accessors,
      // Posted before onEnable: the host stores the settings before any request onEnable makes.
      onInitialized: (settings) => post({ v: PROTOCOL_VERSION, type: 'initialized', settings }),
      ...(msg.install ? { install: { user: msg.install.user === null ? undefined : decodeWire(msg.install.user) } } : {}),
    });
    if (outcome.ok) {
      state = 'loaded';
      app = outcome.app;
      post({ v: PROTOCOL_VERSION, type: 'loaded', ok: true, className: outcome.className, methods: outcome.methods, settings: outcome.settings });
    } else {
      state = 'failed';
      post({ v: PROTOCOL_VERSION, type: 'loaded', ok: false, phase: outcome.phase, error: outcome.error });
    }
    capture.end(null);
  }

  async function onCall(msg: CallMsg): Promise<void> {
    const { callId, method } = msg;
    if (!app || !descriptor) {
      post({
        v: PROTOCOL_VERSION,
        type: 'result',
        callId,
        ok: false,
        error: plainError(RPC.internalError, `The app is not loaded (${state})`),
        pending: { timers: 0, intervals: 0, requests: 0 },
      });
      afterReturn.returned(callId);
      return;
    }
    ctx.current = callId;
    capture.begin(callId);
    capture.logger.setMethod(method);
    const accessors: AccessorSet = createAccessors((op, args) => request(callId, op, args), descriptor);
    // A call that goes over a budget is answered at once with what was cut; its code may run on.
    const outcome = await Promise.race([
      executeCall({ app, method, args: msg.args, accessors, freezeInputs, roomUsernames, roomOwnFields }),
      budgets.exceeded(callId).then((error): CallOutcome => ({ ok: false, error })),
    ]);
    budgets.answered(callId);
    const held = outcome.held ? { held: outcome.held } : {};
    // One post per call: the result carries what the handler left behind.
    const { timers: t, intervals } = timers.countFor(callId);
    const pending = { timers: t, intervals, requests: requests.pendingFor(callId) };
    post(
      outcome.ok
        ? { v: PROTOCOL_VERSION, type: 'result', callId, ok: true, value: outcome.value, ...held, pending }
        : { v: PROTOCOL_VERSION, type: 'result', callId, ok: false, error: outcome.error, ...held, pending },
    );
    capture.end(callId);
    afterReturn.returned(callId);
  }

  post({ v: PROTOCOL_VERSION, type: 'ready' });

  const fail = (e: unknown): void => complain(`internal error: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);

  return {
    receive(raw) {
      const problem = checkHostMessage(raw);
      if (problem) return complain(`ignored a malformed message: ${problem}`);
      const msg = raw as HostToRuntime;
      switch (msg.type) {
        case 'load':
          onLoad(msg).catch(fail);
          return;
        case 'call':
          onCall(msg).catch(fail);
          return;
        case 'ping':
          // Answered from the message handler itself: a pong proves the event loop is free.
          post({ v: PROTOCOL_VERSION, type: 'pong', seq: msg.seq });
          return;
        case 'response':
          if (!requests.handleResponse(msg)) complain(`ignored a response to unknown request ${msg.reqId}`);
          else afterReturn.poke();
          return;
      }
    },
    reportUncaught(error) {
      post({ v: PROTOCOL_VERSION, type: 'log', callId: ctx.current, level: 'error', source: 'console', args: [{ t: 'str', v: 'Uncaught' }, toPreview(error)] });
    },
    dispose() {
      restoreConsole();
      timers.uninstall();
    },
  };
}
