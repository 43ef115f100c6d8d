/**
 * IMessageBuilder, a local object until `finish`. Behaviour (validation and error messages)
 * follows RC packages/apps-engine/deno-runtime/lib/accessors/builders/MessageBuilder.ts.
 */
import type { IMessageBuilder } from '@rocket.chat/apps-engine/definition/accessors';
import type { IMessage, IMessageAttachment } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import type { BlockBuilder, IBlock } from '@rocket.chat/apps-engine/definition/uikit';
import type { IUser } from '@rocket.chat/apps-engine/definition/users';
import { RocketChatAssociationModel } from '@rocket.chat/apps-engine/definition/metadata/RocketChatAssociations.js';
import { blocksOf } from './blocks.ts';

type Blocks = NonNullable<IMessage['blocks']>;
type BlocksInput = BlockBuilder | IBlock[] | Blocks;

export class MessageBuilder implements IMessageBuilder {
  public kind: RocketChatAssociationModel.MESSAGE = RocketChatAssociationModel.MESSAGE;

  private msg: IMessage;

  constructor(message?: IMessage) {
    this.msg = message ?? ({} as IMessage);
  }

  /** Drops `id` from `message` and holds it from now on. */
  public setData(message: IMessage): IMessageBuilder {
    delete message.id;
    this.msg = message;
    return this;
  }

  public setUpdateData(message: IMessage, editor: IUser): IMessageBuilder {
    this.msg = message;
    this.msg.editor = editor;
    this.msg.editedAt = new Date();
    return this;
  }

  public setThreadId(threadId: string): IMessageBuilder {
    this.msg.threadId = threadId;
    return this;
  }

  public getThreadId(): string {
    return this.msg.threadId as string;
  }

  public setRoom(room: IRoom): IMessageBuilder {
    this.msg.room = room;
    return this;
  }

  public getRoom(): IRoom {
    return this.msg.room;
  }

  public setSender(sender: IUser): IMessageBuilder {
    this.msg.sender = sender;
    return this;
  }

  public getSender(): IUser {
    return this.msg.sender;
  }

  public setText(text: string): IMessageBuilder {
    this.msg.text = text;
    return this;
  }

  public getText(): string {
    return this.msg.text as string;
  }

  public setEmojiAvatar(emoji: string): IMessageBuilder {
    this.msg.emoji = emoji;
    return this;
  }

  public getEmojiAvatar(): string {
    return this.msg.emoji as string;
  }

  public setAvatarUrl(avatarUrl: string): IMessageBuilder {
    this.msg.avatarUrl = avatarUrl;
    return this;
  }

  public getAvatarUrl(): string {
    return this.msg.avatarUrl as string;
  }

  public setUsernameAlias(alias: string): IMessageBuilder {
    this.msg.alias = alias;
    return this;
  }

  public getUsernameAlias(): string {
    return this.msg.alias as string;
  }

  public addAttachment(attachment: IMessageAttachment): IMessageBuilder {
    (this.msg.attachments ??= []).push(attachment);
    return this;
  }

  public setAttachments(attachments: IMessageAttachment[]): IMessageBuilder {
    this.msg.attachments = attachments;
    return this;
  }

  public getAttachments(): IMessageAttachment[] {
    return this.msg.attachments as IMessageAttachment[];
  }

  public replaceAttachment(position: number, attachment: IMessageAttachment): IMessageBuilder {
    const list = (this.msg.attachments ??= []);
    if (!list[position]) throw new Error(`No attachment found at the index of "${position}" to replace.`);
    list[position] = attachment;
    return this;
  }

  public removeAttachment(position: number): IMessageBuilder {
    const list = (this.msg.attachments ??= []);
    if (!list[position]) throw new Error(`No attachment found at the index of "${position}" to remove.`);
    list.splice(position, 1);
    return this;
  }

  public setEditor(user: IUser): IMessageBuilder {
    this.msg.editor = user;
    return this;
  }

  public getEditor(): IUser {
    return this.msg.editor as IUser;
  }

  public setGroupable(groupable: boolean): IMessageBuilder {
    this.msg.groupable = groupable;
    return this;
  }

  public getGroupable(): boolean {
    return this.msg.groupable as boolean;
  }

  public setParseUrls(parseUrls: boolean): IMessageBuilder {
    this.msg.parseUrls = parseUrls;
    return this;
  }

  public getParseUrls(): boolean {
    return this.msg.parseUrls as boolean;
  }

  /** The held message itself; throws when no room was set (as the real builder does). */
  public getMessage(): IMessage {
    if (!this.msg.room) throw new Error('The "room" property is required.');
    return this.msg;
  }

  public addBlocks(blocks: BlocksInput): IMessageBuilder {
    if (!Array.isArray(this.msg.blocks)) this.msg.blocks = [];
    this.msg.blocks.push(...(blocksOf(blocks) as Blocks));
    return this;
  }

  public setBlocks(blocks: BlocksInput): IMessageBuilder {
    this.msg.blocks = blocksOf(blocks) as Blocks;
    return this;
  }

  public getBlocks(): Blocks {
    return this.msg.blocks as Blocks;
  }

  public addCustomField(key: string, value: unknown): IMessageBuilder {
    const fields = (this.msg.customFields ??= {});
    if (fields[key]) throw new Error(`The message already contains a custom field by the key: ${key}`);
    if (key.includes('.')) throw new Error(`The given key contains a period, which is not allowed. Key: ${key}`);
    fields[key] = value;
    return this;
  }
}
