import { describe, expect, it } from 'vitest';
import { dispatchAccessor } from './index.ts';
import { at, makeCtx, T0 } from './test-world.ts';
import { toAppRoom, toAppUser } from '../world/convert.ts';

const roomRef = { id: 'r-general' };

describe('modify.creator.finish message', () => {
  it('stores the message from the app user by default and returns its id', async () => {
    const ctx = makeCtx();
    const id = await dispatchAccessor(ctx, 'modify.creator.finish', ['message', { room: roomRef, text: 'Welcome!', blocks: [{ type: 'section' }] }]);
    expect(id).toBe('msg-1');
    const bot = ctx.world.userByUsername('welcome-bot.bot');
    expect(ctx.world.messageById('msg-1')).toEqual({
      id: 'msg-1',
      roomId: 'r-general',
      senderId: bot?.id,
      appId: 'app-1',
      createdAt: T0,
      text: 'Welcome!',
      blocks: [{ type: 'section' }],
    });
    expect(ctx.world.roomById('r-general')?.messageCount).toBe(1);
  });

  it('keeps an explicit sender and createdAt', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'modify.creator.finish', ['message', { room: roomRef, sender: { id: 'u-bob' }, text: 'x', createdAt: at(3) }]);
    expect(ctx.world.messageById('msg-1')).toMatchObject({ senderId: 'u-bob', createdAt: at(3) });
  });

  it('errors: missing room, unknown sender, no access to a private room', async () => {
    const ctx = makeCtx();
    const finish = (m: unknown) => dispatchAccessor(ctx, 'modify.creator.finish', ['message', m]);
    await expect(finish({ text: 'x' })).rejects.toThrow('Invalid room provided on the message.');
    await expect(finish({ room: { id: 'nope' }, text: 'x' })).rejects.toThrow('Invalid room provided on the message.');
    await expect(finish({ room: roomRef, sender: { id: 'ghost' } })).rejects.toThrow('Invalid user [error-invalid-user]');
    await expect(finish({ room: { id: 'r-secret' }, sender: { id: 'u-bob' } })).rejects.toThrow('error-not-allowed');
    // the app user may post anywhere
    expect(await finish({ room: { id: 'r-secret' }, text: 'ok' })).toBe('msg-1');
    expect(ctx.world.data.messages).toHaveLength(1);
  });
});

describe('modify.creator.finish room', () => {
  it('translates the builder room into an AppRoomRequest and returns the new id', async () => {
    const ctx = makeCtx();
    const creator = toAppUser(ctx.world.userById('u-alice')!);
    const id = await dispatchAccessor(ctx, 'modify.creator.finish', [
      'room',
      { type: 'p', slugifiedName: 'ops', displayName: 'Ops', creator, isReadOnly: true, customFields: { a: 1 }, members: ['bob', 'carol'] },
    ]);
    expect(id).toBe('r-new-1');
    expect(ctx.actions.calls).toEqual([
      {
        action: 'createRoom',
        args: [
          'app-1',
          {
            type: 'p',
            creatorId: 'u-alice',
            memberUsernames: ['bob', 'carol'],
            slugifiedName: 'ops',
            displayName: 'Ops',
            isReadOnly: true,
            customFields: { a: 1 },
          },
        ],
      },
    ]);
  });

  it('a DM needs no names; { room, members } is accepted too', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'modify.creator.finish', ['room', { room: { type: 'd', creator: { id: 'u-alice' } }, members: ['alice', 'carol'] }]);
    expect(ctx.actions.calls[0]?.args[1]).toEqual({ type: 'd', creatorId: 'u-alice', memberUsernames: ['alice', 'carol'] });
  });

  it('runtime checks and bridge errors, verbatim', async () => {
    const ctx = makeCtx();
    const finish = (r: unknown) => dispatchAccessor(ctx, 'modify.creator.finish', ['room', r]);
    await expect(finish({})).rejects.toThrow('Invalid type assigned to the room.');
    await expect(finish({ type: 'c' })).rejects.toThrow('Invalid creator assigned to the room.');
    await expect(finish({ type: 'c', creator: { id: 'u-alice' }, slugifiedName: ' ' })).rejects.toThrow('Invalid slugifiedName assigned to the room.');
    await expect(finish({ type: 'c', creator: { id: 'u-alice' }, slugifiedName: 'x' })).rejects.toThrow('Invalid displayName assigned to the room.');
    await expect(finish({ type: 'l', displayName: 'x' })).rejects.toThrow('Only channels, private groups and direct messages can be created.');
    expect(ctx.actions.calls).toEqual([]);
  });

  it('discussions: checks, then a clear "not simulated" error', async () => {
    const ctx = makeCtx();
    const base = { creator: { id: 'u-alice' }, slugifiedName: 'd', displayName: 'D' };
    await expect(dispatchAccessor(ctx, 'modify.creator.finish', ['discussion', base])).rejects.toThrow('Invalid parentRoom assigned to the discussion.');
    await expect(dispatchAccessor(ctx, 'modify.creator.finish', ['discussion', { ...base, parentRoom: { id: 'nope' } }])).rejects.toThrow(
      'There must be a parent room to create a discussion.',
    );
    await expect(dispatchAccessor(ctx, 'modify.creator.finish', ['discussion', { ...base, parentRoom: roomRef }])).rejects.toThrow(/does not simulate/);
  });
});

