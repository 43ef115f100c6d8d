import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom, RoomType } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { BlockBuilder } from '@rocket.chat/apps-engine/definition/uikit/blocks/BlockBuilder.js';
import { describe, expect, it } from 'vitest';
import type { AppDescriptor } from '../../protocol/runtime-protocol.ts';
import { fakeRequest } from './fake-request.ts';
import { createAccessors, MessageBuilder, RoomBuilder } from './index.ts';
import { unsupportedMessage } from './unsupported.ts';

const app = (): AppDescriptor => ({
  id: 'app-m',
  name: 'App',
  nameSlug: 'app',
  version: '1.0.0',
  description: '',
  requiredApiVersion: '^1.0.0',
  author: { name: 'me', support: 'x' },
  classFile: 'main.ts',
});
const bot = { id: 'bot', username: 'app.bot' } as IUser;
const alice = { id: 'u1', username: 'alice' } as IUser;
const general = { id: 'r1', slugifiedName: 'general', type: 'c', creator: alice } as unknown as IRoom;

describe('IModifyCreator', () => {
  it('message finish: defaults the sender to the app user, sends the message, returns the id', async () => {
    const f = fakeRequest();
    f.answer('user.getAppUser', bot);
    f.answer('modify.creator.finish', 'new-msg');
    const { modify } = createAccessors(f.request, app());
    const creator = modify.getCreator();
    const b = creator.startMessage({ id: 'drop-me', text: 'hi' } as IMessage).setRoom(general);
    expect(await creator.finish(b)).toBe('new-msg');
    expect(f.calls).toEqual([
      ['user.getAppUser', [null]],
      ['modify.creator.finish', ['message', { text: 'hi', room: general, sender: bot }]],
    ]);
  });

  it('message finish: keeps an explicit sender; no room rejects; no app user rejects', async () => {
    const f = fakeRequest();
    const { modify } = createAccessors(f.request, app());
    const creator = modify.getCreator();
    await creator.finish(creator.startMessage().setRoom(general).setSender(alice).setText('x'));
    expect(f.calls).toEqual([['modify.creator.finish', ['message', { room: general, sender: alice, text: 'x' }]]]);
    await expect(creator.finish(creator.startMessage().setText('x'))).rejects.toThrow('The "room" property is required.');
    await expect(creator.finish(creator.startMessage().setRoom(general))).rejects.toThrow('Invalid sender assigned to the message.');
  });

  it('message finish assigns block ids and appId (UIHelper.assignIds)', async () => {
    const f = fakeRequest();
    const { modify } = createAccessors(f.request, app());
    const creator = modify.getCreator();
    const bb = creator.getBlockBuilder();
    expect(bb).toBeInstanceOf(BlockBuilder);
    bb.addSectionBlock({ text: bb.newPlainTextObject('t') });
    const b = creator.startMessage().setRoom(general).setSender(alice).setBlocks(bb);
    b.addBlocks([{ type: 'actions', elements: [{ type: 'button' }] } as never]);
    await creator.finish(b);
    const sent = f.calls[0]![1][1] as { blocks: Record<string, unknown>[] };
    expect(sent.blocks).toHaveLength(2);
    expect(sent.blocks[0]).toMatchObject({ type: 'section', appId: 'app-m' });
    expect(sent.blocks[1]).toMatchObject({ type: 'actions', appId: 'app-m' });
    expect(typeof sent.blocks[1]!['blockId']).toBe('string');
    expect(typeof (sent.blocks[1]!['elements'] as { actionId?: string }[])[0]!.actionId).toBe('string');
  });

  it('room finish: validates like the real runtime and sends room + members', async () => {
    const f = fakeRequest();
    f.answer('modify.creator.finish', 'new-room');
    const { modify } = createAccessors(f.request, app());
    const creator = modify.getCreator();
    const rb = creator.startRoom({ id: 'x' } as IRoom);
    expect(rb).toBeInstanceOf(RoomBuilder);
    await expect(creator.finish(rb)).rejects.toThrow('Invalid type assigned to the room.');
    rb.setType('c' as RoomType);
    await expect(creator.finish(rb)).rejects.toThrow('Invalid creator assigned to the room.');
    rb.setCreator(alice);
    await expect(creator.finish(rb)).rejects.toThrow('Invalid slugifiedName assigned to the room.');
    rb.setSlugifiedName('team');
    await expect(creator.finish(rb)).rejects.toThrow('Invalid displayName assigned to the room.');
    rb.setDisplayName('Team').setMembersToBeAddedByUsernames(['alice', 'bob']);
    expect(await creator.finish(rb)).toBe('new-room');
    // Validation failures send nothing; `id` was dropped by startRoom.
    expect(f.calls).toEqual([
      [
        'modify.creator.finish',
        [
          'room',
          {
            room: { type: 'c', creator: alice, slugifiedName: 'team', displayName: 'Team' },
            members: ['alice', 'bob'],
          },
        ],
      ],
    ]);
  });

  it('a DM needs neither slug nor display name', async () => {
    const f = fakeRequest();
    const { modify } = createAccessors(f.request, app());
    const creator = modify.getCreator();
    const rb = creator
      .startRoom()
      .setType('d' as RoomType)
      .setCreator(bot)
      .setMembersToBeAddedByUsernames(['app.bot', 'alice']);
    await creator.finish(rb);
    expect(f.calls).toEqual([['modify.creator.finish', ['room', { room: { customFields: {}, type: 'd', creator: bot }, members: ['app.bot', 'alice'] }]]]);
  });

  it('unknown builders throw synchronously; unsupported starts and creators name themselves', async () => {
    const f = fakeRequest();
    const { modify } = createAccessors(f.request, app());
    const creator = modify.getCreator();
    expect(() => creator.finish({ kind: 'user' } as never)).toThrow('Invalid builder passed to the ModifyCreator.finish function.');
    expect(() => creator.startDiscussion()).toThrow(unsupportedMessage('IModify.getCreator().startDiscussion()'));
    expect(() => creator.startVideoConference()).toThrow('IModify.getCreator().startVideoConference()');
    expect(() => creator.startLivechatMessage()).toThrow('IModify.getCreator().startLivechatMessage()');
    await expect(creator.getLivechatCreator().createVisitor({} as never)).rejects.toThrow(
      unsupportedMessage('IModify.getCreator().getLivechatCreator().createVisitor()'),
    );
    await expect(creator.getUploadCreator().uploadBuffer(Buffer.from(''), {} as never)).rejects.toThrow('getUploadCreator().uploadBuffer()');
  });
});

