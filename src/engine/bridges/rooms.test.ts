import { describe, expect, it } from 'vitest';
import { dispatchAccessor } from './index.ts';
import { at, makeCtx, room, smallWorld, T0 } from './test-world.ts';
import type { WorldMessage } from '../world/types.ts';

const msg = (id: string, minutes: number, extra: Partial<WorldMessage> = {}): WorldMessage => ({
  id,
  roomId: 'r-general',
  senderId: 'u-alice',
  text: id,
  createdAt: at(minutes),
  ...extra,
});

function ctxWithMessages() {
  const state = smallWorld();
  state.messages.push(
    msg('m3', 3),
    msg('m1', 1, { senderId: 'u-bob', blocks: [{ type: 'section' }] }),
    msg('m2', 2, { threadId: 'm1' }),
    msg('sys', 4, { system: 'uj', text: 'carol' }),
    msg('other', 5, { roomId: 'r-secret' }),
  );
  return makeCtx(state);
}

describe('room reads', () => {
  it('getById / getByName give the converted IRoom without usernames', async () => {
    const ctx = makeCtx();
    const r = (await dispatchAccessor(ctx, 'room.getById', ['r-general'])) as Record<string, unknown>;
    expect(r).toMatchObject({ id: 'r-general', slugifiedName: 'general', type: 'c', creator: { id: 'u-alice', username: 'alice' } });
    expect(r).not.toHaveProperty('usernames');
    expect(await dispatchAccessor(ctx, 'room.getByName', ['secret'])).toMatchObject({ id: 'r-secret', type: 'p' });
    expect(await dispatchAccessor(ctx, 'room.getById', ['nope'])).toBeUndefined();
    expect(await dispatchAccessor(ctx, 'room.getByName', ['nope'])).toBeUndefined();
  });

  it('creator by room id / name', async () => {
    const ctx = makeCtx();
    expect(await dispatchAccessor(ctx, 'room.getCreatorUserById', ['r-secret'])).toMatchObject({ id: 'u-alice' });
    expect(await dispatchAccessor(ctx, 'room.getCreatorUserByName', ['general'])).toMatchObject({ username: 'alice' });
    expect(await dispatchAccessor(ctx, 'room.getCreatorUserById', ['nope'])).toBeUndefined();
  });

  it('getMembers in join order, null for a deleted user, [] for an unknown room', async () => {
    const state = smallWorld();
    state.rooms[0]!.memberIds = ['u-bob', 'u-gone', 'u-alice'];
    const ctx = makeCtx(state);
    const members = (await dispatchAccessor(ctx, 'room.getMembers', ['r-general'])) as ({ id: string } | null)[];
    expect(members.map((m) => m?.id ?? null)).toEqual(['u-bob', null, 'u-alice']);
    expect(await dispatchAccessor(ctx, 'room.getMembers', ['nope'])).toEqual([]);
  });

  it('getOwners', async () => {
    const state = smallWorld();
    state.rooms[0]!.ownerIds = ['u-bob', 'u-alice'];
    const ctx = makeCtx(state);
    const owners = (await dispatchAccessor(ctx, 'room.getOwners', ['r-general'])) as { id: string }[];
    expect(owners.map((o) => o.id)).toEqual(['u-alice', 'u-bob']);
    expect(await dispatchAccessor(ctx, 'room.getOwners', ['nope'])).toEqual([]);
  });

  it('getDirectByUsernames: exactly those members, any order', async () => {
    const state = smallWorld();
    state.rooms.push(room('r-dm-abc', 'abc', { type: 'd', memberIds: ['u-alice', 'u-bob', 'u-carol'] }));
    state.rooms.push(room('r-self', 'alice', { type: 'd', memberIds: ['u-alice'] }));
    const ctx = makeCtx(state);
    expect(await dispatchAccessor(ctx, 'room.getDirectByUsernames', [['bob', 'alice']])).toMatchObject({
      id: 'r-dm-ab',
      type: 'd',
      userIds: ['u-alice', 'u-bob'],
    });
    expect(await dispatchAccessor(ctx, 'room.getDirectByUsernames', [['alice', 'bob', 'carol']])).toMatchObject({ id: 'r-dm-abc' });
    expect(await dispatchAccessor(ctx, 'room.getDirectByUsernames', [['alice']])).toMatchObject({ id: 'r-self' });
    expect(await dispatchAccessor(ctx, 'room.getDirectByUsernames', [['alice', 'carol']])).toBeUndefined();
  });
});

describe('room.getMessages', () => {
  it('natural order, no system messages, IMessageRaw shape', async () => {
    const ctx = ctxWithMessages();
    const list = (await dispatchAccessor(ctx, 'room.getMessages', ['r-general', {}])) as Record<string, unknown>[];
    expect(list.map((m) => m['id'])).toEqual(['m3', 'm1', 'm2']);
    expect(list[1]).toEqual({
      id: 'm1',
      roomId: 'r-general',
      sender: { _id: 'u-bob', username: 'bob', name: 'BOB' },
      text: 'm1',
      createdAt: at(1),
      updatedAt: at(1),
      blocks: [{ type: 'section' }],
    });
  });

  it('sort, skip, limit, showThreadMessages', async () => {
    const ctx = ctxWithMessages();
    const ids = async (options: unknown) => ((await dispatchAccessor(ctx, 'room.getMessages', ['r-general', options])) as { id: string }[]).map((m) => m.id);
    expect(await ids({ sort: { createdAt: 'asc' } })).toEqual(['m1', 'm2', 'm3']);
    expect(await ids({ sort: { createdAt: 'desc' }, limit: 2 })).toEqual(['m3', 'm2']);
    expect(await ids({ sort: { createdAt: 'asc' }, skip: 1, limit: 1 })).toEqual(['m2']);
    expect(await ids({ showThreadMessages: false })).toEqual(['m3', 'm1']);
    expect(await ids(null)).toEqual(['m3', 'm1', 'm2']);
  });

  it('option errors are RoomRead verbatim', async () => {
    const ctx = ctxWithMessages();
    await expect(dispatchAccessor(ctx, 'room.getMessages', ['r-general', { limit: 101 }])).rejects.toThrow(
      'Invalid limit provided. Expected number <= 100, got 101',
    );
    await expect(dispatchAccessor(ctx, 'room.getMessages', ['r-general', { sort: { text: 'asc' } }])).rejects.toThrow(
      'Invalid key "text" used in sort. Available keys for sorting are createdAt',
    );
    await expect(dispatchAccessor(ctx, 'room.getMessages', ['r-general', { sort: { createdAt: 'up' } }])).rejects.toThrow(
      'Invalid sort direction for field "createdAt". Expected "asc" or "desc", got up',
    );
  });
});

describe('message.getById', () => {
  it('IMessage with full room and sender; undefined when missing', async () => {
    const ctx = ctxWithMessages();
    const m = (await dispatchAccessor(ctx, 'message.getById', ['m2'])) as Record<string, unknown>;
    expect(m).toMatchObject({
      id: 'm2',
      text: 'm2',
      threadId: 'm1',
      createdAt: at(2),
      room: { id: 'r-general', slugifiedName: 'general' },
      sender: { id: 'u-alice', username: 'alice', type: 'user', createdAt: T0 },
    });
    expect(await dispatchAccessor(ctx, 'message.getById', ['sys'])).toMatchObject({ type: 'uj' });
    expect(await dispatchAccessor(ctx, 'message.getById', ['nope'])).toBeUndefined();
  });
});
