/**
 * The four listener loops of spec section 4, each walking the apps of one event in listener order,
 * sequentially (never in parallel).
 */
import type { RoomEvent } from '../events.ts';
import type { InstalledApp } from '../apps/registry.ts';
import { invoke, ListenerAbort, type InvokeResult } from './invoke.ts';
import { openPhase, shouldExecute, skipRest } from './listeners.ts';
import type { ChainValue, EventPayload, PipelineRoom, ReturnedRoom } from './payload.ts';
import type { RunScope } from './scope.ts';

function abortFrom(r: InvokeResult, event: RoomEvent): ListenerAbort | null {
  if (r.view.kind === 'apps-engine' || r.view.kind === 'method-not-found') return new ListenerAbort(r.view.kind, r.view.message, r.call.appId, event);
  return null;
}

/**
 * Ends the phase at an execute call that aborts the loop (an AppsEngineException or method not
 * found, spec §5): the apps after it are marked not reached and the phase ends stopped by it.
 * Returns the abort for the loop to throw (or return), null when the call did not abort.
 */
export function abortPhase(scope: RunScope, event: RoomEvent, apps: InstalledApp[], i: number, r: InvokeResult, summary?: string): ListenerAbort | null {
  const abort = abortFrom(r, event);
  if (!abort) return null;
  skipRest(scope, event, apps, i + 1, 'not-reached');
  const name = (apps[i] as InstalledApp).def.name;
  scope.emit({ type: 'phase-end', event, summary: summary ?? `${name} threw from ${r.call.method}`, stoppedBy: r.call.callId });
  return abort;
}

export const propagates = 'it propagates to the host and stops the loop';

/** Prevent: every app gets the same room; the first truthy execute result stops the loop. */
export async function runPrevent(scope: RunScope, event: RoomEvent, payload: EventPayload): Promise<{ preventedBy: string | null }> {
  const apps = await openPhase(scope, event, true);
  for (const [i, app] of apps.entries()) {
    if (!(await shouldExecute(scope, apps, i, event, payload))) continue;
    const r = await invoke(scope, app, event, 'execute', payload, (res) => {
      if (res.view.kind === 'value')
        return res.view.value ? `returned ${describeTruthy(res.view.value)}: prevented; later apps are not called` : 'returned a falsy value: not prevented';
      if (res.view.kind === 'undefined') return `${failureWords(res.status)}: treated as not prevented, the loop goes on`;
      return `${res.view.kind === 'apps-engine' ? 'AppsEngineException' : 'method not found'}: ${propagates}`;
    });
    const abort = abortPhase(scope, event, apps, i, r);
    if (abort) throw abort;
    if (r.view.kind === 'value' && r.view.value) {
      skipRest(scope, event, apps, i + 1, 'not-reached');
      scope.emit({ type: 'phase-end', event, summary: `${app.def.name} prevented it`, preventedBy: r.call.callId });
      return { preventedBy: app.def.id };
    }
  }
  scope.emit({ type: 'phase-end', event, summary: apps.length ? 'no app prevented it' : 'no app listens' });
  return { preventedBy: null };
}

/**
 * Extend / Modify: each app's return value replaces the room for the next app (check and execute).
 * Nothing returned, a generic error or a timeout makes the room null: later apps get "invalid
 * params" and the chain's result is null (no change applied).
 */
export async function runChain(scope: RunScope, event: RoomEvent, room: PipelineRoom | ReturnedRoom | null): Promise<ReturnedRoom | null> {
  const apps = await openPhase(scope, event, true);
  let current: unknown = room;
  for (const [i, app] of apps.entries()) {
    const payload = chainPayload(current, scope.services.profile().preCreateUsernames);
    if (!(await shouldExecute(scope, apps, i, event, payload))) continue;
    const r = await invoke(scope, app, event, 'execute', payload, (res) => {
      if (res.status === 'invalid-params') return 'the room is null (chain broken earlier): the runtime refused the call';
      if (res.view.kind === 'value') {
        return res.view.value === null
          ? 'returned nothing: the room becomes null, the chain is broken and no Extend/Modify change will be applied'
          : 'returned a room: it replaces the room for the next app';
      }
      if (res.view.kind === 'undefined')
        return `${failureWords(res.status)}: the room becomes null, the chain is broken and no Extend/Modify change will be applied`;
      return `${res.view.kind === 'apps-engine' ? 'AppsEngineException' : 'method not found'}: ${propagates}`;
    });
    const abort = abortPhase(scope, event, apps, i, r);
    if (abort) throw abort;
    current = r.view.kind === 'value' ? r.view.value : null;
  }
  const result = current !== null && typeof current === 'object' ? (current as ReturnedRoom) : null;
  scope.emit({
    type: 'phase-end',
    event,
    summary: result ? 'the chain produced a room' : apps.length ? 'the chain ended with null: nothing will be applied' : 'no app listens',
  });
  return current === undefined ? null : (current as ReturnedRoom | null);
}

