/**
 * The host around `executeListener`: Rocket.Chat's room flows, which are Meteor code not on npm,
 * written small from the spec (sections 4, 6, 7, 7.1) for the users and rooms the harness uses
 * (every user has the global role `user`; the creator of a room is its owner). The listener loops,
 * the runtime, serialization, errors and timeouts are the real engine's.
 *
 * The converters follow RC `converters/rooms.ts` / `users.ts` as spec sections 3 and 6 describe
 * them; the shapes match what hookscope's converter sends, so the comparison tests the engine.
 */
import { createRequire } from 'node:module';
import type { Action } from '../model.ts';
import type { RealEngine } from './engine.ts';

const require = createRequire(import.meta.url);
const { AppsEngineException } = require('apps-engine-1-62/definition/exceptions/AppsEngineException.js') as { AppsEngineException: new (m?: string) => Error };

export interface HostUser {
  id: string;
  username: string;
  name: string;
  roles: string[];
}

export interface HostRoom {
  id: string;
  slugifiedName: string;
  displayName?: string;
  type: 'c' | 'p' | 'd';
  creatorId: string;
  memberIds: string[];
  ownerIds: string[];
  isDefault: boolean;
  isReadOnly: boolean;
  displaySystemMessages: boolean;
  messageCount: number;
  createdAt: Date;
  updatedAt: Date;
  description?: string;
  customFields?: Record<string, unknown>;
}

export interface HostError {
  code: string;
  message: string;
}

export interface StepResult {
  error: HostError | null;
  roomName: string | null;
}

class Refusal extends Error {
  constructor(readonly error: HostError) {
    super(error.message);
  }
}
const refuse = (code: string, message: string): never => {
  throw new Refusal({ code, message });
};

export class RealHost {
  users: HostUser[] = [];
  rooms: HostRoom[] = [];
  /** Post handlers the host does not await, and unhandled rejections of Post loops. */
  private background: Promise<unknown>[] = [];
  readonly unhandled: string[] = [];
  private idSeq = 0;

  constructor(
    private readonly engine: RealEngine,
    private readonly clock: () => Date,
  ) {}

  reset(users: HostUser[], rooms: HostRoom[]) {
    this.users = users.map((u) => ({ ...u, roles: [...u.roles] }));
    this.rooms = rooms.map((r) => structuredClone(r));
    this.background = [];
    this.unhandled.length = 0;
  }

  usernamesOfRoom(roomId: string): string[] {
    const room = this.rooms.find((r) => r.id === roomId);
    return room ? room.memberIds.map((id) => this.userById(id)?.username ?? id) : [];
  }

  /** Waits for the Post handlers the host did not await. */
  async settleBackground() {
    while (this.background.length) {
      const batch = this.background.splice(0);
      await Promise.allSettled(batch);
    }
  }

  private userById(id: string) {
    return this.users.find((u) => u.id === id);
  }
  private userByName(username: string) {
    return this.users.find((u) => u.username === username);
  }
  private roomByRef(ref: string) {
    return this.rooms.find((r) => r.id === ref || r.slugifiedName === ref);
  }

  // --- converters (spec 3, 6) -------------------------------------------------------------
  appUser(u: HostUser) {
    const at = new Date(Date.UTC(2026, 0, 1));
    return {
      id: u.id,
      username: u.username,
      emails: [],
      type: 'user',
      isEnabled: true,
      name: u.name,
      roles: [...u.roles],
      status: 'online',
      statusConnection: 'online',
      utcOffset: 0,
      createdAt: at,
      updatedAt: at,
      lastLoginAt: at,
    };
  }
  appRoom(r: HostRoom, withId = true): Record<string, unknown> {
    const creator = this.userById(r.creatorId);
    const out: Record<string, unknown> = {
      slugifiedName: r.slugifiedName,
      type: r.type,
      creator: creator ? this.appUser(creator) : undefined,
      isDefault: r.isDefault,
      isReadOnly: r.isReadOnly,
      displaySystemMessages: r.displaySystemMessages,
      messageCount: r.messageCount,
      createdAt: r.createdAt,
      updatedAt: r.updatedAt,
    };
    if (withId) out.id = r.id;
    if (r.displayName !== undefined) out.displayName = r.displayName;
    if (r.description !== undefined) out.description = r.description;
    if (r.customFields !== undefined) out.customFields = structuredClone(r.customFields);
    return out;
  }
  /** convertAppRoom + the createRoom merge: only the mapped fields (spec 6). */
  mergeMapped(room: HostRoom, result: Record<string, unknown>): HostRoom {
    const next = { ...room };
    if (typeof result.type === 'string') next.type = result.type as HostRoom['type'];
    if (result.displayName) next.displayName = String(result.displayName);
    if (result.slugifiedName && next.type !== 'd') next.slugifiedName = String(result.slugifiedName);
    if (result.isDefault !== undefined) next.isDefault = !!result.isDefault;
    if (result.isReadOnly !== undefined) next.isReadOnly = !!result.isReadOnly;
    if (result.displaySystemMessages !== undefined) next.displaySystemMessages = !!result.displaySystemMessages;
    if (typeof result.messageCount === 'number') next.messageCount = result.messageCount;
    if (result.customFields !== undefined) next.customFields = structuredClone(result.customFields) as Record<string, unknown>;
    const creator = result.creator as { id?: string } | undefined;
    if (creator?.id && this.userById(creator.id)) next.creatorId = creator.id;
    return next;
  }

