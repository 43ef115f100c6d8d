/**
 * The world as a small mutable store over plain {@link WorldState} data. Lookups mirror what the
 * host's models offer; every mutation goes through here so snapshots are always complete.
 */
import type { AppSetting, Association, HttpExchange, PersistenceRecord, WorldMessage, WorldNotification, WorldRoom, WorldState, WorldUser } from './types.ts';
import { ownEntry, ownValue, setOwn } from '../own-keys.ts';

/** The collections that grow with runs: their items are shared between snapshots (see {@link WorldStore.snapshot}). */
type ListKey = 'users' | 'rooms' | 'messages' | 'notifications' | 'httpLog';

export class WorldStore {
  /**
   * Tests only: every snapshot is checked against a full deep copy (a mutation that bypassed the
   * store's methods would show as a difference) and deep-frozen (a consumer mutating a shared
   * snapshot throws).
   */
  static verifySnapshots = false;

  /** Live item -> its copy in an earlier snapshot, valid while the item is not in {@link changed}. */
  private copies = new WeakMap<object, object>();
  /** Live items mutated since their copy was taken. */
  private changed = new WeakSet<object>();
  /** Collections whose array changed (items added, removed or mutated) since the last snapshot. */
  private touchedLists = new Set<ListKey>();
  private persistenceTouched = new Set<string>();
  private last: WorldState | null = null;

  constructor(private state: WorldState) {}

  /**
   * A deep copy of the whole world (for history and time travel). Snapshots share structure:
   * an item (room, message, record...) unchanged since the previous snapshot is the same object
   * in both, so a snapshot costs what changed, not the size of the world. Snapshots are
   * read-only: never mutate one (edit a copy and {@link restore} it).
   */
  snapshot(): WorldState {
    const prev = this.last;
    const s = this.state;
    const list = <K extends ListKey>(key: K): WorldState[K] =>
      prev && !this.touchedLists.has(key) && prev[key].length === s[key].length ? prev[key] : (this.shareItems(s[key] as object[]) as WorldState[K]);
    const persistence: WorldState['persistence'] = {};
    for (const [appId, records] of Object.entries(s.persistence)) {
      const before = prev && !this.persistenceTouched.has(appId) ? ownValue(prev.persistence, appId) : undefined;
      setOwn(persistence, appId, before && before.length === records.length ? before : this.shareItems(records));
    }
    const out: WorldState = {
      ...structuredClone(rest(s)),
      users: list('users'),
      rooms: list('rooms'),
      messages: list('messages'),
      notifications: list('notifications'),
      httpLog: list('httpLog'),
      persistence,
    };
    this.touchedLists.clear();
    this.persistenceTouched.clear();
    this.last = out;
    if (WorldStore.verifySnapshots) verifySnapshot(out, s);
    return out;
  }

  restore(state: WorldState): void {
    this.state = structuredClone(state);
    this.copies = new WeakMap();
    this.changed = new WeakSet();
    this.last = null;
  }

  /** Copies of the live items, reusing the copy of every item unchanged since it was taken. */
  private shareItems<T extends object>(items: T[]): T[] {
    return items.map((item) => {
      const known = this.copies.get(item);
      if (known && !this.changed.has(item)) return known as T;
      const copy = structuredClone(item);
      this.copies.set(item, copy);
      this.changed.delete(item);
      return copy;
    });
  }

