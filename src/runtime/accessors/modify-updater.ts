/**
 * IModifyUpdater. Follows RC packages/apps-engine/deno-runtime/lib/accessors/modify/ModifyUpdater.ts:
 * `message()` reads the message ('message.getById') and `room()` the room ('modify.updater.room')
 * into builders; `finish` validates and sends 'modify.updater.finish' ['message', message] or
 * ['room', { room: { id, ...builder.getChanges() }, members }]: only what the builder changed
 * (apps-engine 1.62 ModifyUpdater._finishRoom, spec 7.3 Updater).
 */
import type { IUserUpdater } from '@rocket.chat/apps-engine/definition/accessors/IUserUpdater.js';
import type { ILivechatUpdater, IMessageBuilder, IMessageUpdater, IModifyUpdater, IRoomBuilder } from '@rocket.chat/apps-engine/definition/accessors';
import type { IMessage } from '@rocket.chat/apps-engine/definition/messages';
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms';
import { MessageBuilder } from './message-builder.ts';
import { finishByKind, validateRoom, withBlockIds } from './modify-creator.ts';
import { RoomBuilder } from './room-builder.ts';
import type { RequestFn } from './types.ts';
import { unsupportedObject } from './unsupported.ts';

const P = 'IModify.getUpdater()';

export function createModifyUpdater(request: RequestFn, appId: string): IModifyUpdater {
  const unsupported = <T>(name: string) => unsupportedObject<T>(request, `${P}.${name}()`);

  async function finishMessage(builder: IMessageBuilder): Promise<void> {
    const message = builder.getMessage();
    if (!message.id) throw new Error("Invalid message, can't update a message without an id.");
    if (!message.sender?.id) throw new Error('Invalid sender assigned to the message.');
    withBlockIds(message, appId);
    await request('modify.updater.finish', ['message', message]);
  }

  async function finishRoom(builder: IRoomBuilder): Promise<void> {
    const room = builder.getRoom();
    if (!room.id) throw new Error("Invalid room, can't update a room without an id.");
    validateRoom(room, true);
    const changes = { id: room.id, ...(builder as RoomBuilder).getChanges() };
    await request('modify.updater.finish', ['room', { room: changes, members: builder.getMembersToBeAddedUsernames() }]);
  }

  return {
    getLivechatUpdater: () => unsupported<ILivechatUpdater>('getLivechatUpdater'),
    getUserUpdater: () => unsupported<IUserUpdater>('getUserUpdater'),
    getMessageUpdater: () => unsupported<IMessageUpdater>('getMessageUpdater'),
    message: async (messageId) => {
      const message = (await request('message.getById', [messageId])) as IMessage | null;
      return new MessageBuilder(message ?? undefined);
    },
    room: async (roomId) => {
      const room = (await request('modify.updater.room', [roomId])) as IRoom | null;
      return new RoomBuilder(room ?? undefined);
    },
    finish: (builder): Promise<void> => finishByKind(builder, 'ModifyUpdater', finishMessage, finishRoom),
  };
}
