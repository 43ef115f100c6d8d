/** Spec §7.1: the permission table as data (RC permissions.ts defaults, world overrides, room roles). */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PERMISSIONS, hasPermission, permissionTable, rolesOf } from './permissions.ts';
import type { WorldRoom, WorldUser } from './types.ts';

const u = (id: string, roles: string[]): WorldUser => ({ id, username: id, name: id, roles, type: 'user', createdAt: new Date(0) });
const room: WorldRoom = {
  id: 'r',
  slugifiedName: 'r',
  type: 'c',
  creatorId: 'o',
  memberIds: ['o', 'm', 'x'],
  ownerIds: ['o', 'gone'],
  moderatorIds: ['m'],
  isDefault: false,
  isReadOnly: false,
  displaySystemMessages: true,
  messageCount: 0,
  createdAt: new Date(0),
  updatedAt: new Date(0),
};

describe('permissions (§7.1)', () => {
  it('(§7.1) RC defaults: a guest lacks create-c, view-c-room and leave-c; remove-user is admin, owner, moderator', () => {
    const guest = u('g', ['guest']);
    expect(['create-c', 'view-c-room', 'leave-c'].map((p) => hasPermission({}, guest, p))).toEqual([false, false, false]);
    expect(DEFAULT_PERMISSIONS['remove-user']).toEqual(['admin', 'owner', 'moderator']);
    expect(DEFAULT_PERMISSIONS['add-user-to-any-p-room']).toEqual([]);
  });

  it('(§7.1) room roles count only with the room as scope, and only for members', () => {
    expect(rolesOf(u('m', ['user']), room)).toEqual(['user', 'moderator']);
    expect(hasPermission({}, u('m', ['user']), 'remove-user')).toBe(false);
    expect(hasPermission({}, u('m', ['user']), 'remove-user', room)).toBe(true);
    expect(rolesOf(u('gone', ['user']), room)).toEqual(['user']);
  });

  it('(§7.1) the world overrides a permission; the others keep their defaults', () => {
    const world = { permissions: { 'create-c': ['guest'] } };
    expect(hasPermission(world, u('g', ['guest']), 'create-c')).toBe(true);
    expect(hasPermission(world, u('b', ['user']), 'create-c')).toBe(false);
    expect(permissionTable(world)['create-p']).toEqual(DEFAULT_PERMISSIONS['create-p']);
  });
});