  /** Marks a collection (and the item in it that is about to change) as changed. */
  private touch(key: ListKey, item?: object): void {
    this.touchedLists.add(key);
    if (item) this.changed.add(item);
  }
  private touchRecords(appId: string, item?: object): void {
    this.persistenceTouched.add(appId);
    if (item) this.changed.add(item);
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
    this.touch('users');
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
    this.touch('rooms');
    this.state.rooms.push(room);
  }
  updateRoom(id: string, patch: Partial<WorldRoom>): WorldRoom {
    const room = this.requireRoom(id);
    this.touch('rooms', room);
    Object.assign(room, patch);
    return room;
  }
  deleteRoom(id: string): WorldRoom | undefined {
    const i = this.state.rooms.findIndex((r) => r.id === id);
    if (i < 0) return undefined;
    this.touch('rooms');
    this.touch('messages');
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
    this.touch('rooms', room);
    if (!room.memberIds.includes(userId)) room.memberIds.push(userId);
  }
  removeMember(roomId: string, userId: string): void {
    const room = this.requireRoom(roomId);
    this.touch('rooms', room);
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
    this.touch('messages');
    this.state.messages.push(message);
    const room = this.roomById(message.roomId);
    if (room) {
      this.touch('rooms', room);
      room.messageCount += 1;
    }
  }
  messageById(id: string): WorldMessage | undefined {
    return this.state.messages.find((m) => m.id === id);
  }
  updateMessage(id: string, patch: Partial<WorldMessage>): void {
    const message = this.messageById(id);
    if (!message) throw new Error(`no message with id ${id}`);
    this.touch('messages', message);
    Object.assign(message, patch);
  }
  deleteMessage(id: string): boolean {
    const before = this.state.messages.length;
    this.touch('messages');
    this.state.messages = this.state.messages.filter((m) => m.id !== id);
    return this.state.messages.length < before;
  }
  addNotification(notification: WorldNotification): void {
    this.touch('notifications');
    this.state.notifications.push(notification);
  }

  // persistence ------------------------------------------------------------------------------
  records(appId: string): PersistenceRecord[] {
    return ownEntry(this.state.persistence, appId, () => []);
  }
  recordsByAssociations(appId: string, associations: Association[]): PersistenceRecord[] {
    return this.records(appId).filter((r) => associations.every((a) => r.associations.some((b) => b.model === a.model && b.id === a.id)));
  }
  setRecords(appId: string, records: PersistenceRecord[]): void {
    this.touchRecords(appId);
    setOwn(this.state.persistence, appId, records);
  }
  insertRecord(appId: string, record: PersistenceRecord): void {
    this.touchRecords(appId);
    this.records(appId).push(record);
  }
  updateRecordData(appId: string, id: string, data: unknown): void {
    const record = this.records(appId).find((r) => r.id === id);
    if (!record) throw new Error(`no record ${id} for app ${appId}`);
    this.touchRecords(appId, record);
    record.data = data;
  }
  /** Removes the records with these ids from the app's store; returns the removed ones. */
  removeRecords(appId: string, ids: string[]): PersistenceRecord[] {
    const drop = new Set(ids);
    this.touchRecords(appId);
    const removed = this.records(appId).filter((r) => drop.has(r.id));
    setOwn(
      this.state.persistence,
      appId,
      this.records(appId).filter((r) => !drop.has(r.id)),
    );
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
    this.touch('httpLog');
    this.state.httpLog.push(exchange);
  }
  /** Completes a logged exchange; ignored if the log no longer has it (the world was restored). */
  updateHttpExchange(id: string, patch: Partial<HttpExchange>): void {
    const exchange = this.state.httpLog.find((e) => e.id === id);
    if (exchange) {
      this.touch('httpLog', exchange);
      Object.assign(exchange, patch);
    }
  }
}

/** Everything but the collections snapshots share item by item (small: copied whole each time). */
function rest(s: WorldState): Omit<WorldState, ListKey | 'persistence'> {
  const { users: _u, rooms: _r, messages: _m, notifications: _n, httpLog: _h, persistence: _p, ...others } = s;
  return others;
}

function verifySnapshot(snapshot: WorldState, live: WorldState): void {
  if (!deepEqual(snapshot, live)) {
    const keys = (Object.keys(live) as (keyof WorldState)[]).filter((k) => !deepEqual(snapshot[k], live[k]));
    throw new Error(`WorldStore: a shared snapshot differs from the live world in ${keys.join(', ')} (a mutation bypassed the store's methods)`);
  }
  deepFreeze(snapshot);
}

function deepEqual(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => Object.prototype.hasOwnProperty.call(b, k) && deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

function deepFreeze(value: unknown): void {
  if (typeof value !== 'object' || value === null || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const v of Object.values(value)) deepFreeze(v);
}
