/**
 * Messages as apps see them. After RC `apps/meteor/app/apps/server/converters/messages.ts`:
 * `convertMessage` (IMessage: `room` and `sender` resolved to full IRoom / IUser) for
 * `message.getById`, and `convertMessageRaw` (IMessageRaw: `roomId`, `sender` as a user lookup)
 * for `room.getMessages`.
 */
import type { WorldStore } from '../world/store.ts';
import type { WorldMessage } from '../world/types.ts';
import { toAppRoom, toAppUser } from '../world/convert.ts';
import type { BridgeHandler } from './types.ts';
import { copy } from './util.ts';

type Out = Record<string, unknown>;

/** The optional fields both converters map the same way (RC name -> app name). */
function common(m: WorldMessage, out: Out): Out {
  out['createdAt'] = m.createdAt;
  // RC messages always carry `_updatedAt`; the world only sets updatedAt after an edit.
  out['updatedAt'] = m.updatedAt ?? m.createdAt;
  if (m.text !== undefined) out['text'] = m.text;
  if (m.threadId !== undefined) out['threadId'] = m.threadId;
  if (m.blocks !== undefined) out['blocks'] = copy(m.blocks);
  if (m.attachments !== undefined) out['attachments'] = copy(m.attachments);
  if (m.alias !== undefined) out['alias'] = m.alias;
  if (m.emoji !== undefined) out['emoji'] = m.emoji;
  if (m.avatarUrl !== undefined) out['avatarUrl'] = m.avatarUrl;
  if (m.groupable !== undefined) out['groupable'] = m.groupable;
  if (m.parseUrls !== undefined) out['parseUrls'] = m.parseUrls;
  if (m.customFields !== undefined) out['customFields'] = copy(m.customFields);
  if (m.system !== undefined) out['type'] = m.system;
  return out;
}

/** IMessage (convertMessage). A sender that no longer exists keeps its id only. */
export function toAppMessage(world: WorldStore, m: WorldMessage): Out {
  const out: Out = { id: m.id };
  const room = world.roomById(m.roomId);
  if (room) out['room'] = toAppRoom(world, room);
  const sender = world.userById(m.senderId);
  out['sender'] = sender ? toAppUser(sender) : { id: m.senderId };
  return common(m, out);
}

/** IMessageRaw (convertMessageRaw): `sender` is RC's `u` lookup `{ _id, username, name }`. */
export function toRawMessage(world: WorldStore, m: WorldMessage): Out {
  const sender = world.userById(m.senderId);
  const u: Out = { _id: m.senderId };
  if (sender) {
    u['username'] = sender.username;
    u['name'] = sender.name;
  }
  return common(m, { id: m.id, roomId: m.roomId, sender: u });
}

export const getById: BridgeHandler<'message.getById'> = (ctx, id) => {
  const message = ctx.world.messageById(id);
  return message ? toAppMessage(ctx.world, message) : undefined;
};
