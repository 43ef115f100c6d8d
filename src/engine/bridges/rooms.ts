/**
 * Rooms (IRoomRead). After RC `apps/meteor/app/apps/server/bridges/rooms.ts` and AE
 * `src/server/accessors/RoomRead.ts` (getMessages' option checks). Rooms come through the room
 * converter: no `usernames` field (that only exists on the runtime's Room class for events).
 */
import { toAppRoom, toAppUser } from '../world/convert.ts';
import type { WorldRoom } from '../world/types.ts';
import type { BridgeContext, BridgeHandler } from './types.ts';
import { BridgeError } from './types.ts';
import { toRawMessage } from './messages.ts';
import { field, isObj } from './util.ts';

const room = (ctx: BridgeContext, r: WorldRoom | undefined) => (r ? toAppRoom(ctx.world, r) : undefined);
const creator = (ctx: BridgeContext, r: WorldRoom | undefined) => {
  const user = r ? ctx.world.userById(r.creatorId) : undefined;
  return user ? toAppUser(user) : undefined;
};

export const getById: BridgeHandler<'room.getById'> = (ctx, id) => room(ctx, ctx.world.roomById(id));
export const getByName: BridgeHandler<'room.getByName'> = (ctx, name) => room(ctx, ctx.world.roomByName(name));
export const getCreatorUserById: BridgeHandler<'room.getCreatorUserById'> = (ctx, id) => creator(ctx, ctx.world.roomById(id));
export const getCreatorUserByName: BridgeHandler<'room.getCreatorUserByName'> = (ctx, name) => creator(ctx, ctx.world.roomByName(name));

/** One entry per subscription; a member whose user record is gone converts to undefined (null). */
export const getMembers: BridgeHandler<'room.getMembers'> = (ctx, roomId) => {
  const r = ctx.world.roomById(roomId);
  if (!r) return [];
  return r.memberIds.map((id) => {
    const user = ctx.world.userById(id);
    return user ? toAppUser(user) : null;
  });
};

/** Users with the owner role, in user-collection order (RC: `Users.findByIds`). */
export const getOwners: BridgeHandler<'room.getOwners'> = (ctx, roomId) => {
  const r = ctx.world.roomById(roomId);
  if (!r) return [];
  return ctx.world.data.users.filter((u) => r.ownerIds.includes(u.id)).map(toAppUser);
};

/**
 * `Rooms.findDirectRoomContainingAllUsernames`: `{ t: 'd', usernames: { $size: n, $all: list },
 * usersCount: n }`: a DM with exactly n members that include every listed username.
 */
export const getDirectByUsernames: BridgeHandler<'room.getDirectByUsernames'> = (ctx, usernames) => {
  const list = Array.isArray(usernames) ? usernames : [];
  const found = ctx.world.data.rooms.find((r) => {
    if (r.type !== 'd') return false;
    const names = ctx.world.usernames(r);
    return names.length === list.length && r.memberIds.length === list.length && list.every((n) => names.includes(n));
  });
  return room(ctx, found);
};

const SORTABLE = ['createdAt'];

/** RoomRead.getMessages checks, then the bridge query (no system messages, no hidden ones). */
export const getMessages: BridgeHandler<'room.getMessages'> = (ctx, roomId, options) => {
  const opts = isObj(options) ? options : {};
  const limitIn = opts['limit'];
  if (limitIn !== undefined && limitIn !== null && (typeof limitIn !== 'number' || !Number.isFinite(limitIn) || limitIn > 100)) {
    throw new BridgeError(`Invalid limit provided. Expected number <= 100, got ${String(limitIn)}`);
  }
  const limit = typeof limitIn === 'number' ? limitIn : 100;
  const showThreads = opts['showThreadMessages'] ?? true;
  const sort = opts['sort'];
  let direction: 'asc' | 'desc' | undefined;
  if (isObj(sort)) {
    for (const [key, value] of Object.entries(sort)) {
      if (!SORTABLE.includes(key)) {
        throw new BridgeError(`Invalid key "${key}" used in sort. Available keys for sorting are ${SORTABLE.join(', ')}`);
      }
      if (value !== 'asc' && value !== 'desc') {
        throw new BridgeError(`Invalid sort direction for field "${key}". Expected "asc" or "desc", got ${String(value)}`);
      }
    }
    const d = field(sort, 'createdAt');
    if (d === 'asc' || d === 'desc') direction = d;
  }
  const skipIn = opts['skip'];
  const skip = typeof skipIn === 'number' && skipIn > 0 ? Math.floor(skipIn) : 0;

  let list = ctx.world.data.messages.filter((m) => m.roomId === roomId && m.system === undefined && (showThreads || m.threadId === undefined));
  if (direction) {
    const sign = direction === 'asc' ? 1 : -1;
    list = [...list].sort((a, b) => sign * (a.createdAt.getTime() - b.createdAt.getTime()));
  }
  // MongoDB: limit 0 means no limit, a negative limit is taken as its absolute value.
  const take = Math.abs(Math.trunc(limit));
  list = list.slice(skip, take === 0 ? undefined : skip + take);
  return list.map((m) => toRawMessage(ctx.world, m));
};
