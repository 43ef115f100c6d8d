/**
 * One listener call (check or execute) as the host sees it (RC `ProxiedApp.call`, spec section 5):
 * an AppsEngineException (-32070) and "method not found" (-32601) are rethrown; every other
 * error, and a timeout, is swallowed and the call resolves to undefined.
 */
import { RPC, type WireError } from '../../protocol/runtime-protocol.ts';
import { decodeWire } from '../../protocol/wire.ts';
import { EVENT_SPECS, type RoomEvent } from '../events.ts';
import { timeoutFor } from '../profiles.ts';
import type { CallRef, CallStatus } from '../trace.ts';
import type { InstalledApp } from '../apps/registry.ts';
import { buildArgs, type EventPayload } from './payload.ts';
import type { RunScope } from './scope.ts';

/** What the listener loop gets back. */
export type HostView =
  | { kind: 'value'; value: unknown }
  /** The call resolved to undefined on the host: generic error, timeout, crash, invalid params. */
  | { kind: 'undefined' }
  | { kind: 'apps-engine'; message: string }
  | { kind: 'method-not-found'; message: string };

export interface InvokeResult {
  view: HostView;
  status: CallStatus;
  call: CallRef;
  error?: WireError;
  /**
   * An AppsEngineException without a message (spec §4, §5): 'no-reply' = the runtime could not
   * answer, the host waited for the timeout; 'blocks' = it reached the host with an empty message.
   */
  messageless?: 'no-reply' | 'blocks';
  /** The room the call's extender/builder wrapped, as the call left it (legacy in-place chain). */
  held?: { room: unknown; returned: boolean };
}

/** `effect` strings for the trace are decided by the loops; this records the raw call. */
export async function invoke(
  scope: RunScope,
  app: InstalledApp,
  event: RoomEvent,
  role: 'check' | 'execute',
  payload: EventPayload,
  describeEffect: (r: Omit<InvokeResult, 'call'>) => string,
): Promise<InvokeResult> {
  const spec = EVENT_SPECS[event];
  const method = role === 'check' ? (spec.check as string) : spec.execute;
  const { services } = scope;
  const callId = scope.nextCallId();
  const call: CallRef = { callId, appId: app.def.id, event, method, role };
  services.registerCall(callId, scope.runId, app.def.id);
  const args = buildArgs(spec, role, payload, services.profile());
  const paused = services.beforeCall(call);
  const described = args.map(describeArg);
  if (paused) {
    scope.emit({ type: 'call-paused', call, args: described });
    await paused;
  }
  scope.emit({ type: 'call-start', call, args: described });
  // Cold start (worker start, compile, construct, enable) is timed apart from the call itself.
  const loadStarted = services.env.clock.monotonic();
  await app.process.whenReady();
  const loadMs = services.env.clock.monotonic() - loadStarted;
  const firstCall = app.process.fresh;
  const started = services.env.clock.monotonic();
  const timeoutMs = timeoutFor(services.profile(), method, services.timeoutMs());
  const answer = await app.process.call(callId, method, args, timeoutMs);
  let out: Omit<InvokeResult, 'call'>;
  switch (answer.kind) {
    case 'ok':
      out = { view: { kind: 'value', value: decodeWire(answer.value) }, status: 'returned' };
      break;
    case 'timeout':
      out = { view: { kind: 'undefined' }, status: 'timed-out' };
      break;
    case 'stopped':
      out = { view: { kind: 'undefined' }, status: 'stopped' };
      break;
    case 'crashed':
      out = {
        view: { kind: 'undefined' },
        status: 'crashed',
        error: { code: RPC.internalError, name: 'Error', className: 'RuntimeCrash', message: answer.reason },
      };
      break;
    case 'error':
      out = classifyError(answer.error);
      if (out.view.kind === 'apps-engine' && answer.error.messageMissing) {
        if (services.profile().messagelessException === 'no-reply') {
          // The runtime cannot send this error back (jsonrpc-lite refuses a message that is not a
          // string, inside a request handler nobody awaits): the host hears nothing and waits.
          // Stop ends the wait (the user gave up waiting): the host goes on as after the timeout.
          const how = await services.hang(timeoutMs - (services.env.clock.monotonic() - started));
          out = { view: { kind: 'undefined' }, status: how === 'stopped' ? 'stopped' : 'timed-out', error: answer.error, messageless: 'no-reply' };
        } else {
          out.messageless = 'blocks';
        }
      }
      break;
  }
  const durationMs = Math.max(0, services.env.clock.monotonic() - started);
  if ((answer.kind === 'ok' || answer.kind === 'error') && answer.held) out.held = { room: decodeWire(answer.held.room), returned: answer.held.returned };
  const end = {
    type: 'call-end' as const,
    call,
    status: out.status,
    durationMs,
    ...(loadMs >= 1 ? { loadMs } : {}),
    ...(firstCall ? { firstCall: true as const } : {}),
    // A stopped hang goes on exactly as the timeout would have: describe it with the timeout's words.
    effect: explain(out, timeoutMs, describeEffect(out.messageless === 'no-reply' ? { ...out, status: 'timed-out' } : out)),
    ...(out.view.kind === 'value' ? { result: out.view.value } : {}),
    ...(out.error ? { error: out.error } : {}),
  };
  scope.emit(end);
  return { ...out, call };
}