describe('modify.updater', () => {
  it('room() gives the IRoom, undefined when missing', async () => {
    const ctx = makeCtx();
    expect(await dispatchAccessor(ctx, 'modify.updater.room', ['r-general'])).toEqual(toAppRoom(ctx.world, ctx.world.roomById('r-general')!));
    expect(await dispatchAccessor(ctx, 'modify.updater.room', ['nope'])).toBeUndefined();
  });

  it('finish room: mapped patch, existing usernames to add', async () => {
    const ctx = makeCtx();
    const r = toAppRoom(ctx.world, ctx.world.roomById('r-general')!) as unknown as Record<string, unknown>;
    const edited = { ...r, displayName: 'General!', description: 'ignored', customFields: { topic: 'x' }, members: ['carol', 'ghost'] };
    expect(await dispatchAccessor(ctx, 'modify.updater.finish', ['room', edited])).toBeUndefined();
    expect(ctx.actions.calls).toEqual([
      {
        action: 'updateRoom',
        args: [
          'app-1',
          'r-general',
          {
            type: 'c',
            createdAt: T0,
            messageCount: 0,
            updatedAt: T0,
            displayName: 'General!',
            slugifiedName: 'general',
            isDefault: false,
            isReadOnly: false,
            displaySystemMessages: true,
            creatorId: 'u-alice',
            customFields: { topic: 'x' },
          },
          ['carol'],
        ],
      },
    ]);
  });

  it('finish room (spec 7.3, Updater): applies just the changes the runtime sends; only the id is checked here', async () => {
    const ctx = makeCtx();
    const finish = (r: unknown) => dispatchAccessor(ctx, 'modify.updater.finish', ['room', r]);
    await expect(finish({ displayName: 'x' })).rejects.toThrow("Invalid room, can't update a room without an id.");
    await expect(finish({ id: 'nope', displayName: 'x' })).rejects.toThrow('Room id not found');
    expect(ctx.actions.calls).toEqual([]);
    // The runtime validated the whole room; `{ id, ...changes }` sets only those fields.
    await finish({ room: { id: 'r-general', customFields: { k: 1 } }, members: [] });
    expect(ctx.actions.calls).toEqual([{ action: 'updateRoom', args: ['app-1', 'r-general', { customFields: { k: 1 } }, []] }]);
  });

  it('finish message: needs id, sender, editor; updates the stored message', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'modify.creator.finish', ['message', { room: roomRef, sender: { id: 'u-bob' }, text: 'old' }]);
    const finish = (m: unknown) => dispatchAccessor(ctx, 'modify.updater.finish', ['message', m]);
    const base = { id: 'msg-1', room: roomRef, sender: { id: 'u-bob' }, editor: { id: 'u-alice' }, text: 'new' };
    await expect(finish({ ...base, id: undefined })).rejects.toThrow("Invalid message, can't update a message without an id.");
    await expect(finish({ ...base, sender: undefined })).rejects.toThrow('Invalid sender assigned to the message.');
    await expect(finish({ ...base, editor: undefined })).rejects.toThrow('Invalid editor assigned to the message for the update.');
    await expect(finish({ ...base, editor: { id: 'ghost' } })).rejects.toThrow('Invalid editor assigned to the message for the update.');
    await finish(base);
    expect(ctx.world.messageById('msg-1')).toMatchObject({ text: 'new', senderId: 'u-bob', updatedAt: T0 });
    await finish({ ...base, id: 'gone' });
    expect(ctx.world.data.messages).toHaveLength(1);
  });
});

describe('modify.deleter', () => {
  it('deleteRoom goes to the host', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'modify.deleter.deleteRoom', ['r-general']);
    expect(ctx.actions.calls).toEqual([{ action: 'deleteRoom', args: ['app-1', 'r-general'] }]);
  });

  it('deleteMessage removes it; empty id is an error; missing is a no-op', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'modify.creator.finish', ['message', { room: roomRef, text: 'x' }]);
    await dispatchAccessor(ctx, 'modify.deleter.deleteMessage', ['msg-1']);
    expect(ctx.world.data.messages).toEqual([]);
    await expect(dispatchAccessor(ctx, 'modify.deleter.deleteMessage', [''])).rejects.toThrow('Invalid message id');
    expect(await dispatchAccessor(ctx, 'modify.deleter.deleteMessage', ['msg-1'])).toBeUndefined();
  });

  it('removeUsersFromRoom: at most 50, roomId required, unknown usernames dropped', async () => {
    const ctx = makeCtx();
    await dispatchAccessor(ctx, 'modify.deleter.removeUsersFromRoom', ['r-general', ['bob', 'ghost']]);
    expect(ctx.actions.calls).toEqual([{ action: 'removeUsersFromRoom', args: ['app-1', 'r-general', ['bob']] }]);
    const many = Array.from({ length: 51 }, (_, i) => `u${i}`);
    await expect(dispatchAccessor(ctx, 'modify.deleter.removeUsersFromRoom', ['r-general', many])).rejects.toThrow(
      'A maximum of 50 members can be removed in a single call',
    );
    await expect(dispatchAccessor(ctx, 'modify.deleter.removeUsersFromRoom', ['', ['bob']])).rejects.toThrow('roomId was not provided.');
    expect(ctx.actions.calls).toHaveLength(1);
  });
});
