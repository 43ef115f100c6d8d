/**
 * `modify.getNotifier()` / `read.getNotifier()`: ephemeral messages. After RC
 * `apps/meteor/app/apps/server/bridges/messages.ts` (`notifyUser`, `notifyRoom`) and the runtime's
 * `deno-runtime/lib/accessors/notifier.ts` (sender defaults to the app user):
 * - both convert the message first, so `message.room` must be an existing room;
 * - notifyRoom does nothing when the target room has no id.
 */
import type { WorldNotification } from '../world/types.ts';
import type { BridgeContext, BridgeHandler } from './types.ts';
import { messageRoom, notificationBody, senderIdOrAppUser } from './message-builder.ts';
import { freshId, idOf, isObj, now, type Obj } from './util.ts';

function notification(ctx: BridgeContext, target: WorldNotification['target'], msg: Obj): WorldNotification {
  const room = messageRoom(ctx, msg);
  return {
    id: freshId(ctx, 'notification', (id) => ctx.world.data.notifications.some((n) => n.id === id)),
    appId: ctx.appId,
    target,
    roomId: room.id,
    senderId: senderIdOrAppUser(ctx, msg),
    ...notificationBody(msg),
    createdAt: now(ctx),
  };
}

export const notifyUser: BridgeHandler<'modify.notifier.notifyUser'> = (ctx, user, message) => {
  const msg: Obj = isObj(message) ? message : {};
  const userId = idOf(user) ?? '';
  ctx.world.addNotification(notification(ctx, { kind: 'user', userId }, msg));
  return undefined;
};

export const notifyRoom: BridgeHandler<'modify.notifier.notifyRoom'> = (ctx, room, message) => {
  const roomId = idOf(room);
  if (roomId === undefined) return undefined;
  const msg: Obj = isObj(message) ? message : {};
  ctx.world.addNotification(notification(ctx, { kind: 'room', roomId }, msg));
  return undefined;
};