/**
 * What the next app of the chain gets: the previous app's value as it is (spec section 4; the real
 * host hands `room` on unchanged). A falsy value (null, nothing, false, 0, '') makes the runtime
 * answer "invalid params" (deno-runtime handlers/listener/handler.ts `if (!param1)`); a truthy
 * non-object crosses as itself: the Room / RoomBuilder over `true` has no fields, and a builder
 * setter on it throws in strict mode, as on the server.
 */
function chainPayload(room: unknown, preCreateUsernames: 'members' | 'empty'): EventPayload {
  if (!room) return { kind: 'room', room: null, usernames: [] };
  if (typeof room !== 'object') return { kind: 'room', room: room as ChainValue, usernames: [] };
  const obj = room as ReturnedRoom;
  const names = obj['_USERNAMES'];
  // Node runtime: a room without an id answers `usernames` with [] (spec §8).
  const hidden = preCreateUsernames === 'empty' && (obj['id'] === undefined || obj['id'] === null || obj['id'] === '');
  const usernames = Array.isArray(names) && !hidden ? names.filter((n): n is string => typeof n === 'string') : [];
  return { kind: 'room', room: obj, usernames };
}

/** Pre join / Pre leave: no return value is read; only an AppsEngineException blocks. */
export async function runPreMembership(scope: RunScope, event: RoomEvent, payload: EventPayload): Promise<void> {
  const apps = await openPhase(scope, event, true);
  for (const [i, app] of apps.entries()) {
    if (!(await shouldExecute(scope, apps, i, event, payload))) continue;
    const r = await invoke(scope, app, event, 'execute', payload, (res) => {
      if (res.view.kind === 'value') {
        return res.view.value === null
          ? 'returned: the host reads no value, the action goes ahead'
          : `returned ${describeTruthy(res.view.value)}, which the host ignores: only throwing an AppsEngineException blocks`;
      }
      if (res.view.kind === 'undefined') return `${failureWords(res.status)}: swallowed, the action goes ahead`;
      return res.view.kind === 'apps-engine' ? `AppsEngineException: blocks the action with its message` : `method not found: ${propagates}`;
    });
    const abort = abortPhase(scope, event, apps, i, r);
    if (abort) throw abort;
  }
  scope.emit({ type: 'phase-end', event, summary: apps.length ? 'no app blocked it' : 'no app listens' });
}

/** Post: sequential, results ignored, generic errors swallowed; an AppsEngineException stops the loop. */
export async function runPost(scope: RunScope, event: RoomEvent, payload: EventPayload, awaited: boolean): Promise<ListenerAbort | null> {
  let apps;
  try {
    apps = await openPhase(scope, event, awaited);
  } catch (abort) {
    if (abort instanceof ListenerAbort) return abort;
    throw abort;
  }
  for (const [i, app] of apps.entries()) {
    try {
      if (!(await shouldExecute(scope, apps, i, event, payload))) continue;
    } catch (abort) {
      if (abort instanceof ListenerAbort) return abort;
      throw abort;
    }
    const r = await invoke(scope, app, event, 'execute', payload, (res) => {
      if (res.view.kind === 'value') return 'done (the host ignores the result)';
      if (res.view.kind === 'undefined') return `${failureWords(res.status)}: swallowed, the next app runs`;
      return `${res.view.kind === 'apps-engine' ? 'AppsEngineException' : 'method not found'}: stops the loop; ${awaited ? 'the caller gets the error after the action is done' : 'an unhandled rejection nobody waits for'}`;
    });
    const abort = abortPhase(scope, event, apps, i, r, `${app.def.name} threw from ${r.call.method}: the loop stopped`);
    if (abort) return abort;
  }
  scope.emit({ type: 'phase-end', event, summary: apps.length ? 'all Post handlers ran' : 'no app listens' });
  return null;
}

export function failureWords(status: string): string {
  switch (status) {
    case 'timed-out':
      return 'timed out';
    case 'stopped':
      return 'stopped by the user (the worker was terminated, as after a timeout)';
    case 'crashed':
      return 'the app runtime failed';
    case 'invalid-params':
      return 'the runtime refused the call (null room)';
    default:
      return 'threw a generic error';
  }
}

function describeTruthy(value: unknown): string {
  if (value === true) return 'true';
  if (typeof value === 'object') return 'an object (truthy)';
  return `${JSON.stringify(value)} (truthy)`;
}