describe('IModifyUpdater', () => {
  it('room(): reads through modify.updater.room and finish sends { id, ...changes } + members (spec 7.3, Updater)', async () => {
    const f = fakeRequest();
    f.answer('modify.updater.room', { ...general, displayName: 'General', customFields: {} });
    const { modify } = createAccessors(f.request, app());
    const up = modify.getUpdater();
    const rb = await up.room('r1', alice);
    rb.addCustomField('k', { v: 1 } as object).addMemberToBeAddedByUsername('carol');
    await up.finish(rb);
    const rb2 = await up.room('r1', alice);
    rb2.setDisplayName('Renamed').setReadOnly(true);
    await up.finish(rb2);
    expect(f.calls.slice(3)).toEqual([['modify.updater.finish', ['room', { room: { id: 'r1', displayName: 'Renamed', isReadOnly: true }, members: [] }]]]);
    expect(f.calls.slice(0, 2)).toEqual([
      ['modify.updater.room', ['r1']],
      [
        'modify.updater.finish',
        [
          'room',
          {
            room: { id: 'r1', customFields: { k: { v: 1 } } },
            members: ['carol'],
          },
        ],
      ],
    ]);
  });

  it('room finish validation (id, displayName even for DMs)', async () => {
    const f = fakeRequest();
    const { modify } = createAccessors(f.request, app());
    const up = modify.getUpdater();
    await expect(up.finish(new RoomBuilder({ type: 'c' as RoomType }))).rejects.toThrow("Invalid room, can't update a room without an id.");
    const dm = new RoomBuilder({ id: 'd1', type: 'd' as RoomType, creator: alice, slugifiedName: 'x' });
    await expect(up.finish(dm)).rejects.toThrow('Invalid displayName assigned to the room.');
    await expect(up.finish(new RoomBuilder({ id: 'r', type: 'p' as RoomType, creator: alice }))).rejects.toThrow('Invalid slugifiedName assigned to the room.');
    expect(() => up.finish({ kind: 'discussion' } as never)).toThrow('Invalid builder passed to the ModifyUpdater.finish function.');
    expect(f.calls).toEqual([]);
  });

  it('message(): reads via message.getById; finish needs id and sender', async () => {
    const f = fakeRequest();
    f.answer('message.getById', { id: 'm1', room: general, sender: alice, text: 'old' });
    const { modify } = createAccessors(f.request, app());
    const up = modify.getUpdater();
    const mb = await up.message('m1', alice);
    expect(mb).toBeInstanceOf(MessageBuilder);
    mb.setText('new');
    await up.finish(mb);
    expect(f.calls).toEqual([
      ['message.getById', ['m1']],
      ['modify.updater.finish', ['message', { id: 'm1', room: general, sender: alice, text: 'new' }]],
    ]);
    await expect(up.finish(new MessageBuilder({ room: general, sender: alice } as IMessage))).rejects.toThrow(
      "Invalid message, can't update a message without an id.",
    );
    await expect(up.finish(new MessageBuilder({ id: 'm', room: general } as IMessage))).rejects.toThrow('Invalid sender assigned to the message.');
    await expect(up.getUserUpdater().updateStatusText({} as never, 'x')).rejects.toThrow('IModify.getUpdater().getUserUpdater().updateStatusText()');
  });
});

