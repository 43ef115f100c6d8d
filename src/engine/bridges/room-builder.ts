/**
 * Rooms coming back from an app's room builder (`modify.getCreator().startRoom()`,
 * `modify.getUpdater().room()`): the checks the runtime's ModifyCreator / ModifyUpdater make
 * (RC `packages/apps-engine/deno-runtime/lib/accessors/modify/`), and the fields RC's
 * `convertAppRoom` maps onto the stored room.
 */
import type { WorldStore } from '../world/store.ts';
import type { RoomTypeCode, WorldRoom } from '../world/types.ts';
import { BridgeError } from './types.ts';
import { asDate, copy, field, idOf, isObj, type Obj } from './util.ts';

const ROOM_TYPES: readonly string[] = ['c', 'p', 'd', 'l'];

const blank = (v: unknown) => typeof v !== 'string' || v.trim() === '';

/** The room and the builder's "members to be added" usernames, from `data`. */
export function splitBuilderData(data: unknown): { room: Obj; members: string[] } {
  let room: Obj = isObj(data) ? data : {};
  let members: unknown = room['members'];
  // Also accept `{ room, members }`.
  if (isObj(room['room']) && room['type'] === undefined) {
    members = room['members'];
    room = room['room'] as Obj;
  }
  const list = Array.isArray(members) ? members.filter((m): m is string => typeof m === 'string') : [];
  return { room, members: list };
}

/** ModifyCreator._finishRoom checks (messages verbatim). */
export function checkRoomToCreate(room: Obj): void {
  const type = room['type'];
  if (!type) throw new BridgeError('Invalid type assigned to the room.');
  if (type !== 'l' && !idOf(room['creator'])) throw new BridgeError('Invalid creator assigned to the room.');
  if (type !== 'd') {
    if (type !== 'l' && blank(room['slugifiedName'])) throw new BridgeError('Invalid slugifiedName assigned to the room.');
    if (blank(room['displayName'])) throw new BridgeError('Invalid displayName assigned to the room.');
  }
}

/** ModifyUpdater._finishRoom checks (messages verbatim). */
export function checkRoomToUpdate(room: Obj): void {
  if (!idOf(room)) throw new BridgeError("Invalid room, can't update a room without an id.");
  const type = room['type'];
  if (!type) throw new BridgeError('Invalid type assigned to the room.');
  if (type !== 'l') {
    if (!idOf(room['creator'])) throw new BridgeError('Invalid creator assigned to the room.');
    if (blank(room['slugifiedName'])) throw new BridgeError('Invalid slugifiedName assigned to the room.');
  }
  if (blank(room['displayName'])) throw new BridgeError('Invalid displayName assigned to the room.');
}

/** The stored-room fields `convertAppRoom(room, true)` sets (the `$set` of a room update). */
export function roomPatch(world: WorldStore, room: Obj): Partial<WorldRoom> {
  const patch: Partial<WorldRoom> = {};
  const type = room['type'];
  if (typeof type === 'string' && ROOM_TYPES.includes(type)) patch.type = type as RoomTypeCode;
  const createdAt = asDate(room['createdAt']);
  if (createdAt) patch.createdAt = createdAt;
  if (room['messageCount'] !== undefined) patch.messageCount = typeof room['messageCount'] === 'number' ? room['messageCount'] || 0 : 0;
  const updatedAt = asDate(room['updatedAt']);
  if (updatedAt) patch.updatedAt = updatedAt;
  if (typeof room['displayName'] === 'string' && room['displayName']) patch.displayName = room['displayName'];
  if (type !== 'd' && typeof room['slugifiedName'] === 'string' && room['slugifiedName']) patch.slugifiedName = room['slugifiedName'];
  if (room['isDefault'] !== undefined) patch.isDefault = Boolean(room['isDefault']);
  if (room['isReadOnly'] !== undefined) patch.isReadOnly = Boolean(room['isReadOnly']);
  if (room['displaySystemMessages'] !== undefined) patch.displaySystemMessages = Boolean(room['displaySystemMessages']);
  const creatorId = idOf(room['creator']);
  if (creatorId && world.userById(creatorId)) patch.creatorId = creatorId;
  const lm = asDate(room['lastModifiedAt']);
  if (lm) patch.lastModifiedAt = lm;
  if (isObj(room['customFields'])) patch.customFields = copy(room['customFields']);
  const parentId = idOf(room['parentRoom']);
  if (room['parentRoom'] !== undefined && parentId) patch.parentRoomId = parentId;
  return patch;
}

export function optionalString(room: Obj, key: string): string | undefined {
  const v = field(room, key);
  return typeof v === 'string' && v !== '' ? v : undefined;
}
