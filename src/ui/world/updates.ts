/**
 * Immutable edits of a WorldState: each returns a new world (a structured clone with the change)
 * and never touches its input. Edits that would break the world's references are refused with a
 * message instead.
 */
import {
  isReservedKey,
  ownEntry,
  ownValue,
  setOwn,
  type HttpMock,
  type PersistenceRecord,
  type WorldRoom,
  type WorldState,
  type WorldUser,
} from '../../engine/index.ts';

export type Outcome = { ok: true; world: WorldState } | { ok: false; error: string };

/** A deep copy with `change` applied to it. */
export function produce(world: WorldState, change: (draft: WorldState) => void): WorldState {
  const next = structuredClone(world);
  change(next);
  return next;
}

// users ---------------------------------------------------------------------------------------
export function upsertUser(world: WorldState, user: WorldUser): WorldState {
  return produce(world, (w) => {
    const i = w.users.findIndex((u) => u.id === user.id);
    if (i < 0) w.users.push(structuredClone(user));
    else w.users[i] = structuredClone(user);
  });
}

/** Rooms that name this user as their creator. */
export function roomsCreatedBy(world: WorldState, userId: string): WorldRoom[] {
  return world.rooms.filter((r) => r.creatorId === userId);
}

/** Deletes a user and their memberships; refused while they created a room (rooms keep their creator). */
export function deleteUser(world: WorldState, userId: string): Outcome {
  const user = world.users.find((u) => u.id === userId);
  if (!user) return { ok: false, error: `No user with id ${userId}.` };
  const created = roomsCreatedBy(world, userId);
  if (created.length) {
    const names = created.map((r) => `"${r.slugifiedName}"`).join(', ');
    return {
      ok: false,
      error: `Cannot delete "${user.username}": they created ${created.length === 1 ? 'room' : 'rooms'} ${names}. Change the creator or delete ${created.length === 1 ? 'that room' : 'those rooms'} first.`,
    };
  }
  return {
    ok: true,
    world: produce(world, (w) => {
      w.users = w.users.filter((u) => u.id !== userId);
      for (const room of w.rooms) {
        room.memberIds = room.memberIds.filter((id) => id !== userId);
        room.ownerIds = room.ownerIds.filter((id) => id !== userId);
      }
    }),
  };
}

// rooms ---------------------------------------------------------------------------------------
export function upsertRoom(world: WorldState, room: WorldRoom): WorldState {
  return produce(world, (w) => {
    const i = w.rooms.findIndex((r) => r.id === room.id);
    if (i < 0) w.rooms.push(structuredClone(room));
    else w.rooms[i] = structuredClone(room);
  });
}

/** Deletes a room and its messages (as the host's store does). */
export function deleteRoom(world: WorldState, roomId: string): WorldState {
  return produce(world, (w) => {
    w.rooms = w.rooms.filter((r) => r.id !== roomId);
    w.messages = w.messages.filter((m) => m.roomId !== roomId);
  });
}

// persistence ---------------------------------------------------------------------------------
export function addRecord(world: WorldState, appId: string, record: PersistenceRecord): Outcome {
  if (isReservedKey(appId)) return { ok: false, error: `The app id "${appId}" cannot hold records.` };
  if ((ownValue(world.persistence, appId) ?? []).some((r) => r.id === record.id)) {
    return { ok: false, error: `This app already has a record with id "${record.id}".` };
  }
  return { ok: true, world: produce(world, (w) => void ownEntry(w.persistence, appId, () => []).push(structuredClone(record))) };
}

export function setRecordData(world: WorldState, appId: string, recordId: string, data: unknown): WorldState {
  return produce(world, (w) => {
    const record = ownValue(w.persistence, appId)?.find((r) => r.id === recordId);
    if (record) record.data = structuredClone(data);
  });
}

/** Replaces a record (same id): its data and associations. */
export function putRecord(world: WorldState, appId: string, record: PersistenceRecord): WorldState {
  return produce(world, (w) => {
    const records = ownValue(w.persistence, appId);
    const i = records?.findIndex((r) => r.id === record.id) ?? -1;
    if (records && i >= 0) records[i] = structuredClone(record);
  });
}

export function deleteRecord(world: WorldState, appId: string, recordId: string): WorldState {
  return produce(world, (w) => {
    const records = ownValue(w.persistence, appId);
    if (records)
      setOwn(
        w.persistence,
        appId,
        records.filter((r) => r.id !== recordId),
      );
  });
}

// settings ------------------------------------------------------------------------------------
export function setSettingValue(world: WorldState, appId: string, settingId: string, value: unknown): WorldState {
  return produce(world, (w) => {
    const setting = ownValue(ownValue(w.settings, appId), settingId);
    if (!setting) return;
    setting.value = structuredClone(value);
    setting.updatedAt = new Date();
  });
}

/** Back to the package value: the host reads `packageValue` when `value` is unset. */
export function resetSetting(world: WorldState, appId: string, settingId: string): WorldState {
  return produce(world, (w) => {
    const setting = ownValue(ownValue(w.settings, appId), settingId);
    if (!setting) return;
    delete setting.value;
    setting.updatedAt = new Date();
  });
}

export function setServerSetting(world: WorldState, key: string, value: unknown): WorldState {
  if (isReservedKey(key)) return world;
  return produce(world, (w) => void (w.serverSettings[key] = structuredClone(value)));
}

export function deleteServerSetting(world: WorldState, key: string): WorldState {
  return produce(world, (w) => void delete w.serverSettings[key]);
}

// http mocks ----------------------------------------------------------------------------------
export function putMock(world: WorldState, index: number | null, mock: HttpMock): WorldState {
  return produce(world, (w) => {
    if (index === null || index >= w.httpMocks.length) w.httpMocks.push(structuredClone(mock));
    else w.httpMocks[index] = structuredClone(mock);
  });
}

export function deleteMock(world: WorldState, index: number): WorldState {
  return produce(world, (w) => void w.httpMocks.splice(index, 1));
}

/** Moves a mock up (-1) or down (+1); first match wins, so order matters. */
export function moveMock(world: WorldState, index: number, delta: -1 | 1): WorldState {
  const to = index + delta;
  if (to < 0 || to >= world.httpMocks.length) return world;
  return produce(world, (w) => {
    const [mock] = w.httpMocks.splice(index, 1);
    if (mock) w.httpMocks.splice(to, 0, mock);
  });
}
