/**
 * The shape of an action's pipeline at the moment it starts: its phases in the host's real order
 * and, for each event, the apps that will be called (and those that will not, and why). Recorded
 * in the `run-start` event so a run can be drawn later without the registry of that time.
 */
import { EVENT_SPECS, type RoomEvent } from './events.ts';
import type { ActionName } from './host/actions.ts';
import type { AppRegistry } from './apps/registry.ts';

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
  /** Why this enabled app will not be called although it has something for the event. */
  reason: 'missing-implements' | 'disabled';
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
      if (app.def.enabled && hasMethod && !app.implements.includes(step)) ignored.push({ appId: app.def.id, name: app.def.name, reason: 'missing-implements' });
      else if (!app.def.enabled && app.implements.includes(step)) ignored.push({ appId: app.def.id, name: app.def.name, reason: 'disabled' });
    }
    return { kind: 'event', event: step, awaited: !NOT_AWAITED.includes(step), listeners, ignored };
  });
}
