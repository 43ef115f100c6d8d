/**
 * Extend / Modify under the legacy profile (`chain: 'in-place'`, Apps-Engine <= 1.42, spec section
 * 8), after AE `AppListenerManager.executePreRoomCreateExtend` / `executePreRoomCreateModify`:
 * - every app's check and execute get the room as it was when the phase started, frozen (the
 *   runtime freezes it: `freezeInputs`);
 * - Extend: every extender is constructed over the host's own object and changes it in place; the
 *   return value is ignored;
 * - Modify: the builder wraps the previous app's RESULT (the first app: the host's object). A
 *   result that is the builder's own room keeps the next builder on the same object; any other
 *   result (a copy, nothing, an error) detaches it, so later builder changes no longer reach the
 *   host;
 * - there is no chain to break: the phase returns the host's object as the apps left it.
 * In-place changes cross the process boundary as the `held` room the runtime reports after each
 * call that got an extender/builder.
 */
import type { RoomEvent } from '../events.ts';
import { invoke, type InvokeResult } from './invoke.ts';
import { openPhase, shouldExecute } from './listeners.ts';
import { abortPhase, failureWords, propagates } from './loops.ts';
import type { EventPayload, PipelineRoom, ReturnedRoom } from './payload.ts';
import type { RunScope } from './scope.ts';

/** The legacy chain works on the host's object itself (mutated in place), or a detached copy. */
type Room = ReturnedRoom;

/** What the next extender/builder wraps: the host's object, or a value detached from it (Modify). */
type Target = { onHost: true } | { onHost: false; room: Room | null };

export async function runChainInPlace(scope: RunScope, event: RoomEvent, input: PipelineRoom | ReturnedRoom): Promise<Room> {
  // The legacy host hands its own object around and apps write any field onto it: from here on it is an open record.
  const data = input as Room;
  const apps = await openPhase(scope, event, true);
  const extend = event === 'IPreRoomCreateExtend';
  const usernames = usernamesOf(data);
  let host = data;
  let target: Target = { onHost: true };

  for (const [i, app] of apps.entries()) {
    const payload: EventPayload = { kind: 'room', room: data, usernames, wraps: target.onHost ? host : target.room };
    if (!(await shouldExecute(scope, apps, i, event, payload))) continue;
    const before = target;
    const r = await invoke(scope, app, event, 'execute', payload, (res) => (extend ? extendEffect(res) : modifyEffect(res, before.onHost)));
    const abort = abortPhase(scope, event, apps, i, r);
    if (abort) throw abort;
    const held = r.held && isRoom(r.held.room) ? r.held.room : null;
    if (held && target.onHost) host = held;
    else if (held) target = { onHost: false, room: held };
    if (!extend) target = nextBuilderTarget(r, target);
  }

  const changed = JSON.stringify(host) !== JSON.stringify(data);
  scope.emit({
    type: 'phase-end',
    event,
    summary: !apps.length ? 'no app listens' : changed ? "the host's room was changed in place" : "no change reached the host's room",
  });
  return host;
}

/** Modify: the next builder wraps this app's result; only the builder's own room keeps the target. */
function nextBuilderTarget(r: InvokeResult, current: Target): Target {
  if (r.view.kind === 'value' && r.held?.returned) return current;
  const value = r.view.kind === 'value' ? r.view.value : null;
  return { onHost: false, room: isRoom(value) ? value : null };
}

function extendEffect(res: Omit<InvokeResult, 'call'>): string {
  if (res.view.kind === 'value') return "legacy: the return value is ignored; the extender changed the host's room in place";
  if (res.view.kind === 'undefined') {
    return res.status === 'threw'
      ? "threw a generic error: swallowed; what the extender changed before the error stays on the host's room"
      : `${failureWords(res.status)}: swallowed, the next app runs (in-place changes of this call are not reported back)`;
  }
  return `${res.view.kind === 'apps-engine' ? 'AppsEngineException' : 'method not found'}: ${propagates}`;
}

function modifyEffect(res: Omit<InvokeResult, 'call'>, onHost: boolean): string {
  const where = onHost ? "the builder changed the host's room in place" : 'the builder wrapped a detached room: its changes do not reach the host';
  if (res.view.kind === 'value') {
    if (res.held?.returned) return `returned the builder's room: ${where}; the next builder wraps the same object`;
    return `${where}; it returned ${res.view.value === null ? 'nothing' : 'another object'}, which the next builder wraps (detached from the host's room)`;
  }
  if (res.view.kind === 'undefined')
    return `${failureWords(res.status)}: swallowed; ${where} (as far as reported); the next builder wraps undefined (detached)`;
  return `${res.view.kind === 'apps-engine' ? 'AppsEngineException' : 'method not found'}: ${propagates}`;
}

function isRoom(value: unknown): value is Room {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function usernamesOf(room: Room): string[] {
  const names = room['_USERNAMES'];
  return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
}
