/**
 * Conversions between the host's world records and the Apps-Engine shapes an app sees (IRoom,
 * IUser), after RC `apps/meteor/app/apps/server/converters/rooms.ts` and `users.ts`, and the
 * merge of an Extend/Modify result back into a room being created (spec section 6).
 */
import type { AppRoom, AppUser } from '../../protocol/runtime-protocol.ts';
import type { WorldRoom, WorldUser } from './types.ts';
import { ownValue } from '../own-keys.ts';
import type { WorldStore } from './store.ts';

/** IUser and IRoom as the converters build them: the shapes the user and room ops answer (src/protocol). */
export type { AppRoom, AppUser };

export function toAppUser(user: WorldUser): AppUser {
  const out: AppUser = {
    id: user.id,
    username: user.username,
    emails: [],
    type: user.type,
    isEnabled: true,
    name: user.name,
    roles: [...user.roles],
    status: 'online',
    statusConnection: 'online',
    utcOffset: 0,
    createdAt: user.createdAt,
    updatedAt: user.createdAt,
    lastLoginAt: user.createdAt,
  };
  if (user.appId !== undefined) out.appId = user.appId;
  if (user.customFields !== undefined) out.customFields = structuredClone(user.customFields);
  return out;
}

/** A placeholder for a creator that no longer exists (a deleted user): apps still get an object. */
function missingUser(id: string): AppUser {
  return toAppUser({ id, username: '', name: '', roles: [], type: 'user', createdAt: new Date(0) });
}

/**
 * The room as an app receives it. `withId: false` for a room being created (it has no id yet,
 * spec section 3), except 2-member direct messages, which callers handle by passing true.
 */
export function toAppRoom(world: WorldStore, room: WorldRoom, opts: { withId?: boolean; depth?: number } = {}): AppRoom {
  const creator = room.creatorId ? world.userById(room.creatorId) : undefined;
  const out: AppRoom = {
    slugifiedName: room.slugifiedName,
    type: room.type,
    ...(room.creatorId ? { creator: creator ? toAppUser(creator) : missingUser(room.creatorId) } : {}),
    isDefault: room.isDefault,
    isReadOnly: room.isReadOnly,
    displaySystemMessages: room.displaySystemMessages,
    messageCount: room.messageCount,
    createdAt: room.createdAt,
    updatedAt: room.updatedAt,
  };
  if (opts.withId !== false) out.id = room.id;
  if (room.displayName !== undefined) out.displayName = room.displayName;
  if (room.type === 'd') out.userIds = [...room.memberIds];
  if (room.lastModifiedAt !== undefined) out.lastModifiedAt = room.lastModifiedAt;
  if (room.description !== undefined) out.description = room.description;
  if (room.customFields !== undefined) out.customFields = structuredClone(room.customFields);
  if (room.teamId !== undefined) out.teamId = room.teamId;
  if (room.isTeamMain !== undefined) out.isTeamMain = room.isTeamMain;
  if (room.isFederated !== undefined) out.isFederated = room.isFederated;
  if (room.federation !== undefined) out.federation = structuredClone(room.federation);
  if (room.parentRoomId !== undefined && (opts.depth ?? 0) < 1) {
    const parent = world.roomById(room.parentRoomId);
    if (parent) out.parentRoom = toAppRoom(world, parent, { depth: (opts.depth ?? 0) + 1 });
  }
  return out;
}

export interface FieldChange {
  /** The IRoom field the app changed. */
  field: string;
  before: unknown;
  after: unknown;
}

export interface DroppedField extends FieldChange {
  /** Why the host did not apply it, in plain words. */
  reason: string;
}

export interface MergeResult {
  room: WorldRoom;
  applied: FieldChange[];
  dropped: DroppedField[];
}

const UNMAPPED_REASON: Record<string, string> = {
  description: 'the host does not map `description` back (convertAppRoom has no such field)',
  teamId: 'the host does not map `teamId` back',
  isTeamMain: 'the host does not map `isTeamMain` back',
  usernames: 'membership is not taken from an app result',
  id: 'the room id is assigned by the host',
};

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function asDate(v: unknown): Date | undefined {
  if (v instanceof Date) return v;
  if (typeof v === 'string' || typeof v === 'number') {
    const d = new Date(v);
    return Number.isNaN(d.getTime()) ? undefined : d;
  }
  return undefined;
}

/**
 * Merges the app room that came out of the Extend -> Modify chain into the room being created,
 * taking only the fields RC's `convertAppRoom` maps (spec section 6). `original` is the app-shaped
 * room that went into the chain, used to tell what the apps changed.
 */