describe('IModifyDeleter, INotifier and the rest of IModify', () => {
  it('deleter ops', async () => {
    const f = fakeRequest();
    const { modify } = createAccessors(f.request, app());
    const d = modify.getDeleter();
    await d.deleteRoom('r1');
    await d.deleteMessage({ id: 'm1', room: general, sender: alice } as IMessage, alice);
    await d.removeUsersFromRoom('r1', ['alice', 'bob']);
    expect(f.calls).toEqual([
      ['modify.deleter.deleteRoom', ['r1']],
      ['modify.deleter.deleteMessage', ['m1']],
      ['modify.deleter.removeUsersFromRoom', ['r1', ['alice', 'bob']]],
    ]);
    await expect(d.deleteUsers('app-m', 'bot' as never)).rejects.toThrow(unsupportedMessage('IModify.getDeleter().deleteUsers()'));
  });

  it('notifier: same object from read and modify; app user as default sender', async () => {
    const f = fakeRequest();
    f.answer('user.getAppUser', bot);
    const { read, modify } = createAccessors(f.request, app());
    expect(read.getNotifier()).toBe(modify.getNotifier());
    const n = modify.getNotifier();
    const msg = n.getMessageBuilder().setRoom(general).setText('only you').getMessage();
    await n.notifyUser(alice, msg);
    await n.notifyRoom(general, { room: general, sender: alice, text: 'all' } as IMessage);
    expect(f.calls).toEqual([
      ['user.getAppUser', [null]],
      ['modify.notifier.notifyUser', [alice, { room: general, text: 'only you', sender: bot }]],
      ['modify.notifier.notifyRoom', [general, { room: general, sender: alice, text: 'all' }]],
    ]);
    const stop = await n.typing({ id: 'r1' });
    await expect(stop()).resolves.toBeUndefined();
    expect(f.calls).toHaveLength(3);
  });

  it('the scheduler records each call with the host and answers its job id (jobs never run)', async () => {
    const f = fakeRequest();
    f.answer('scheduler.schedule', 'job-1');
    const { modify } = createAccessors(f.request, app());
    expect(await modify.getScheduler().scheduleOnce({ id: 'later', when: 'in 1 minute' })).toBe('job-1');
    await modify.getScheduler().cancelAllJobs();
    expect(f.calls).toEqual([
      ['scheduler.schedule', ['once', { id: 'later', when: 'in 1 minute' }]],
      ['scheduler.cancel', [null]],
    ]);
    expect(modify.getScheduler()).toBe(modify.getScheduler());
  });

  it('other modify parts are unsupported objects', async () => {
    const f = fakeRequest();
    const { modify } = createAccessors(f.request, app());
    await expect(modify.getUiController().openSurfaceView({} as never, {} as never, {} as never)).rejects.toThrow(
      'IModify.getUiController().openSurfaceView()',
    );
    await expect(modify.getExtender().extendMessage('m', alice)).rejects.toThrow('IModify.getExtender().extendMessage()');
    await expect(modify.getModerationModifier().report('m', 'x', 'u1', 'app-m')).rejects.toThrow('IModify.getModerationModifier().report()');
    expect(modify.getExtender()).toBe(modify.getExtender());
  });
});
