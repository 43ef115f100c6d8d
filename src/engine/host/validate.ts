/** Checks the host makes before any event fires (spec sections 7, 7.1). */
import { grantedTo, hasPermission, rolesOf } from '../world/permissions.ts';
import type { WorldStore } from '../world/store.ts';
import type { WorldRoom, WorldUser } from '../world/types.ts';
import { HOST_ERRORS, HostFailure, type HostError } from '../errors.ts';

/** RC's default `UTF8_Channel_Names_Validation`. */
const NAME_RE = /^[0-9a-zA-Z-_.]+$/;

export function fail(error: HostError, why?: string): never {
  throw new HostFailure(error, why);
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

/** RC `hasPermission(uid, permission, scope?)` over the world's table (spec §7.1). */
export function can(world: WorldStore, user: WorldUser, permission: string, room?: WorldRoom): boolean {
  return hasPermission(world.data, user, permission, room);
}

/** "bob (roles: guest) lacks leave-c, which admin, user or bot have". */
export function lacks(world: WorldStore, user: WorldUser, permission: string, room?: WorldRoom): string {
  const roles = rolesOf(user, room);
  return `${user.username} (roles: ${roles.length ? roles.join(', ') : 'none'}) lacks \`${permission}\`, granted to ${grantedTo(world.data, permission)}`;
}

/** Refuses with `error` unless the user has the permission. */
export function requirePermission(world: WorldStore, user: WorldUser, permission: string, error: HostError, room?: WorldRoom): void {
  if (!can(world, user, permission, room)) fail(error, lacks(world, user, permission, room));
}

/**
 * RC `canAccessRoom` (server/services/authorization/canAccessRoom.ts) for the rooms hookscope has:
 * a public channel with `view-c-room`; a room the user is in with `view-joined-room` or
 * `view-<type>-room`. Anything else (a private group or DM the user is not in) is not accessible.
 */
export function canAccessRoom(world: WorldStore, room: WorldRoom, user: WorldUser): boolean {
  if (room.type === 'c' && !room.teamId && can(world, user, 'view-c-room')) return true;
  if (world.isMember(room, user.id)) return can(world, user, 'view-joined-room') || can(world, user, `view-${room.type}-room`);
  return false;
}

/** Why `canAccessRoom` said no, in words. */
export function accessDenied(world: WorldStore, room: WorldRoom, user: WorldUser): string {
  if (world.isMember(room, user.id)) return `${user.username} is a member but has neither \`view-joined-room\` nor \`view-${room.type}-room\``;
  if (room.type === 'c') return `${lacks(world, user, 'view-c-room')} (canAccessRoom)`;
  return `${user.username} is not a member of the ${room.type === 'p' ? 'private group' : 'direct message'} (canAccessRoom)`;
}

export const isOwner = (room: WorldRoom, user: WorldUser) => room.ownerIds.includes(user.id);

/** The last owner cannot leave or be removed (RC leaveRoom / removeUserFromRoom). */
export function checkNotLastOwner(room: WorldRoom, user: WorldUser): void {
  if (isOwner(room, user) && room.ownerIds.length === 1) fail(HOST_ERRORS.lastOwner(), `${user.username} is the room's only owner`);
}
