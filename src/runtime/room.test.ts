import { describe, expect, it } from 'vitest';
import { Room, unwrapRooms } from './room.ts';
import { RoomExtender } from './room-extender.ts';

describe('Room', () => {
  const plain = { id: 'r1', slugifiedName: 'gen', type: 'c', customFields: { a: 1 }, description: 'kept' };

  it('copies the room, exposes usernames from _USERNAMES, ignores assignments to usernames', async () => {
    const room = new Room(plain, ['alice']);
    expect(room.usernames).toEqual(['alice']);
    expect(await room.getUsernames()).toEqual(['alice']);
    room.usernames = ['mallory'];
    expect(room.usernames).toEqual(['alice']);
    expect((room as unknown as Record<string, unknown>)['description']).toBe('kept');
    expect(room.customFields).toBe(plain.customFields);
  });

  it('toJSON is the IRoom value subset, without _USERNAMES', () => {
    const json = JSON.parse(JSON.stringify(new Room(plain, ['alice']))) as Record<string, unknown>;
    expect(json).toEqual({ id: 'r1', slugifiedName: 'gen', type: 'c', customFields: { a: 1 } });
  });

  it('(spec §8 node) promise mode: usernames is a Promise, [] without an id, the members with one; never sent back', async () => {
    const created = new Room({ ...plain, id: undefined, _USERNAMES: ['alice'] }, ['alice'], 'promise');
    expect(created.usernames).toBeInstanceOf(Promise);
    expect(await created.usernames).toEqual([]);
    const joined = new Room(plain, ['alice', 'bob'], 'promise');
    const first = joined.usernames;
    expect(first).toBeInstanceOf(Promise);
    expect(joined.usernames).toBe(first); // cached in _USERNAMES, as RC does
    expect(await first).toEqual(['alice', 'bob']);
    expect(await new Room(plain, ['carol'], 'promise').getUsernames()).toEqual(['carol']);
    // what the host sent is not stored on the room: a returned room does not carry it back
    const fresh = unwrapRooms(new Room(plain, ['alice'], 'promise')) as Record<string, unknown>;
    expect(fresh['_USERNAMES']).toBeUndefined();
    expect(JSON.stringify(fresh)).not.toContain('alice');
  });

  it('unwrapRooms: a Room becomes its own fields; values without rooms keep identity', () => {
    const room = new Room(plain, ['alice']);
    const out = unwrapRooms({ room, n: 1 }) as { room: Record<string, unknown> };
    expect(out.room).not.toBeInstanceOf(Room);
    expect(out.room['description']).toBe('kept');
    expect(out.room['_USERNAMES']).toEqual(['alice']);
    const cyc: Record<string, unknown> = {};
    cyc['self'] = cyc;
    expect(unwrapRooms(cyc)).toBe(cyc);
  });
});

describe('RoomExtender', () => {
  it('adds custom fields, creating customFields, refusing existing keys and periods', () => {
    const raw: Record<string, unknown> = { id: 'r' };
    const ext = new RoomExtender(raw as never);
    expect(ext.kind).toBe('room');
    ext.addCustomField('a', 1);
    expect(raw['customFields']).toEqual({ a: 1 });
    expect(() => ext.addCustomField('a', 2)).toThrow(new Error('The room already contains a custom field by the key: a'));
    expect(() => ext.addCustomField('x.y', 2)).toThrow(new Error('The given key contains a period, which is not allowed. Key: x.y'));
    // falsy existing values may be overwritten (the check is truthiness, as in RC)
    ext.addCustomField('z', 0);
    ext.addCustomField('z', 5);
    expect(raw['customFields']).toEqual({ a: 1, z: 5 });
  });

  it('addMember keeps a local list only and refuses duplicates; getRoom is a deep copy', () => {
    const raw = { id: 'r', customFields: { a: { deep: 1 } }, createdAt: new Date(5) };
    const ext = new RoomExtender(raw as never);
    ext.addMember({ username: 'bob' } as never);
    expect(() => ext.addMember({ username: 'bob' } as never)).toThrow(new Error('The user is already in the room.'));
    expect(ext.getUsernamesOfMembersBeingAdded()).toEqual(['bob']);
    expect(ext.getMembersBeingAdded()).toEqual([{ username: 'bob' }]);
    const copy = ext.getRoom() as unknown as typeof raw;
    expect(copy).toEqual(raw);
    expect(copy.createdAt).toBeInstanceOf(Date);
    copy.customFields.a.deep = 2;
    expect(raw.customFields.a.deep).toBe(1);
    expect(Object.keys(raw)).toEqual(['id', 'customFields', 'createdAt']);
  });
});