  private detach(p: Promise<unknown>, what: string) {
    this.background.push(
      p.catch((e: Error) => {
        this.unhandled.push(`${what}: ${e?.constructor?.name ?? 'Error'}: ${e?.message}`);
      }),
    );
  }

  private exec(iface: string, data: unknown) {
    return this.engine.executeListener(iface, data);
  }

  /** Runs one action; the host's error (Rocket.Chat's code and message) or null. */
  async run(action: Action): Promise<StepResult> {
    try {
      switch (action.action) {
        case 'createRoom':
          return await this.createRoom(action);
        case 'deleteRoom':
          return await this.eraseRoom(action.room);
        case 'joinRoom':
          return await this.join(action.room, action.user, action.inviter);
        case 'leaveRoom':
          return await this.leave(action.room, action.user, action.removedBy);
      }
    } catch (e) {
      if (e instanceof Refusal) return { error: e.error, roomName: null };
      // An error RC does not map: the client sees it raw (its class / JSON-RPC code).
      return { error: rawError(e), roomName: null };
    }
  }

  // --- createRoom (spec 4, 6, 7) -----------------------------------------------------------
  private async createRoom(a: Extract<Action, { action: 'createRoom' }>): Promise<StepResult> {
    const creator = this.userByName(a.creator) ?? refuse('error-invalid-user', 'Invalid user');
    if (!/^[0-9a-zA-Z-_.]+$/.test(a.name)) refuse('error-invalid-name', `Invalid name: ${JSON.stringify(a.name)}`);
    if (this.rooms.some((r) => r.slugifiedName === a.name)) refuse('error-duplicate-channel-name', `A channel with name '${a.name}' exists`);
    const others = a.members.filter((m) => m !== creator.username).map((m) => this.userByName(m) ?? refuse('error-invalid-members', `Unknown members: ${m}`));
    const now = this.clock();
    const room: HostRoom = {
      id: `room-${++this.idSeq}`,
      slugifiedName: a.name,
      displayName: a.name,
      type: a.type,
      creatorId: creator.id,
      memberIds: [creator.id, ...others.map((u) => u.id)],
      ownerIds: [creator.id],
      isDefault: false,
      isReadOnly: false,
      displaySystemMessages: true,
      messageCount: 0,
      createdAt: now,
      updatedAt: now,
    };
    const usernames = [creator.username, ...others.map((u) => u.username)];
    const input = { ...this.appRoom(room, false), _USERNAMES: usernames };
    let prevented: unknown;
    try {
      prevented = await this.exec('IPreRoomCreatePrevent', input);
    } catch (e) {
      if (e instanceof AppsEngineException) refuse('error-app-prevented', e.message);
      throw e;
    }
    if (prevented) refuse('error-app-prevented', 'A Rocket.Chat App prevented the room creation.');
    const extended = await this.exec('IPreRoomCreateExtend', input);
    const modified = await this.exec('IPreRoomCreateModify', extended);
    const merged = modified && typeof modified === 'object' ? this.mergeMapped(room, modified as Record<string, unknown>) : room;
    this.rooms.push(merged);
    // Post create: not awaited (spec 4); executeListener itself does not await the loop.
    this.detach(this.exec('IPostRoomCreate', this.appRoom(merged)), 'IPostRoomCreate');
    return { error: null, roomName: merged.slugifiedName };
  }

  // --- eraseRoom (spec 7, 7.1) --------------------------------------------------------------
  private async eraseRoom(ref: string): Promise<StepResult> {
    const room = this.roomByRef(ref) ?? refuse('error-invalid-room', 'Invalid room');
    const before = this.appRoom(room);
    // The prevent loop's AppsEngineException is not mapped on delete (spec 5): it escapes raw.
    const prevented = await this.exec('IPreRoomDeletePrevent', before);
    if (prevented) refuse('error-app-prevented-deleting', 'A Rocket.Chat App prevented the room erasing.');
    this.rooms = this.rooms.filter((r) => r !== room);
    this.detach(this.exec('IPostRoomDeleted', before), 'IPostRoomDeleted');
    return { error: null, roomName: null };
  }

