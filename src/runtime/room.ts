/**
 * The runtime's Room class for Pre events (spec section 3), shaped like the app runtime's:
 * all IRoom fields copied from the plain room, a private `_USERNAMES`, a deprecated `usernames`
 * getter (with a no-op setter), `getUsernames()`, and `toJSON`/`toString`/`valueOf` returning the
 * `value` subset. What `usernames` is depends on the runtime (spec section 8, the profile's
 * `roomUsernames` switch):
 * - `'array'` (Deno runtime, RC `packages/apps-engine/deno-runtime/lib/room.ts`): the host sends the
 *   member usernames, so `usernames` is already the array (the host's room carries `_USERNAMES` and
 *   the getter returns it without a bridge call).
 * - `'promise'` (Node runtime, RC 8.8+, `packages/apps/base-runtime/src/lib/room.ts`): the getter
 *   returns a Promise: `Promise.resolve([])` while the room has no id (Pre create), otherwise the
 *   answer of the internal bridge's `doGetUsernamesOfRoomById`, cached in `_USERNAMES` (here: the
 *   members the host sent, which is what that bridge answers). An app that reads it without
 *   `await` gets a Promise (`JSON.stringify` gives `{}`, `.length` is undefined), as on the server.
 */
import type { IRoom } from '@rocket.chat/apps-engine/definition/rooms/IRoom.js';
import type { RoomType } from '@rocket.chat/apps-engine/definition/rooms/RoomType.js';
import type { IUser } from '@rocket.chat/apps-engine/definition/users/IUser.js';

/*
 * The IRoom fields are `declare`d: by default only the fields the host sent become own properties
 * (the vm-era Room, compiled without define semantics). The Deno runtime's class fields are own
 * `undefined` properties, which msgpack sends back as null when an app returns its Room: the
 * differential harness showed the real Modify then gets `customFields: null` and
 * `builder.addCustomField` throws (fidelity seed 20260101, batch 1, pipeline 35). The
 * `roomOwnFields` switch reproduces that for the Deno-runtime profiles.
 */
/** How `room.usernames` behaves: the Deno runtime's array, or the Node runtime's Promise (spec section 8). */
export type RoomUsernamesMode = 'array' | 'promise';

/**
 * Node runtime: what the bridge would answer for each room (not an own property, so it never
 * crosses back with a returned room; RC keeps its manager behind a non-enumerable symbol).
 */
const BRIDGE_ANSWERS = new WeakMap<object, Array<string>>();

/** The Deno runtime's Room class fields, in its declaration order (deno-runtime lib/room.ts). */
const DENO_ROOM_FIELDS = [
  'id',
  'displayName',
  'slugifiedName',
  'type',
  'creator',
  'isDefault',
  'isReadOnly',
  'displaySystemMessages',
  'messageCount',
  'createdAt',
  'updatedAt',
  'lastModifiedAt',
  'customFields',
  'userIds',
  '_USERNAMES',
] as const;

export class Room {
  declare public id: string | undefined;
  declare public displayName?: string;
  declare public slugifiedName: string | undefined;
  declare public type: RoomType | undefined;
  declare public creator: IUser | undefined;
  declare public isDefault?: boolean;
  declare public isReadOnly?: boolean;
  declare public displaySystemMessages?: boolean;
  declare public messageCount?: number;
  declare public createdAt?: Date;
  declare public updatedAt?: Date;
  declare public lastModifiedAt?: Date;
  declare public customFields?: { [key: string]: unknown };
  declare public userIds?: Array<string>;
  private _USERNAMES: Array<string> | Promise<Array<string>> | undefined;

  public constructor(room: Record<string, unknown>, usernames: Array<string>, mode: RoomUsernamesMode = 'array', ownFields = false) {
    // The Deno runtime's class fields: own `undefined` properties, in declaration order, before the
    // host's room is copied over them (so a returned Room sends `customFields: null` and the like).
    if (ownFields)
      for (const field of DENO_ROOM_FIELDS) Object.defineProperty(this, field, { value: undefined, writable: true, enumerable: true, configurable: true });
    Object.assign(this, room);
    if (mode === 'array') this._USERNAMES = usernames;
    else BRIDGE_ANSWERS.set(this, usernames);
  }

  /** @deprecated (as in Apps-Engine) */
  public get usernames(): Array<string> | Promise<Array<string>> {
    if (!BRIDGE_ANSWERS.has(this)) return (this._USERNAMES as Array<string> | undefined) ?? [];
    // Node runtime: a Promise; [] while the room has no id (base-runtime room.ts).
    if (!this.id) return Promise.resolve([]);
    if (typeof this._USERNAMES === 'undefined') this._USERNAMES = this.askBridge();
    return this._USERNAMES ?? Promise.resolve([]);
  }

  public set usernames(_usernames: Array<string> | Promise<Array<string>>) {}

  public get value(): object {
    return {
      id: this.id,
      displayName: this.displayName,
      slugifiedName: this.slugifiedName,
      type: this.type,
      creator: this.creator,
      isDefault: this.isDefault,
      isReadOnly: this.isReadOnly,
      displaySystemMessages: this.displaySystemMessages,
      messageCount: this.messageCount,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
      lastModifiedAt: this.lastModifiedAt,
      customFields: this.customFields,
      userIds: this.userIds,
    };
  }

  public async getUsernames(): Promise<Array<string>> {
    if (BRIDGE_ANSWERS.has(this) && typeof this._USERNAMES === 'undefined') this._USERNAMES = this.askBridge();
    return (await this._USERNAMES) || [];
  }

  /** Stand-in for the internal bridge's `doGetUsernamesOfRoomById(id)`: the members the host sent. */
  private askBridge(): Promise<Array<string>> {
    return Promise.resolve([...(BRIDGE_ANSWERS.get(this) ?? [])]);
  }

  public toJSON(): object {
    return this.value;
  }

  public toString(): object {
    return this.value;
  }

  public valueOf(): object {
    return this.value;
  }
}

/** Type check only: the Room has the IRoom shape apps expect. */
export type RoomAsIRoom = Room extends Omit<IRoom, 'usernames'> ? true : false;

/**
 * What crossing the boundary does to a returned value: the real runtime encodes with msgpack,
 * which ignores `toJSON` and writes an object's own enumerable properties. Our wire encoding
 * honours `toJSON`, so Room instances in a result are first replaced by their own properties.
 * Values without a Room inside are returned as they are (so encoding errors keep their paths).
 */
export function unwrapRooms(value: unknown, seen: Set<object> = new Set()): unknown {
  if (typeof value !== 'object' || value === null || seen.has(value)) return value;
  const isRoom = value instanceof Room;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (!isRoom && !Array.isArray(value) && proto !== Object.prototype && proto !== null) return value;
  seen.add(value);
  try {
    if (Array.isArray(value)) {
      const items = value.map((v) => unwrapRooms(v, seen));
      return items.every((v, i) => v === value[i]) ? value : items;
    }
    const src = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    let changed = isRoom;
    for (const k of Object.keys(src)) {
      out[k] = unwrapRooms(src[k], seen);
      if (out[k] !== src[k]) changed = true;
    }
    return changed ? out : value;
  } finally {
    seen.delete(value);
  }
}