export function mergeMappedFields(
  world: WorldStore,
  room: WorldRoom,
  original: AppRoom,
  result: Record<string, unknown>,
  opts: { codecs?: boolean } = {},
): MergeResult {
  const next: WorldRoom = structuredClone(room);
  const applied: FieldChange[] = [];
  const dropped: DroppedField[] = [];
  const orig = original as unknown as Record<string, unknown>;
  // null and a missing field are the same here: the wire turns undefined into null, and a Room the
  // Deno runtime sends back carries every unset field as null (spec section 3, RuntimeSwitches.roomOwnFields).
  const changed = (field: string) => field in result && !same(result[field] ?? undefined, orig[field] ?? undefined);

  const take = (field: string, apply: (value: unknown) => string | null) => {
    if (!changed(field)) return;
    const value = result[field];
    const rejected = apply(value);
    const change = { field, before: orig[field], after: value };
    if (rejected === null) applied.push(change);
    else dropped.push({ ...change, reason: rejected });
  };

  take('type', (v) => {
    if (v !== 'c' && v !== 'p' && v !== 'd' && v !== 'l') return `"${String(v)}" is not a room type`;
    next.type = v;
    return null;
  });
  take('displayName', (v) => {
    if (!v) return 'an empty displayName is ignored (mapped only if truthy)';
    next.displayName = String(v);
    return null;
  });
  take('slugifiedName', (v) => {
    if (!v) return 'an empty slugifiedName is ignored (mapped only if truthy)';
    if (next.type === 'd') return 'slugifiedName is not mapped back for direct messages';
    next.slugifiedName = String(v);
    return null;
  });
  const bool = (field: 'isDefault' | 'isReadOnly') => (v: unknown) => {
    next[field] = Boolean(v);
    return null;
  };
  take('isDefault', bool('isDefault'));
  take('isReadOnly', bool('isReadOnly'));
  take('displaySystemMessages', (v) => {
    if (v === undefined || v === null) return 'mapped only if defined';
    next.displaySystemMessages = Boolean(v);
    return null;
  });
  take('messageCount', (v) => {
    next.messageCount = typeof v === 'number' ? v : 0;
    return null;
  });
  for (const field of ['createdAt', 'updatedAt', 'lastModifiedAt'] as const) {
    take(field, (v) => {
      const d = asDate(v);
      if (!d) return `${field} is not a date`;
      next[field] = d;
      return null;
    });
  }
  if (changed('creator')) {
    const creator = result['creator'] as { id?: unknown } | null | undefined;
    const before = (orig['creator'] as { id?: unknown } | undefined)?.id;
    const id = creator && typeof creator === 'object' ? creator.id : undefined;
    if (id === before) {
      // Other fields of the creator changed: the host re-reads the user by id, so they are lost.
      dropped.push({
        field: 'creator',
        before: orig['creator'],
        after: creator,
        reason: 'the host re-reads the creator by `creator.id`; other creator fields are ignored',
      });
    } else if (typeof id === 'string' && world.userById(id)) {
      next.creatorId = id;
      applied.push({ field: 'creator', before: before, after: id });
    } else {
      dropped.push({ field: 'creator', before: orig['creator'], after: creator, reason: `no user with id ${JSON.stringify(id)}: the creator is ignored` });
    }
  }
  take('userIds', (v) => {
    if (!Array.isArray(v)) return 'userIds is not a list';
    // RC stores it as `uids`; it does not create subscriptions from it.
    return null;
  });
  take('customFields', (v) => {
    if (v === null || v === undefined) {
      delete next.customFields;
    } else {
      next.customFields = structuredClone(v) as Record<string, unknown>;
    }
    return null;
  });
  take('isFederated', (v) => {
    next.isFederated = Boolean(v);
    return null;
  });
  take('federation', (v) => {
    next.federation = structuredClone(v);
    return null;
  });
  if (changed('parentRoom')) {
    const parent = result['parentRoom'] as { id?: unknown } | null | undefined;
    const id = parent && typeof parent === 'object' ? parent.id : undefined;
    if (typeof id === 'string' && world.roomById(id)) {
      next.parentRoomId = id;
      applied.push({ field: 'parentRoom', before: (orig['parentRoom'] as { id?: unknown } | undefined)?.id, after: id });
    } else {
      dropped.push({ field: 'parentRoom', before: orig['parentRoom'], after: parent, reason: `no room with id ${JSON.stringify(id)}` });
    }
  }

  const mapped = new Set([
    'type',
    'displayName',
    'slugifiedName',
    'isDefault',
    'isReadOnly',
    'displaySystemMessages',
    'messageCount',
    'createdAt',
    'updatedAt',
    'lastModifiedAt',
    'creator',
    'userIds',
    'customFields',
    'isFederated',
    'federation',
    'parentRoom',
  ]);
  if (opts.codecs) mergeCodecFields(next, orig, result, changed, applied, dropped, mapped);
  for (const field of Object.keys(result)) {
    if (mapped.has(field) || !changed(field)) continue;
    dropped.push({
      field,
      before: orig[field],
      after: result[field],
      reason: UNMAPPED_REASON[field] ?? `the host does not map \`${field}\` back onto the room`,
    });
  }
  return { room: next, applied, dropped };
}

/** RC room fields that `_unmappedProperties_` may carry and that the world models. */
const RAW_TO_WORLD: Record<string, (room: WorldRoom, value: unknown) => void> = {
  description: (room, v) => {
    room.description = String(v);
  },
  teamId: (room, v) => {
    room.teamId = String(v);
  },
  teamMain: (room, v) => {
    room.isTeamMain = Boolean(v);
  },
};

/**
 * The node profile's converter (RC `converters/codecs/rooms.ts`, `appRoomToRocketChat`): `members`
 * is mapped (RC stores it on the room; it creates no subscription) and the app room's
 * `_unmappedProperties_` are merged onto the RC room as they are, so an app can set fields the
 * mapping leaves out (`description`...).
 */
function mergeCodecFields(
  next: WorldRoom,
  orig: Record<string, unknown>,
  result: Record<string, unknown>,
  changed: (field: string) => boolean,
  applied: FieldChange[],
  dropped: DroppedField[],
  mapped: Set<string>,
): void {
  mapped.add('members');
  mapped.add('_unmappedProperties_');
  if (changed('members')) {
    const v = result['members'];
    if (v) {
      next.rawFields = { ...next.rawFields, members: structuredClone(v) };
      applied.push({ field: 'members', before: orig['members'], after: v });
    } else dropped.push({ field: 'members', before: orig['members'], after: v, reason: 'mapped only if truthy' });
  }
  const raw = result['_unmappedProperties_'];
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return;
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    const write = ownValue(RAW_TO_WORLD, key);
    if (write) write(next, value);
    else next.rawFields = { ...next.rawFields, [key]: structuredClone(value) };
    applied.push({ field: `_unmappedProperties_.${key}`, before: undefined, after: value });
  }
}
