/**
 * Rocket.Chat's permission model, as data (spec §7.1): a permission is granted to roles; a user has
 * global roles (`WorldUser.roles`: admin, user, guest, bot, app...) and, in a room they belong to,
 * room roles (owner, moderator: RC keeps them on the subscription). `hasPermission` checks the
 * union, as RC's Authorization service does (`server/services/authorization/service.ts`, `getRoles`:
 * the user's roles plus the subscription's roles for the scope room).
 *
 * The defaults are RC's `apps/meteor/app/authorization/server/constant/permissions.ts` for every
 * permission a host flow checks. A world may override any of them (`WorldState.permissions`); the
 * flows never test a role name themselves.
 */
import type { WorldRoom, WorldState, WorldUser } from './types.ts';

/** RC `permissions.ts` defaults (the permissions the room flows check). */
export const DEFAULT_PERMISSIONS: Readonly<Record<string, readonly string[]>> = {
  'create-c': ['admin', 'user', 'federated-external', 'bot', 'app'],
  'create-p': ['admin', 'user', 'federated-external', 'bot', 'app'],
  'create-d': ['admin', 'user', 'federated-external', 'bot', 'app'],
  'view-c-room': ['admin', 'user', 'federated-external', 'bot', 'app', 'anonymous'],
  'view-p-room': ['admin', 'user', 'federated-external', 'anonymous', 'guest'],
  'view-d-room': ['admin', 'user', 'federated-external', 'bot', 'app', 'guest'],
  'view-joined-room': ['guest', 'bot', 'app', 'anonymous'],
  'leave-c': ['admin', 'user', 'federated-external', 'bot', 'anonymous', 'app'],
  'leave-p': ['admin', 'user', 'federated-external', 'bot', 'anonymous', 'app'],
  'add-user-to-joined-room': ['admin', 'owner', 'moderator'],
  'add-user-to-any-c-room': ['admin'],
  'add-user-to-any-p-room': [],
  'remove-user': ['admin', 'owner', 'moderator'],
  'kick-user-from-any-c-room': ['admin'],
  'kick-user-from-any-p-room': [],
  'delete-c': ['admin', 'owner'],
  'delete-p': ['admin', 'owner'],
  'delete-d': ['admin'],
  'post-readonly': ['admin', 'owner', 'moderator'],
};

/** What each permission decides in the room flows, for the World panel. */
export const PERMISSION_USES: Readonly<Record<string, string>> = {
  'create-c': 'create a channel',
  'create-p': 'create a private group',
  'create-d': 'open a new direct message',
  'view-c-room': 'see (and so join) a public channel',
  'view-p-room': 'see a private group you are in',
  'view-d-room': 'see a direct message you are in (and reopen one without create-d)',
  'view-joined-room': 'see any room you are in',
  'leave-c': 'leave a channel',
  'leave-p': 'leave a private group',
  'add-user-to-joined-room': 'add users to a room you are in',
  'add-user-to-any-c-room': 'add users to any channel',
  'add-user-to-any-p-room': 'add users to any private group',
  'remove-user': 'remove (kick) users from a room',
  'kick-user-from-any-c-room': 'kick from any channel, member or not (skips the membership check)',
  'kick-user-from-any-p-room': 'kick from any private group, member or not',
  'delete-c': 'delete a channel',
  'delete-p': 'delete a private group',
  'delete-d': 'delete a direct message',
  'post-readonly': "post in a read-only room (users and apps' bots alike)",
};

/** The room roles (RC subscription roles). */
export const ROOM_ROLES = ['owner', 'moderator'] as const;
export type RoomRole = (typeof ROOM_ROLES)[number];

/** The effective table: the world's overrides over the defaults. */
export function permissionTable(world: Pick<WorldState, 'permissions'>): Record<string, string[]> {
  const table: Record<string, string[]> = Object.create(null) as Record<string, string[]>;
  for (const [id, roles] of Object.entries(DEFAULT_PERMISSIONS)) table[id] = [...roles];
  for (const [id, roles] of Object.entries(world.permissions ?? {})) if (Array.isArray(roles)) table[id] = [...roles];
  return table;
}

/** The user's room roles in `room` (only a member has a subscription, so only a member has them). */
export function roomRolesOf(room: WorldRoom, userId: string): RoomRole[] {
  if (!room.memberIds.includes(userId)) return [];
  const roles: RoomRole[] = [];
  if (room.ownerIds.includes(userId)) roles.push('owner');
  if ((room.moderatorIds ?? []).includes(userId)) roles.push('moderator');
  return roles;
}

/** RC `getRoles(uid, scope)`: global roles, plus the room roles when a scope room is given. */
export function rolesOf(user: WorldUser, room?: WorldRoom): string[] {
  return [...user.roles, ...(room ? roomRolesOf(room, user.id) : [])];
}

/** RC `hasPermission(uid, permission, scope?)`: one of the user's roles is granted the permission. */
export function hasPermission(world: Pick<WorldState, 'permissions'>, user: WorldUser, permission: string, room?: WorldRoom): boolean {
  const granted = world.permissions?.[permission] ?? DEFAULT_PERMISSIONS[permission] ?? [];
  return rolesOf(user, room).some((r) => granted.includes(r));
}

/** The roles that hold `permission`, in words: "admin, owner or moderator" (for refusal summaries). */
export function grantedTo(world: Pick<WorldState, 'permissions'>, permission: string): string {
  const roles = world.permissions?.[permission] ?? DEFAULT_PERMISSIONS[permission] ?? [];
  if (roles.length === 0) return 'no role';
  return roles.length === 1 ? roles[0]! : `${roles.slice(0, -1).join(', ')} or ${roles[roles.length - 1]}`;
}
