import { BlockBuilder } from '@rocket.chat/apps-engine/definition/uikit/blocks/BlockBuilder.js';
import type { IMessage, IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { describe, expect, it } from 'vitest';
import { MessageBuilder } from './message-builder.ts';

const r = { id: 'r1' } as IRoom;
const u = { id: 'u1' } as IUser;
const att = (t: string) => ({ text: t }) as IMessageAttachment;

describe('MessageBuilder', () => {
  it('sets and gets every field', () => {
    const b = new MessageBuilder();
    expect(b.kind).toBe('message');
    b.setRoom(r).setSender(u).setText('hi').setEmojiAvatar(':x:').setAvatarUrl('http://a').setUsernameAlias('Bot');
    b.setGroupable(false).setParseUrls(false).setThreadId('t1').setEditor(u);
    expect(b.getMessage()).toEqual({
      room: r,
      sender: u,
      text: 'hi',
      emoji: ':x:',
      avatarUrl: 'http://a',
      alias: 'Bot',
      groupable: false,
      parseUrls: false,
      threadId: 't1',
      editor: u,
    });
    expect([b.getRoom(), b.getSender(), b.getText(), b.getEmojiAvatar(), b.getAvatarUrl(), b.getUsernameAlias()]).toEqual([
      r,
      u,
      'hi',
      ':x:',
      'http://a',
      'Bot',
    ]);
    expect([b.getGroupable(), b.getParseUrls(), b.getThreadId(), b.getEditor()]).toEqual([false, false, 't1', u]);
  });

  it('getMessage requires a room', () => {
    expect(() => new MessageBuilder().setText('x').getMessage()).toThrow('The "room" property is required.');
  });

  it('attachments: add, replace, remove with the real error messages', () => {
    const b = new MessageBuilder().setRoom(r);
    b.addAttachment(att('a')).addAttachment(att('b'));
    b.replaceAttachment(1, att('B'));
    expect(b.getAttachments()).toEqual([att('a'), att('B')]);
    b.removeAttachment(0);
    expect(b.getAttachments()).toEqual([att('B')]);
    expect(() => b.replaceAttachment(5, att('x'))).toThrow('No attachment found at the index of "5" to replace.');
    expect(() => b.removeAttachment(3)).toThrow('No attachment found at the index of "3" to remove.');
    b.setAttachments([att('z')]);
    expect(b.getAttachments()).toEqual([att('z')]);
  });

  it('blocks from a BlockBuilder and from arrays', () => {
    const bb = new BlockBuilder('app-1');
    bb.addSectionBlock({ text: bb.newMarkdownTextObject('*hi*') });
    const b = new MessageBuilder().setRoom(r).setBlocks(bb);
    expect(b.getBlocks()).toHaveLength(1);
    expect(b.getBlocks()[0]).toMatchObject({ type: 'section', appId: 'app-1', text: { type: 'mrkdwn', text: '*hi*' } });
    // As in the real builder, setBlocks(builder) holds the builder's own array: adding to the
    // message adds to the builder too, so adding the builder again repeats everything.
    expect(b.getBlocks()).toBe(bb.getBlocks());
    b.addBlocks([{ type: 'divider' } as never]);
    expect(bb.getBlocks()).toHaveLength(2);
    b.addBlocks(bb);
    expect(b.getBlocks().map((x) => (x as { type: string }).type)).toEqual(['section', 'divider', 'section', 'divider']);
    const fresh = new BlockBuilder('app-1');
    fresh.addDividerBlock();
    const b2 = new MessageBuilder()
      .setRoom(r)
      .addBlocks([{ type: 'image' } as never])
      .addBlocks(fresh);
    expect(b2.getBlocks().map((x) => (x as { type: string }).type)).toEqual(['image', 'divider']);
    b.setBlocks([{ type: 'divider' } as never]);
    expect(b.getBlocks()).toEqual([{ type: 'divider' }]);
    // An app's own copy of BlockBuilder (not our class) is read through getBlocks().
    b.setBlocks({ getBlocks: () => [{ type: 'image' }] } as never);
    expect(b.getBlocks()).toEqual([{ type: 'image' }]);
  });

  it('addCustomField refuses duplicates and periods', () => {
    const b = new MessageBuilder().setRoom(r).addCustomField('k', 1);
    expect(b.getMessage().customFields).toEqual({ k: 1 });
    expect(() => b.addCustomField('k', 2)).toThrow('The message already contains a custom field by the key: k');
    expect(() => b.addCustomField('a.b', 2)).toThrow('The given key contains a period, which is not allowed. Key: a.b');
  });

  it('setData drops id and holds the object; setUpdateData sets editor and editedAt', () => {
    const data = { id: 'm1', room: r, sender: u, text: 'x' } as IMessage;
    const b = new MessageBuilder().setData(data);
    expect(b.getMessage()).toBe(data);
    expect('id' in data).toBe(false);
    const upd = { id: 'm2', room: r, sender: u } as IMessage;
    b.setUpdateData(upd, { id: 'ed' } as IUser);
    expect(b.getMessage()).toBe(upd);
    expect(upd.id).toBe('m2');
    expect(upd.editor).toEqual({ id: 'ed' });
    expect(upd.editedAt).toBeInstanceOf(Date);
  });
});
