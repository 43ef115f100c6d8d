/** Test fixtures for the bridge tests: a small world, a fake host, a fake scheduler. */
import { fixedClock, sequentialIds, type Scheduler } from '../env.ts';
import { WorldStore } from '../world/store.ts';
import { emptyWorld, type WorldRoom, type WorldState, type WorldUser } from '../world/types.ts';
import type { AppInitiatedActions, AppRoomRequest, BridgeContext, InstalledAppInfo } from './types.ts';

export const T0 = new Date(Date.UTC(2026, 0, 1));
export const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

export function user(id: string, username: string, extra: Partial<WorldUser> = {}): WorldUser {
  return { id, username, name: username.toUpperCase(), roles: ['user'], type: 'user', createdAt: T0, ...extra };
}

export function room(id: string, name: string, extra: Partial<WorldRoom> = {}): WorldRoom {
  return {
    id,
    slugifiedName: name,
    type: 'c',
    creatorId: 'u-alice',
    memberIds: ['u-alice'],
    ownerIds: ['u-alice'],
    isDefault: false,
    isReadOnly: false,
    displaySystemMessages: true,
    messageCount: 0,
    createdAt: T0,
    updatedAt: T0,
    ...extra,
  };
}

export function smallWorld(): WorldState {
  const w = emptyWorld();
  w.users.push(user('u-alice', 'alice'), user('u-bob', 'bob'), user('u-carol', 'carol'));
  w.rooms.push(
    room('r-general', 'general', { memberIds: ['u-alice', 'u-bob'], ownerIds: ['u-alice'] }),
    room('r-secret', 'secret', { type: 'p', memberIds: ['u-alice'], creatorId: 'u-alice' }),
    room('r-dm-ab', 'alicebob', { type: 'd', memberIds: ['u-alice', 'u-bob'], ownerIds: [] }),
  );
  return w;
}

export interface FakeScheduler extends Scheduler {
  pending: { fn: () => void; ms: number }[];
  /** Runs every timer scheduled so far. */
  flush(): void;
}

export function fakeScheduler(): FakeScheduler {
  const pending: { fn: () => void; ms: number }[] = [];
  return {
    pending,
    setTimeout: (fn, ms) => {
      pending.push({ fn, ms });
      return pending.length;
    },
    clearTimeout: () => undefined,
    flush: () => {
      for (const t of pending.splice(0)) t.fn();
    },
  };
}

export interface FakeActions extends AppInitiatedActions {
  calls: { action: string; args: unknown[] }[];
}

export function fakeActions(world: WorldStore): FakeActions {
  const calls: { action: string; args: unknown[] }[] = [];
  return {
    calls,
    createRoom: async (appId: string, request: AppRoomRequest) => {
      calls.push({ action: 'createRoom', args: [appId, request] });
      const created = room(`r-new-${calls.length}`, request.slugifiedName ?? 'dm', { type: request.type, creatorId: request.creatorId });
      world.insertRoom(created);
      return created;
    },
    updateRoom: async (...args) => {
      calls.push({ action: 'updateRoom', args });
    },
    deleteRoom: async (...args) => {
      calls.push({ action: 'deleteRoom', args });
    },
    removeUsersFromRoom: async (...args) => {
      calls.push({ action: 'removeUsersFromRoom', args });
    },
  };
}

export const APPS: Record<string, InstalledAppInfo> = {
  'app-1': { id: 'app-1', name: 'Welcome Bot', nameSlug: 'welcome-bot' },
  'app-2': { id: 'app-2', name: 'Other', nameSlug: 'other' },
};

export interface TestCtx extends BridgeContext {
  actions: FakeActions;
  scheduler: FakeScheduler;
}

export function makeCtx(state: WorldState = smallWorld(), appId = 'app-1'): TestCtx {
  const world = new WorldStore(state);
  const scheduler = fakeScheduler();
  return {
    appId,
    callId: 'call-1',
    world,
    env: { clock: fixedClock(T0.getTime()), ids: sequentialIds(), scheduler },
    app: (id) => APPS[id],
    actions: fakeActions(world),
    scheduler,
  };
}
