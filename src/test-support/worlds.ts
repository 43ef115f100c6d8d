/** A small world for tests and demos: four users, one channel. No Node imports (usable in the browser). */
import { emptyWorld, type WorldState, type WorldUser } from '../engine/world/types.ts';

export function user(id: string, username: string, roles: string[] = ['user']): WorldUser {
  return { id, username, name: username[0]?.toUpperCase() + username.slice(1), roles, type: 'user', createdAt: new Date(Date.UTC(2025, 0, 1)) };
}

export function baseWorld(): WorldState {
  const world = emptyWorld();
  world.users.push(user('u-alice', 'alice'), user('u-bob', 'bob'), user('u-gus', 'gus', ['guest']), user('u-root', 'root', ['admin', 'user']));
  world.rooms.push({
    id: 'r-general',
    slugifiedName: 'general',
    displayName: 'general',
    type: 'c',
    creatorId: 'u-alice',
    memberIds: ['u-alice', 'u-bob'],
    ownerIds: ['u-alice'],
    isDefault: true,
    isReadOnly: false,
    displaySystemMessages: true,
    messageCount: 0,
    createdAt: new Date(Date.UTC(2025, 0, 1)),
    updatedAt: new Date(Date.UTC(2025, 0, 1)),
  });
  return world;
}

/** baseWorld where guests may see (and so join) channels: RC's view-c-room roles plus guest (spec §7.1). */
export function guestsSeeChannels(): WorldState {
  const world = baseWorld();
  world.permissions = { 'view-c-room': ['admin', 'user', 'federated-external', 'bot', 'app', 'anonymous', 'guest'] };
  return world;
}
