/**
 * IModifyCreator. Validation and error messages follow RC
 * packages/apps-engine/deno-runtime/lib/accessors/modify/ModifyCreator.ts.
 *
 * Host payloads: 'modify.creator.finish' ['message', message] and
 * ['room', { room, members }] (members = the builder's usernames to add); the host answers the id.
 */
import type { IContactCreator } from '@rocket.chat/apps-engine/definition/accessors/IContactCreator.js';
import type { IEmailCreator } from '@rocket.chat/apps-engine/definition/accessors/IEmailCreator.js';
import type { ILivechatCreator, IMessageBuilder, IModifyCreator, IRoomBuilder, IUploadCreator } from '@rocket.chat/apps-engine/definition/accessors';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { BlockBuilder } from '@rocket.chat/apps-engine/definition/uikit/blocks/BlockBuilder.js';
import { assignIds, type AnyBlock } from './blocks.ts';
import { MessageBuilder } from './message-builder.ts';
import { appUser } from './notifier.ts';
import { RoomBuilder } from './room-builder.ts';
import type { RequestFn } from './types.ts';
import { throwUnsupported, unsupportedObject } from './unsupported.ts';

const P = 'IModify.getCreator()';

type Builder = Parameters<IModifyCreator['finish']>[0];

/**
 * `finish(builder)` of creator and updater: by the builder's kind. Not async: an unknown builder
 * throws synchronously, as in the real runtime.
 */
export function finishByKind<T>(
  builder: unknown,
  accessor: 'ModifyCreator' | 'ModifyUpdater',
  message: (b: IMessageBuilder) => Promise<T>,
  room: (b: IRoomBuilder) => Promise<T>,
): Promise<T> {
  switch ((builder as { kind?: unknown } | null | undefined)?.kind) {
    case 'message':
      return message(builder as IMessageBuilder);
    case 'room':
      return room(builder as IRoomBuilder);
    default:
      throw new Error(`Invalid builder passed to the ${accessor}.finish function.`);
  }
}

/** The room checks shared by creator and updater (`forUpdate`: slug required for every non-livechat type). */
export function validateRoom(room: IRoom, forUpdate: boolean): void {
  const type = room.type as string | undefined;
  if (!type) throw new Error('Invalid type assigned to the room.');
  if (type !== 'l' && !room.creator?.id) throw new Error('Invalid creator assigned to the room.');
  const needsSlug = forUpdate ? type !== 'l' : type !== 'd' && type !== 'l';
  if (needsSlug && !room.slugifiedName?.trim()) throw new Error('Invalid slugifiedName assigned to the room.');
  const needsName = forUpdate || type !== 'd';
  if (needsName && !room.displayName?.trim()) throw new Error('Invalid displayName assigned to the room.');
}

export function withBlockIds(message: IMessage, appId: string): void {
  if (message.blocks?.length) {
    message.blocks = assignIds(message.blocks as AnyBlock[], appId) as NonNullable<IMessage['blocks']>;
  }
}

export function createModifyCreator(request: RequestFn, appId: string): IModifyCreator {
  const unsupported = <T>(name: string) => unsupportedObject<T>(request, `${P}.${name}()`);

  async function finishMessage(builder: IMessageBuilder): Promise<string> {
    const message = builder.getMessage();
    delete message.id;
    if (!message.sender?.id) {
      const user = await appUser(request);
      if (!user) throw new Error('Invalid sender assigned to the message.');
      message.sender = user;
    }
    withBlockIds(message, appId);
    return await request('modify.creator.finish', ['message', message]);
  }

  async function finishRoom(builder: IRoomBuilder): Promise<string> {
    const room = builder.getRoom();
    delete (room as Partial<IRoom>).id;
    validateRoom(room, false);
    const members = builder.getMembersToBeAddedUsernames();
    return await request('modify.creator.finish', ['room', { room, members }]);
  }

  return {
    getLivechatCreator: () => unsupported<ILivechatCreator>('getLivechatCreator'),
    getUploadCreator: () => unsupported<IUploadCreator>('getUploadCreator'),
    getEmailCreator: () => unsupported<IEmailCreator>('getEmailCreator'),
    getContactCreator: () => unsupported<IContactCreator>('getContactCreator'),
    getBlockBuilder: () => new BlockBuilder(appId),
    startMessage: (data?: IMessage) => {
      if (data) delete data.id;
      return new MessageBuilder(data);
    },
    startRoom: (data?: IRoom) => {
      if (data) delete (data as Partial<IRoom>).id;
      return new RoomBuilder(data);
    },
    startLivechatMessage: () => throwUnsupported(request, `${P}.startLivechatMessage()`),
    startDiscussion: () => throwUnsupported(request, `${P}.startDiscussion()`),
    startVideoConference: () => throwUnsupported(request, `${P}.startVideoConference()`),
    startBotUser: () => throwUnsupported(request, `${P}.startBotUser()`),
    finish: (builder: Builder): Promise<string> => finishByKind(builder, 'ModifyCreator', finishMessage, finishRoom),
  };
}
