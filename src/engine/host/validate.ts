/** Checks the host makes before any event fires (spec section 7). */
import type { WorldStore } from '../world/store.ts';
import type { WorldRoom, WorldUser } from '../world/types.ts';
import { HOST_ERRORS, HostFailure } from './errors.ts';

/** RC's default `UTF8_Channel_Names_Validation`. */
const NAME_RE = /^[0-9a-zA-Z-_.]+$/;

export function fail(error: ReturnType<(typeof HOST_ERRORS)[keyof typeof HOST_ERRORS]>): never {
  throw new HostFailure(error);
}

export function requireUser(world: WorldStore, username: string | undefined): WorldUser {
  const user = username === undefined ? undefined : (world.userByUsername(username) ?? world.userById(username));
  return user ?? fail(HOST_ERRORS.invalidUser());
}

export function requireRoom(world: WorldStore, idOrName: string): WorldRoom {
  return world.findRoom(idOrName) ?? fail(HOST_ERRORS.invalidRoom());
}

export function validateRoomName(world: WorldStore, name: string): void {
  if (!name || !NAME_RE.test(name)) fail(HOST_ERRORS.invalidName(name));
  if (world.roomByName(name)) fail(HOST_ERRORS.duplicateName(name));
}

export function resolveMembers(world: WorldStore, usernames: string[]): WorldUser[] {
  const missing = usernames.filter((u) => !world.userByUsername(u));
  if (missing.length > 0) fail(HOST_ERRORS.invalidMembers(missing));
  return usernames.map((u) => world.userByUsername(u) as WorldUser);
}

export const isAdmin = (user: WorldUser) => user.roles.includes('admin');
export const isOwner = (room: WorldRoom, user: WorldUser) => room.ownerIds.includes(user.id);

/** The last owner cannot leave or be removed (RC leaveRoom / removeUserFromRoom). */
export function checkNotLastOwner(room: WorldRoom, user: WorldUser): void {
  if (isOwner(room, user) && room.ownerIds.length === 1) fail(HOST_ERRORS.lastOwner());
}
