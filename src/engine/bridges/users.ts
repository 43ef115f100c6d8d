/**
 * Users (IUserRead). After RC `apps/meteor/app/apps/server/bridges/users.ts` and AE
 * `AppManager.createAppUser` (the bot user an app gets at install).
 */
import { toAppUser } from '../world/convert.ts';
import type { WorldUser } from '../world/types.ts';
import type { BridgeContext, BridgeHandler } from './types.ts';
import { BridgeError } from './types.ts';
import { freshId, now } from './util.ts';

export const getById: BridgeHandler<'user.getById'> = (ctx, id) => {
  const user = ctx.world.userById(id);
  return user ? toAppUser(user) : undefined;
};

export const getByUsername: BridgeHandler<'user.getByUsername'> = (ctx, username) => {
  const user = ctx.world.userByUsername(username);
  return user ? toAppUser(user) : undefined;
};

/**
 * The app's bot user (`Users.findOneByAppId`). RC creates it when the app is installed
 * (`AppManager.add` -> `createAppUser`, spec 7.2): the engine calls this at install and on every
 * load, and `getAppUser` again in case the world was replaced since. Same shape as RC's: username
 * `<nameSlug>.bot`, name = app name, roles ['app'], type 'app'. Unknown app -> undefined. Idempotent.
 */
export function ensureAppUser(ctx: BridgeContext, appId: string): WorldUser | undefined {
  const existing = ctx.world.data.users.find((u) => u.appId === appId);
  if (existing) return existing;
  const app = ctx.app(appId);
  if (!app) return undefined;
  const username = `${app.nameSlug}.bot`;
  if (ctx.world.userByUsername(username)) {
    // What RC's user bridge throws when the app is installed and the name is taken.
    throw new BridgeError(`The username "${username}" is already being used. Rename or remove the user using it to install this App`);
  }
  const user: WorldUser = {
    id: freshId(ctx, 'user', (id) => ctx.world.userById(id) !== undefined),
    username,
    name: app.name,
    roles: ['app'],
    type: 'app',
    appId,
    createdAt: now(ctx),
  };
  ctx.world.addUser(user);
  // A world made from a scenario may name the bot as a room member before it exists
  // (`members: ["<slug>.bot"]`, kept as a placeholder id): seat it now.
  for (const room of ctx.world.data.rooms) {
    if (room.memberIds.includes(username))
      ctx.world.updateRoom(room.id, { memberIds: [...new Set(room.memberIds.map((id) => (id === username ? user.id : id)))] });
  }
  return user;
}

/** IUserRead.getAppUser(appId?): `null` = the calling app. */
export const getAppUser: BridgeHandler<'user.getAppUser'> = (ctx, appId) => {
  const user = ensureAppUser(ctx, appId ?? ctx.appId);
  return user ? toAppUser(user) : undefined;
};