  // --- join: joinRoomMethod / addUsersToRoom -> addUserToRoom (spec 7, 7.1) ----------------
  private async join(ref: string, username: string, inviterName?: string): Promise<StepResult> {
    const room = this.roomByRef(ref) ?? refuse('error-invalid-room', 'Invalid room');
    const user =
      this.userByName(username) ?? refuse(inviterName ? 'error-invalid-username' : 'error-invalid-user', inviterName ? 'Invalid username' : 'Invalid user');
    let inviter: HostUser | undefined;
    if (inviterName) {
      inviter = this.userByName(inviterName) ?? refuse('error-invalid-user', 'Invalid user');
      // add-user-to-joined-room: owners (and admins/moderators) who are members.
      if (!room.memberIds.includes(inviter.id) || !room.ownerIds.includes(inviter.id)) refuse('error-not-allowed', 'Not allowed');
    } else if (room.type !== 'c' && !room.memberIds.includes(user.id)) {
      refuse('error-not-allowed', 'Not allowed');
    }
    if (room.memberIds.includes(user.id)) return { error: null, roomName: room.slugifiedName };
    const context = { room: this.appRoom(room), joiningUser: this.appUser(user), ...(inviter ? { inviter: this.appUser(inviter) } : {}) };
    try {
      await this.exec('IPreRoomUserJoined', context);
    } catch (e) {
      if (e instanceof AppsEngineException) refuse('error-app-prevented', e.message);
      throw e;
    }
    room.memberIds.push(user.id);
    if (room.type === 'c' || room.type === 'p') {
      const after = { room: this.appRoom(room), joiningUser: this.appUser(user), ...(inviter ? { inviter: this.appUser(inviter) } : {}) };
      this.detach(this.exec('IPostRoomUserJoined', after), 'IPostRoomUserJoined');
    }
    return { error: null, roomName: room.slugifiedName };
  }

  // --- leave: leaveRoomMethod / removeUserFromRoom (spec 7, 7.1) ---------------------------
  private async leave(ref: string, username: string, removedByName?: string): Promise<StepResult> {
    const found = this.roomByRef(ref);
    let removedBy: HostUser | undefined;
    if (removedByName) {
      removedBy = this.userByName(removedByName) ?? refuse('error-invalid-user', 'Invalid user');
      // A kick checks `remove-user` first (spec 7.1, the permissions table): a room-scoped
      // permission of room owners (and admins/moderators); a room that is gone has no owners.
      if (!found || !found.ownerIds.includes(removedBy.id)) refuse('error-not-allowed', 'Not allowed');
    }
    const room = found ?? refuse('error-invalid-room', 'Invalid room');
    const user = this.userByName(username) ?? refuse('error-invalid-user', 'Invalid user');
    if (removedBy) {
      if (!room.memberIds.includes(user.id)) refuse('error-user-not-in-room', 'User is not in this room');
    } else if (!room.memberIds.includes(user.id)) {
      refuse('error-user-not-in-room', 'You are not in this room');
    }
    if (room.ownerIds.length === 1 && room.ownerIds[0] === user.id)
      refuse('error-you-are-last-owner', 'You are the last owner. Please set new owner before leaving the room.');
    const context = { room: this.appRoom(room), leavingUser: this.appUser(user), ...(removedBy ? { removedBy: this.appUser(removedBy) } : {}) };
    try {
      await this.exec('IPreRoomUserLeave', context);
    } catch (e) {
      if (e instanceof AppsEngineException) refuse('error-app-prevented', e.message);
      throw e;
    }
    room.memberIds = room.memberIds.filter((id) => id !== user.id);
    // Post leave is awaited: an AppsEngineException reaches the caller after the user left.
    await this.exec('IPostRoomUserLeave', {
      room: this.appRoom(room),
      leavingUser: this.appUser(user),
      ...(removedBy ? { removedBy: this.appUser(removedBy) } : {}),
    });
    return { error: null, roomName: room.slugifiedName };
  }
}

/** The raw error as hookscope names unmapped errors: the class, or the JSON-RPC error's kind. */
export function rawError(e: unknown): HostError {
  const err = e as { code?: unknown; message?: unknown; constructor?: { name?: string } };
  if (e instanceof AppsEngineException) return { code: 'AppsEngineException', message: String(err.message) };
  if (err && err.code === -32601) return { code: 'MethodNotFound', message: String(err.message) };
  if (err && typeof err.code === 'number') return { code: `JsonRpcError${err.code}`, message: String(err.message) };
  return { code: err?.constructor?.name ?? 'Error', message: String(err?.message ?? e) };
}
