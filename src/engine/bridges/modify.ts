/**
 * `modify`: creator, updater, deleter. After RC `apps/meteor/app/apps/server/bridges/rooms.ts`,
 * `messages.ts`, the messages converter (`convertAppMessage`), AE `ModifyDeleter.ts`, and the
 * runtime's `deno-runtime/lib/accessors/modify/ModifyCreator.ts` / `ModifyUpdater.ts` checks.
 * Room flows go through `ctx.actions` (the host decides validation and events).
 */
import { toAppRoom } from '../world/convert.ts';
import type { AppRoomRequest, BridgeContext, BridgeHandler } from './types.ts';
import { BridgeError } from './types.ts';
import { checkRoomToCreate, optionalString, roomPatch, splitBuilderData } from './room-builder.ts';
import { buildMessage, messageUpdatePatch } from './message-builder.ts';
import { idOf, isObj, type Obj } from './util.ts';

async function createRoom(ctx: BridgeContext, data: unknown): Promise<string> {
  const { room, members } = splitBuilderData(data);
  checkRoomToCreate(room);
  const type = room['type'];
  if (type !== 'c' && type !== 'p' && type !== 'd') {
    throw new BridgeError('Only channels, private groups and direct messages can be created.');
  }
  const request: AppRoomRequest = { type, creatorId: idOf(room['creator']) as string, memberUsernames: members };
  const slug = optionalString(room, 'slugifiedName');
  if (slug !== undefined) request.slugifiedName = slug;
  const displayName = optionalString(room, 'displayName');
  if (displayName !== undefined) request.displayName = displayName;
  if (room['isReadOnly'] !== undefined) request.isReadOnly = Boolean(room['isReadOnly']);
  if (room['isDefault'] !== undefined) request.isDefault = Boolean(room['isDefault']);
  if (isObj(room['customFields'])) request.customFields = structuredClone(room['customFields']);
  const description = optionalString(room, 'description');
  if (description !== undefined) request.description = description;
  const parentId = idOf(room['parentRoom']);
  if (parentId !== undefined) request.parentRoomId = parentId;
  const created = await ctx.actions.createRoom(ctx.appId, request);
  return created.id;
}

function createDiscussion(ctx: BridgeContext, data: unknown): never {
  const { room } = splitBuilderData(data);
  if (!idOf(room['creator'])) throw new BridgeError('Invalid creator assigned to the discussion.');
  if (!optionalString(room, 'slugifiedName')?.trim()) throw new BridgeError('Invalid slugifiedName assigned to the discussion.');
  if (!optionalString(room, 'displayName')?.trim()) throw new BridgeError('Invalid displayName assigned to the discussion.');
  const parentId = idOf(room['parentRoom']);
  if (!parentId) throw new BridgeError('Invalid parentRoom assigned to the discussion.');
  if (!ctx.world.roomById(parentId)) throw new BridgeError('There must be a parent room to create a discussion.');
  throw new BridgeError('hookscope does not simulate creating discussions (modify.getCreator().startDiscussion()) yet.');
}

export const creatorFinish: BridgeHandler<'modify.creator.finish'> = async (ctx, kind, data) => {
  switch (kind) {
    case 'message': {
      const message = buildMessage(ctx, isObj(data) ? data : {});
      ctx.world.addMessage(message);
      return message.id;
    }
    case 'room':
      return createRoom(ctx, data);
    case 'discussion':
      return createDiscussion(ctx, data);
    default:
      throw new BridgeError('Invalid builder passed to the ModifyCreator.finish function.');
  }
};

/** The room to wrap in a builder: undefined when missing (the runtime builds over it, no error). */
export const updaterRoom: BridgeHandler<'modify.updater.room'> = (ctx, roomId) => {
  const room = ctx.world.roomById(roomId);
  return room ? toAppRoom(ctx.world, room) : undefined;
};

export const updaterFinish: BridgeHandler<'modify.updater.finish'> = async (ctx, kind, data) => {
  if (kind === 'room') {
    // The runtime validated the whole room and sends `{ id, ...changes }` (spec 7.3, Updater):
    // RC's doUpdate `$set`s just those fields.
    const { room, members } = splitBuilderData(data);
    const id = idOf(room);
    if (!id) throw new BridgeError("Invalid room, can't update a room without an id.");
    if (!ctx.world.roomById(id)) throw new BridgeError('Room id not found');
    // RC adds only the usernames that belong to a user.
    const add = members.filter((u) => ctx.world.userByUsername(u) !== undefined);
    await ctx.actions.updateRoom(ctx.appId, id, roomPatch(ctx.world, room), add);
    return undefined;
  }
  if (kind === 'message') {
    const msg: Obj = isObj(data) ? data : {};
    const { id, patch } = messageUpdatePatch(ctx, msg);
    // RC's updateMessage on a message that is gone changes nothing.
    if (ctx.world.messageById(id)) ctx.world.updateMessage(id, patch);
    return undefined;
  }
  throw new BridgeError('Invalid builder passed to the ModifyUpdater.finish function.');
};

/** RoomBridge.delete -> RC deleteRoom. Fires no room events (the host's action decides). */
export const deleteRoom: BridgeHandler<'modify.deleter.deleteRoom'> = async (ctx, roomId) => {
  await ctx.actions.deleteRoom(ctx.appId, roomId);
  return undefined;
};

/** MessageBridge.delete: needs an id; deleting a message that is gone does nothing. */
export const deleteMessage: BridgeHandler<'modify.deleter.deleteMessage'> = (ctx, messageId) => {
  if (!messageId) throw new BridgeError('Invalid message id');
  ctx.world.deleteMessage(messageId);
  return undefined;
};

/** ModifyDeleter.removeUsersFromRoom (max 50) -> RoomBridge.removeUsers (existing users only). */
export const removeUsersFromRoom: BridgeHandler<'modify.deleter.removeUsersFromRoom'> = async (ctx, roomId, usernames) => {
  const list = Array.isArray(usernames) ? usernames : [];
  if (list.length > 50) throw new BridgeError('A maximum of 50 members can be removed in a single call');
  if (!roomId) throw new BridgeError('roomId was not provided.');
  const existing = list.filter((u) => ctx.world.userByUsername(u) !== undefined).slice(0, 50);
  await ctx.actions.removeUsersFromRoom(ctx.appId, roomId, existing);
  return undefined;
};
