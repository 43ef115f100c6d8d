/**
 * What happens when an app changes rooms through `modify` (RC `bridges/rooms.ts`):
 * - creating a room goes through createRoom: every room event fires, for every app;
 * - the updater's members are added with addUserToRoom without an inviter: join events fire;
 * - removeUsersFromRoom calls the removeUserFromRoom function: both leave events fire (even for
 *   a user who is not a member), without removedBy;
 * - deleteRoom deletes directly: no event fires.
 * Each flow that fires events is recorded as its own run, started by the app.
 */
import type { AppInitiatedActions, AppRoomRequest } from '../bridges/types.ts';
import { BridgeError } from '../bridges/types.ts';
import { toAppRoom } from '../world/convert.ts';
import type { WorldStore } from '../world/store.ts';
import type { WorldRoom } from '../world/types.ts';
import type { ActionInput } from '../actions.ts';
import { addUserToRoom, removeUserFromRoom } from './membership.ts';
import type { HostRun, RunResult } from './run-context.ts';

export interface AppRunStarter {
  /** Start a run on behalf of an app (a nested run) and perform `body` in it. */
  startAppRun(appId: string, action: ActionInput, body: (run: HostRun) => Promise<RunResult>): Promise<RunResult>;
  commitOutsideRun(appId: string, what: 'room-deleted' | 'room-updated', room: WorldRoom, before: unknown): void;
  world(): WorldStore;
  now(): number;
  performAction(run: HostRun, action: ActionInput): Promise<RunResult>;
}

function raise(result: RunResult): void {
  if (result.outcome !== 'completed' && result.error) throw new BridgeError(`${result.error.code}: ${result.error.message}`);
}

export function appInitiatedActions(host: AppRunStarter): AppInitiatedActions {
  return {
    async createRoom(appId: string, request: AppRoomRequest): Promise<WorldRoom> {
      const world = host.world();
      const creator = world.userById(request.creatorId);
      if (!creator) throw new BridgeError('Invalid creator assigned to the room.');
      const action: ActionInput = {
        action: 'createRoom',
        name: request.slugifiedName ?? '',
        type: request.type,
        creator: creator.username,
        members: request.memberUsernames,
        ...(request.isReadOnly !== undefined ? { readOnly: request.isReadOnly } : {}),
        ...(request.displayName !== undefined ? { displayName: request.displayName } : {}),
        ...(request.customFields !== undefined ? { customFields: request.customFields } : {}),
        ...(request.description !== undefined ? { description: request.description } : {}),
      };
      const result = await host.startAppRun(appId, action, (run) => host.performAction(run, action));
      raise(result);
      const room = result.roomId ? world.roomById(result.roomId) : undefined;
      if (!room) throw new BridgeError('the room was not created');
      return room;
    },

    async updateRoom(appId, roomId, patch, addUsernames) {
      const world = host.world();
      const room = world.roomById(roomId);
      if (!room) throw new BridgeError('Room id not found');
      const before = toAppRoom(world, room);
      const { id: _id, memberIds: _m, ownerIds: _o, ...fields } = patch;
      world.updateRoom(roomId, { ...fields, updatedAt: new Date(host.now()) });
      host.commitOutsideRun(appId, 'room-updated', room, before);
      for (const username of addUsernames) {
        const user = world.userByUsername(username);
        if (!user) continue; // RC skips unknown usernames silently
        const action: ActionInput = { action: 'joinRoom', room: roomId, user: username };
        const result = await host.startAppRun(appId, action, (run) => addUserToRoom(run, world.roomById(roomId) as WorldRoom, user, undefined));
        raise(result);
      }
    },

    async deleteRoom(appId, roomId) {
      const world = host.world();
      const room = world.roomById(roomId);
      if (!room) return;
      const before = toAppRoom(world, room);
      world.deleteRoom(roomId);
      host.commitOutsideRun(appId, 'room-deleted', room, before);
    },

    async removeUsersFromRoom(appId, roomId, usernames) {
      const world = host.world();
      if (!roomId) throw new BridgeError('roomId was not provided.');
      for (const username of usernames) {
        const user = world.userByUsername(username);
        const room = world.roomById(roomId);
        if (!user || !room) continue; // RC: unknown users are not found; a missing room returns silently
        const action: ActionInput = { action: 'leaveRoom', room: roomId, user: username };
        const result = await host.startAppRun(appId, action, (run) => removeUserFromRoom(run, room, user, undefined));
        raise(result);
      }
    },
  };
}
