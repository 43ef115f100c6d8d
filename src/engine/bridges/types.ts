/**
 * The host side of accessor calls: each {@link AccessorOp} an app sends is answered by a bridge
 * handler from the world (as RC's `apps/meteor/app/apps/server/bridges/` do).
 */
import type { AccessorOp, AccessorOps, AccessorResults } from '../../protocol/runtime-protocol.ts';
import type { EngineEnv } from '../env.ts';
import type { WorldStore } from '../world/store.ts';
import type { WorldRoom } from '../world/types.ts';

/** What the host knows about an installed app that bridges need. */
export interface InstalledAppInfo {
  id: string;
  name: string;
  nameSlug: string;
}

/** A room an app asks the host to create through `modify.getCreator().finish(roomBuilder)`. */
export interface AppRoomRequest {
  type: 'c' | 'p' | 'd';
  slugifiedName?: string;
  displayName?: string;
  creatorId: string;
  /** Usernames the builder listed to be added (`setMembersToBeAddedByUsernames`, ...). */
  memberUsernames: string[];
  isReadOnly?: boolean;
  isDefault?: boolean;
  customFields?: Record<string, unknown>;
  description?: string;
  parentRoomId?: string;
}

/**
 * Host flows an app can set off through `modify`. Implemented by the host (src/engine/host),
 * which decides, as Rocket.Chat's bridges do, whether room events fire for them.
 */
export interface AppInitiatedActions {
  createRoom(appId: string, request: AppRoomRequest): Promise<WorldRoom>;
  /** `modify.getUpdater().finish(roomBuilder)`: patch fields, add the listed members. */
  updateRoom(appId: string, roomId: string, patch: Partial<WorldRoom>, addUsernames: string[]): Promise<void>;
  deleteRoom(appId: string, roomId: string): Promise<void>;
  removeUsersFromRoom(appId: string, roomId: string, usernames: string[]): Promise<void>;
}

export interface BridgeContext {
  appId: string;
  /** The listener call this request belongs to (null: a timer or promise left behind by a handler). */
  callId: string | null;
  world: WorldStore;
  env: EngineEnv;
  app(appId: string): InstalledAppInfo | undefined;
  actions: AppInitiatedActions;
}

/** A failure the app sees as a thrown Error with this message (what RC's bridges throw). */
export class BridgeError extends Error {
  override readonly name = 'Error';
}

/** The host's answer to one op: its arguments and its result as the op table says (src/protocol). */
export type BridgeHandler<Op extends AccessorOp> = (ctx: BridgeContext, ...args: AccessorOps[Op]) => AccessorResults[Op] | Promise<AccessorResults[Op]>;

export type BridgeTable = { [Op in AccessorOp]: BridgeHandler<Op> };
