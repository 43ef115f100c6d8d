/**
 * The world as a small mutable store over plain {@link WorldState} data. Lookups mirror what the
 * host's models offer; every mutation goes through here so snapshots are always complete.
 */
import type {
  AppSetting,
  Association,
  HttpExchange,
  PersistenceRecord,
  WorldMessage,
  WorldNotification,
  WorldRoom,
  WorldState,
  WorldUser,
} from './types.ts';
import { ownEntry, ownValue, setOwn } from '../own-keys.ts';

export class WorldStore {
  constructor(private state: WorldState) {}

  /** A deep copy of the whole world (for history and time travel). */
  snapshot(): WorldState {
    return structuredClone(this.state);
  }

  restore(state: WorldState): void {
    this.state = structuredClone(state);
  }

  /** Read-only view of the live state. Do not mutate: use the methods below. */
  get data(): Readonly<WorldState> {
    return this.state;
  }

  // users ------------------------------------------------------------------------------------
  userById(id: string): WorldUser | undefined {
    return this.state.users.find((u) => u.id === id);
  }
  userByUsername(username: string): WorldUser | undefined {
    return this.state.users.find((u) => u.username === username);
  }
  addUser(user: WorldUser): void {
    this.state.users.push(user);
  }

  // rooms ------------------------------------------------------------------------------------
  roomById(id: string): WorldRoom | undefined {
    return this.state.rooms.find((r) => r.id === id);
  }
  roomByName(name: string): WorldRoom | undefined {
    return this.state.rooms.find((r) => r.slugifiedName === name);
  }
  /** By id first, then by name (how scenario steps and the UI name a room). */
  findRoom(idOrName: string): WorldRoom | undefined {
    return this.roomById(idOrName) ?? this.roomByName(idOrName);
  }
  /** The direct message whose members are exactly these users. */
  directRoomFor(userIds: string[]): WorldRoom | undefined {
    const want = [...new Set(userIds)].sort();
    return this.state.rooms.find((r) => {
      if (r.type !== 'd') return false;
      const have = [...new Set(r.memberIds)].sort();
      return have.length === want.length && have.every((id, i) => id === want[i]);
    });
  }
  insertRoom(room: WorldRoom): void {
    this.state.rooms.push(room);
  }
  updateRoom(id: string, patch: Partial<WorldRoom>): WorldRoom {
    const room = this.requireRoom(id);
    Object.assign(room, patch);
    return room;
  }
  deleteRoom(id: string): WorldRoom | undefined {
    const i = this.state.rooms.findIndex((r) => r.id === id);
    if (i < 0) return undefined;
    const [room] = this.state.rooms.splice(i, 1);
    this.state.messages = this.state.messages.filter((m) => m.roomId !== id);
    return room;
  }
  members(room: WorldRoom): WorldUser[] {
    return room.memberIds.map((id) => this.userById(id)).filter((u): u is WorldUser => u !== undefined);
  }
  usernames(room: WorldRoom): string[] {
    return this.members(room).map((u) => u.username);
  }
  isMember(room: WorldRoom, userId: string): boolean {
    return room.memberIds.includes(userId);
  }
  addMember(roomId: string, userId: string): void {
    const room = this.requireRoom(roomId);
    if (!room.memberIds.includes(userId)) room.memberIds.push(userId);
  }
  removeMember(roomId: string, userId: string): void {
    const room = this.requireRoom(roomId);
    room.memberIds = room.memberIds.filter((id) => id !== userId);
    room.ownerIds = room.ownerIds.filter((id) => id !== userId);
    if (room.moderatorIds) room.moderatorIds = room.moderatorIds.filter((id) => id !== userId);
  }
  private requireRoom(id: string): WorldRoom {
    const room = this.roomById(id);
    if (!room) throw new Error(`no room with id ${id}`);
    return room;
  }

  // messages ---------------------------------------------------------------------------------
  addMessage(message: WorldMessage): void {
    this.state.messages.push(message);
    const room = this.roomById(message.roomId);
    if (room) room.messageCount += 1;
  }
  messageById(id: string): WorldMessage | undefined {
    return this.state.messages.find((m) => m.id === id);
  }
  updateMessage(id: string, patch: Partial<WorldMessage>): void {
    const message = this.messageById(id);
    if (!message) throw new Error(`no message with id ${id}`);
    Object.assign(message, patch);
  }
  deleteMessage(id: string): boolean {
    const before = this.state.messages.length;
    this.state.messages = this.state.messages.filter((m) => m.id !== id);
    return this.state.messages.length < before;
  }
  addNotification(notification: WorldNotification): void {
    this.state.notifications.push(notification);
  }

  // persistence ------------------------------------------------------------------------------
  records(appId: string): PersistenceRecord[] {
    return ownEntry(this.state.persistence, appId, () => []);
  }
  recordsByAssociations(appId: string, associations: Association[]): PersistenceRecord[] {
    return this.records(appId).filter((r) =>
      associations.every((a) => r.associations.some((b) => b.model === a.model && b.id === a.id)),
    );
  }
  setRecords(appId: string, records: PersistenceRecord[]): void {
    setOwn(this.state.persistence, appId, records);
  }
  insertRecord(appId: string, record: PersistenceRecord): void {
    this.records(appId).push(record);
  }
  updateRecordData(appId: string, id: string, data: unknown): void {
    const record = this.records(appId).find((r) => r.id === id);
    if (!record) throw new Error(`no record ${id} for app ${appId}`);
    record.data = data;
  }
  /** Removes the records with these ids from the app's store; returns the removed ones. */
  removeRecords(appId: string, ids: string[]): PersistenceRecord[] {
    const drop = new Set(ids);
    const removed = this.records(appId).filter((r) => drop.has(r.id));
    setOwn(this.state.persistence, appId, this.records(appId).filter((r) => !drop.has(r.id)));
    return removed;
  }
  /** The record with this id in any app's store (RC's persistence model is one collection). */
  recordByIdAnyApp(id: string): PersistenceRecord | undefined {
    for (const records of Object.values(this.state.persistence)) {
      const found = records.find((r) => r.id === id);
      if (found) return found;
    }
    return undefined;
  }

  // settings ---------------------------------------------------------------------------------
  appSetting(appId: string, id: string): AppSetting | undefined {
    return ownValue(ownValue(this.state.settings, appId), id);
  }
  updateAppSetting(appId: string, id: string, patch: Partial<AppSetting>): void {
    const setting = this.appSetting(appId, id);
    if (!setting) throw new Error(`no setting ${id} for app ${appId}`);
    Object.assign(setting, patch);
  }

  // http -------------------------------------------------------------------------------------
  appendHttpExchange(exchange: HttpExchange): void {
    this.state.httpLog.push(exchange);
  }
  /** Completes a logged exchange; ignored if the log no longer has it (the world was restored). */
  updateHttpExchange(id: string, patch: Partial<HttpExchange>): void {
    const exchange = this.state.httpLog.find((e) => e.id === id);
    if (exchange) Object.assign(exchange, patch);
  }
}
