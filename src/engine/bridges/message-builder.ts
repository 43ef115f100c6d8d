/**
 * Messages coming back from an app's message builder, checked and converted as RC's
 * `convertAppMessage` and message bridge (`create`, `update`) and the runtime's
 * ModifyCreator / ModifyUpdater / Notifier do.
 */
import { hasPermission } from '../world/permissions.ts';
import type { WorldMessage, WorldRoom, WorldUser } from '../world/types.ts';
import type { BridgeContext } from './types.ts';
import { BridgeError } from './types.ts';
import { ensureAppUser } from './users.ts';
import { asDate, copy, freshId, idOf, now, type Obj } from './util.ts';

/** `convertAppMessage`: the message's room must exist. */
export function messageRoom(ctx: BridgeContext, msg: Obj): WorldRoom {
  const roomId = idOf(msg['room']);
  const room = roomId === undefined ? undefined : ctx.world.roomById(roomId);
  if (!room) throw new BridgeError('Invalid room provided on the message.');
  return room;
}

/** The message's sender id, or the app's bot user when the builder set none (runtime default). */
export function senderIdOrAppUser(ctx: BridgeContext, msg: Obj): string {
  const id = idOf(msg['sender']);
  if (id !== undefined) return id;
  const appUser = ensureAppUser(ctx, ctx.appId);
  if (!appUser) throw new BridgeError('Invalid sender assigned to the message.');
  return appUser.id;
}

const FIELDS = ['text', 'blocks', 'attachments', 'alias', 'emoji', 'avatarUrl', 'groupable', 'parseUrls', 'threadId', 'customFields'] as const;
type Field = (typeof FIELDS)[number];

function copyFields(msg: Obj, into: Partial<Pick<WorldMessage, Field>>): void {
  for (const key of FIELDS) {
    const v = msg[key];
    if (v === undefined || v === null) continue;
    (into as Record<string, unknown>)[key] = copy(v);
  }
}

/**
 * RC `validateRoomMessagePermissionsAsync` (app/authorization/server/functions/canSendMessage.ts),
 * which the apps message bridge runs before it sends: app users skip only the access check; a
 * read-only room still needs `post-readonly` (admin, owner, moderator by default), so an app's
 * bot cannot post in an announcement channel unless it is given that permission or room role.
 */
function checkCanPost(ctx: BridgeContext, room: WorldRoom, sender: WorldUser): void {
  if (sender.type !== 'app' && (room.type === 'p' || room.type === 'd') && !room.memberIds.includes(sender.id)) {
    throw new BridgeError('error-not-allowed');
  }
  if (room.isReadOnly && !hasPermission(ctx.world.data, sender, 'post-readonly', room)) {
    throw new BridgeError("You can't send messages because the room is readonly.");
  }
}

/** The WorldMessage `modify.getCreator().finish(messageBuilder)` stores. */
export function buildMessage(ctx: BridgeContext, msg: Obj): WorldMessage {
  const room = messageRoom(ctx, msg);
  const senderId = senderIdOrAppUser(ctx, msg);
  const sender = ctx.world.userById(senderId);
  if (!sender) throw new BridgeError('Invalid user [error-invalid-user]');
  checkCanPost(ctx, room, sender);
  const message: WorldMessage = {
    id: freshId(ctx, 'msg', (id) => ctx.world.messageById(id) !== undefined),
    roomId: room.id,
    senderId,
    appId: ctx.appId,
    createdAt: asDate(msg['createdAt']) ?? now(ctx),
  };
  copyFields(msg, message);
  return message;
}

/** `modify.getUpdater().finish(messageBuilder)`: the checks, then the fields to change. */
export function messageUpdatePatch(ctx: BridgeContext, msg: Obj): { id: string; patch: Partial<WorldMessage> } {
  const id = idOf(msg);
  if (id === undefined) throw new BridgeError("Invalid message, can't update a message without an id.");
  if (idOf(msg['sender']) === undefined) throw new BridgeError('Invalid sender assigned to the message.');
  const editorId = idOf(msg['editor']);
  if (editorId === undefined || !ctx.world.userById(editorId)) {
    throw new BridgeError('Invalid editor assigned to the message for the update.');
  }
  const patch: Partial<WorldMessage> = { updatedAt: now(ctx) };
  copyFields(msg, patch);
  return { id, patch };
}

/** The text/blocks part of a notification message. */
export function notificationBody(msg: Obj): { text?: string; blocks?: unknown[] } {
  const out: { text?: string; blocks?: unknown[] } = {};
  if (typeof msg['text'] === 'string') out.text = msg['text'];
  if (Array.isArray(msg['blocks'])) out.blocks = copy(msg['blocks']);
  return out;
}
