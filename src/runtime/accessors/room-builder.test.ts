import type { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { describe, expect, it } from 'vitest';
import { RoomBuilder } from './room-builder.ts';

const alice = { id: 'u1', username: 'alice' } as IUser;
const room = (): IRoom =>
  ({ id: 'r1', slugifiedName: 'general', type: 'c', creator: alice, usernames: ['alice', 'bob'], customFields: { a: 1 } }) as unknown as IRoom;

describe('RoomBuilder', () => {
  it('holds the room by reference: setters write into it, getRoom returns it', () => {
    const r = room();
    const b = new RoomBuilder(r);
    expect(b.kind).toBe('room');
    b.setDisplayName('Team')
      .setSlugifiedName('not a valid slug!')
      .setType('p' as RoomType)
      .setDefault(true)
      .setReadOnly(true);
    b.setDisplayingOfSystemMessages(false).setCreator({ id: 'u2' } as IUser);
    expect(b.getRoom()).toBe(r);
    expect(r).toMatchObject({
      displayName: 'Team',
      slugifiedName: 'not a valid slug!',
      type: 'p',
      isDefault: true,
      isReadOnly: true,
      displaySystemMessages: false,
      creator: { id: 'u2' },
    });
    expect([b.getDisplayName(), b.getSlugifiedName(), b.getType(), b.getIsDefault(), b.getIsReadOnly()]).toEqual([
      'Team',
      'not a valid slug!',
      'p',
      true,
      true,
    ]);
    expect(b.getDisplayingOfSystemMessages()).toBe(false);
    expect(b.getCreator()).toEqual({ id: 'u2' });
  });

  it('addCustomField overwrites and allows periods; setCustomFields replaces', () => {
    const r = room();
    const b = new RoomBuilder(r);
    b.addCustomField('a', { x: 2 } as object).addCustomField('with.period', { y: 1 } as object);
    expect(r.customFields).toEqual({ a: { x: 2 }, 'with.period': { y: 1 } });
    const r2 = { id: 'r2' } as IRoom;
    new RoomBuilder(r2).addCustomField('k', { v: 1 } as object);
    expect(r2.customFields).toEqual({ k: { v: 1 } });
    b.setCustomFields({ z: { q: 1 } as object });
    expect(b.getCustomFields()).toEqual({ z: { q: 1 } });
    expect(r.customFields).toEqual({ z: { q: 1 } });
  });

  it('setData drops id and holds the given object', () => {
    const b = new RoomBuilder(room());
    const data: Partial<IRoom> = { id: 'other', displayName: 'D', type: 'c' as RoomType };
    b.setData(data);
    expect(b.getRoom()).toBe(data);
    expect('id' in data).toBe(false);
    expect(b.getRoom()).toEqual({ displayName: 'D', type: 'c' });
  });

  it('member list is local and does not touch the room', () => {
    const r = room();
    const b = new RoomBuilder(r);
    expect(b.getUsernames()).toEqual(['alice', 'bob']);
    expect(b.getMembersToBeAddedUsernames()).toEqual([]);
    b.addUsername('carol').addMemberToBeAddedByUsername('dave');
    expect(b.getMembersToBeAddedUsernames()).toEqual(['carol', 'dave']);
    expect(b.getUsernames()).toEqual(['carol', 'dave']);
    b.setMembersToBeAddedByUsernames(['eve']);
    expect(b.getMembersToBeAddedUsernames()).toEqual(['eve']);
    b.setUsernames(['frank']);
    expect(b.getUsernames()).toEqual(['frank']);
    expect(r.usernames).toEqual(['alice', 'bob']);
  });

  it('starts with { customFields: {} } when given nothing; getUserIds reads the room', () => {
    const b = new RoomBuilder();
    expect(b.getRoom()).toEqual({ customFields: {} });
    expect(b.getUsernames()).toEqual([]);
    expect(new RoomBuilder({ userIds: ['u1'] }).getUserIds()).toEqual(['u1']);
  });
});
