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
  if (paused) {
    scope.emit({ type: 'call-paused', call });
    await paused;
  }
  scope.emit({ type: 'call-start', call, args: args.map(describeArg) });
  const started = services.env.clock.monotonic();
  const timeoutMs = timeoutFor(services.profile(), method, services.timeoutMs());
  const answer = await app.process.call(callId, method, args, timeoutMs);
  const durationMs = Math.max(0, services.env.clock.monotonic() - started);

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
      out = { view: { kind: 'undefined' }, status: 'crashed', error: { code: RPC.internalError, name: 'Error', className: 'RuntimeCrash', message: answer.reason } };
      break;
    case 'error':
      out = classifyError(answer.error);
      break;
  }
  if ((answer.kind === 'ok' || answer.kind === 'error') && answer.held) out.held = { room: decodeWire(answer.held.room), returned: answer.held.returned };
  const end = {
    type: 'call-end' as const,
    call,
    status: out.status,
    durationMs,
    effect: describeEffect(out),
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
      return { view: { kind: 'method-not-found', message: error.message }, status: 'not-found', error };
    case RPC.invalidParams:
      return { view: { kind: 'undefined' }, status: 'invalid-params', error };
    default:
      return { view: { kind: 'undefined' }, status: 'threw', error };
  }
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
