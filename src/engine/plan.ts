/**
 * The shape of an action's pipeline at the moment it starts: its phases in the host's real order
 * and, for each event, the apps that will be called (and those that will not, and why). Recorded
 * in the `run-start` event so a run can be drawn later without the registry of that time.
 */
import { EVENT_SPECS, type RoomEvent } from './events.ts';
import type { ActionName } from './actions.ts';
import type { AppRegistry, NotEnabled } from './apps/registry.ts';

export type PlanStep =
  | { kind: 'event'; event: RoomEvent; awaited: boolean; listeners: PlanApp[]; ignored: PlanIgnored[] }
  | { kind: 'host'; label: string; what: 'commit' | 'delete' | 'subscribe' | 'remove' };

export interface PlanApp {
  appId: string;
  name: string;
  /** False when the app could not be loaded (its calls will fail). */
  loaded: boolean;
}

export interface PlanIgnored {
  appId: string;
  name: string;
  /**
   * Why this app will not be called although it has something for the event: it has the method
   * but no `implements` entry, the user disabled it, or it is not enabled because its code failed
   * to load or its onEnable returned false or threw (spec 7.2; `detail` says which).
   */
  reason: 'missing-implements' | 'disabled' | 'not-enabled';
  /** For `not-enabled`: why, in plain words ("onEnable returned false", "transpile: ..."). */
  detail?: string;
}

const SHAPES: Record<ActionName, (RoomEvent | { label: string; what: 'commit' | 'delete' | 'subscribe' | 'remove' })[]> = {
  createRoom: ['IPreRoomCreatePrevent', 'IPreRoomCreateExtend', 'IPreRoomCreateModify', { label: 'insert room', what: 'commit' }, 'IPostRoomCreate'],
  deleteRoom: ['IPreRoomDeletePrevent', { label: 'delete room', what: 'delete' }, 'IPostRoomDeleted'],
  joinRoom: ['IPreRoomUserJoined', { label: 'subscribe user', what: 'subscribe' }, 'IPostRoomUserJoined'],
  leaveRoom: ['IPreRoomUserLeave', { label: 'remove user', what: 'remove' }, 'IPostRoomUserLeave'],
};

/** Post create, Post deleted and Post join are fired without the host waiting (spec section 4). */
export const NOT_AWAITED: readonly RoomEvent[] = ['IPostRoomCreate', 'IPostRoomDeleted', 'IPostRoomUserJoined'];

export function planFor(action: ActionName, registry: AppRegistry): PlanStep[] {
  return SHAPES[action].map((step): PlanStep => {
    if (typeof step !== 'string') return { kind: 'host', ...step };
    const listeners = registry.listeners(step).map((app) => ({ appId: app.def.id, name: app.def.name, loaded: app.loadError === null }));
    const execute = EVENT_SPECS[step].execute;
    const ignored: PlanIgnored[] = [];
    for (const app of registry.all()) {
      if (listeners.some((l) => l.appId === app.def.id)) continue;
      const hasMethod = app.methods?.includes(execute) ?? false;
      if (!app.def.enabled && app.implements.includes(step)) ignored.push({ appId: app.def.id, name: app.def.name, reason: 'disabled' });
      else if (app.notEnabled && app.implements.includes(step))
        ignored.push({ appId: app.def.id, name: app.def.name, reason: 'not-enabled', detail: notEnabledDetail(app.notEnabled) });
      else if (app.def.enabled && hasMethod && !app.implements.includes(step))
        ignored.push({ appId: app.def.id, name: app.def.name, reason: 'missing-implements' });
    }
    return { kind: 'event', event: step, awaited: !NOT_AWAITED.includes(step), listeners, ignored };
  });
}

/** "onEnable returned false", "its code failed to load (transpile): ...": why an app is not enabled. */
export function notEnabledDetail(why: NotEnabled): string {
  if (why.phase === 'enable') return why.message;
  if (why.phase === 'install') return `install refused: ${why.message}`;
  return `its code failed to load (${why.phase}): ${why.message}`;
}
