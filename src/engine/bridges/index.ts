/**
 * The host side of accessor calls: one handler per {@link AccessorOp}, and the dispatcher the
 * host calls for every `request` from an app runtime. Handlers take decoded plain arguments and
 * return plain values (the caller encodes them); a {@link BridgeError} reaches the app as an
 * Error with its message. The table is a `BridgeTable`: the protocol's op table gives each
 * handler its arguments and result type, so an op without a handler does not compile.
 */
import type { AccessorOp, AccessorOps } from '../../protocol/runtime-protocol.ts';
import type { BridgeContext, BridgeHandler, BridgeTable } from './types.ts';
import { BridgeError } from './types.ts';
import * as settings from './settings.ts';
import * as users from './users.ts';
import * as rooms from './rooms.ts';
import * as messages from './messages.ts';
import * as persistence from './persistence.ts';
import * as http from './http.ts';
import * as modify from './modify.ts';
import * as notifier from './notifier.ts';
import * as scheduler from './scheduler.ts';

export const bridges: BridgeTable = {
  'settings.getById': settings.getById,
  'settings.getValueById': settings.getValueById,
  'settings.update': settings.update,
  'serverSettings.getOneById': settings.serverGetOneById,
  'serverSettings.getValueById': settings.serverGetValueById,
  'user.getById': users.getById,
  'user.getByUsername': users.getByUsername,
  'user.getAppUser': users.getAppUser,
  'room.getById': rooms.getById,
  'room.getByName': rooms.getByName,
  'room.getCreatorUserById': rooms.getCreatorUserById,
  'room.getCreatorUserByName': rooms.getCreatorUserByName,
  'room.getMembers': rooms.getMembers,
  'room.getDirectByUsernames': rooms.getDirectByUsernames,
  'room.getOwners': rooms.getOwners,
  'room.getMessages': rooms.getMessages,
  'message.getById': messages.getById,
  'persistence.read': persistence.read,
  'persistence.readByAssociations': persistence.readByAssociations,
  'persistence.create': persistence.create,
  'persistence.update': persistence.update,
  'persistence.updateByAssociations': persistence.updateByAssociations,
  'persistence.remove': persistence.remove,
  'persistence.removeByAssociations': persistence.removeByAssociations,
  'http.request': http.request,
  'modify.creator.finish': modify.creatorFinish,
  'modify.updater.room': modify.updaterRoom,
  'modify.updater.finish': modify.updaterFinish,
  'modify.deleter.deleteRoom': modify.deleteRoom,
  'modify.deleter.deleteMessage': modify.deleteMessage,
  'modify.deleter.removeUsersFromRoom': modify.removeUsersFromRoom,
  'modify.notifier.notifyUser': notifier.notifyUser,
  'modify.notifier.notifyRoom': notifier.notifyRoom,
  'scheduler.schedule': scheduler.schedule,
  'scheduler.cancel': scheduler.cancel,
  unsupported: (_ctx, what) => {
    throw new BridgeError(`${String(what)} is not simulated by hookscope: the app called an Apps-Engine accessor method that this simulator does not support.`);
  },
};

/**
 * Runs the handler for `op` and returns its plain result (awaited). Unknown ops and arguments
 * that are not a list throw a {@link BridgeError}; anything a handler throws propagates as is.
 */
export async function dispatchAccessor(ctx: BridgeContext, op: string, args: readonly unknown[]): Promise<unknown> {
  if (!Object.prototype.hasOwnProperty.call(bridges, op)) {
    throw new BridgeError(`Unknown accessor operation "${op}".`);
  }
  if (!Array.isArray(args)) throw new BridgeError(`Accessor operation "${op}" was called without an argument list.`);
  const handler = bridges[op as AccessorOp] as BridgeHandler<AccessorOp>;
  return await handler(ctx, ...(args as AccessorOps[AccessorOp]));
}

export { BridgeError } from './types.ts';