function classifyError(error: WireError): Omit<InvokeResult, 'call'> {
  switch (error.code) {
    case RPC.appsEngineException:
      return { view: { kind: 'apps-engine', message: error.message }, status: 'threw-apps-engine', error };
    case RPC.methodNotFound:
      // RC ProxiedApp rethrows the JSON-RPC error itself: its message is the standard
      // "Method not found"; the runtime's own text is only in its data (spec §5, real engine 1.62).
      return { view: { kind: 'method-not-found', message: 'Method not found' }, status: 'not-found', error };
    case RPC.invalidParams:
      return { view: { kind: 'undefined' }, status: 'invalid-params', error };
    default:
      return { view: { kind: 'undefined' }, status: 'threw', error };
  }
}

const MS = (n: number) => `${n.toLocaleString('en-US').replace(/,/g, ' ')} ms`;

/** The words a user needs on the graph for the two real-engine facts of spec §4 / §5. */
function explain(out: Omit<InvokeResult, 'call'>, timeoutMs: number, effect: string): string {
  if (out.messageless === 'no-reply' && out.status === 'stopped') {
    return `this AppsEngineException has no message: Rocket.Chat cannot send it back, so the call hangs until the timeout (${MS(timeoutMs)}); Stop ended the wait as if the timeout had come: ${effect}`;
  }
  if (out.messageless === 'no-reply') {
    return `this AppsEngineException has no message: Rocket.Chat cannot send it back, so the call hangs until the timeout (${MS(timeoutMs)}); then ${effect}`;
  }
  if (out.messageless === 'blocks') return `${effect} (this exception has no message: the host gets an empty one)`;
  if (out.status === 'not-found') {
    return `${effect}; the caller sees "Method not found" (the interface is in \`implements\` but the class has no such method; the runtime's text "${out.error?.message ?? ''}" stays in the error's data)`;
  }
  return effect;
}

/** A readable snapshot of what a call received (accessors by name). */
function describeArg(arg: ReturnType<typeof buildArgs>[number]): unknown {
  switch (arg.kind) {
    case 'room':
      return arg.wrap ? { room: decodeWire(arg.room), usernames: arg.usernames } : decodeWire(arg.room);
    case 'context':
      return decodeWire(arg.context);
    case 'extender':
      return { IRoomExtender: decodeWire(arg.room) };
    case 'builder':
      return { IRoomBuilder: decodeWire(arg.room) };
    case 'accessor':
      return `<${arg.name}>`;
    case 'value':
      return decodeWire(arg.value);
  }
}

/** Thrown out of a listener loop when an error propagates to the host (spec section 5). */
export class ListenerAbort extends Error {
  constructor(
    readonly kind: 'apps-engine' | 'method-not-found' | 'essential-app-disabled',
    message: string,
    readonly appId: string | null,
    readonly event: RoomEvent,
  ) {
    super(message);
  }
}
