/**
 * Editor drafts: what a form holds while the user types (text kept as typed), and the checked
 * conversion back to world records. A draft that does not validate yields field messages and no
 * record, so the user's input is never lost or half-applied.
 */
import type { HttpMock, RoomTypeCode, WorldRoom, WorldState, WorldUser } from '../../engine/index.ts';
import {
  headerLines,
  parseHeaderLines,
  parseJsonObject,
  parseJsonText,
  validateDelay,
  validateRoomName,
  validateStatus,
  validateUsername,
} from './validation.ts';
import { newId } from './ids.ts';

export type Errors<K extends string> = Partial<Record<K, string>>;
export type Checked<T, K extends string> = { ok: true; value: T } | { ok: false; errors: Errors<K> };

// users ---------------------------------------------------------------------------------------
export interface UserDraft {
  username: string;
  name: string;
  roles: string[];
  type: WorldUser['type'];
}

export const emptyUserDraft = (): UserDraft => ({ username: '', name: '', roles: ['user'], type: 'user' });

export const userToDraft = (u: WorldUser): UserDraft => ({ username: u.username, name: u.name, roles: [...u.roles], type: u.type });

export function checkUserDraft(d: UserDraft, world: WorldState, editing?: WorldUser): Checked<WorldUser, 'username' | 'name'> {
  const errors: Errors<'username' | 'name'> = {};
  const taken = world.users.filter((u) => u.id !== editing?.id).map((u) => u.username);
  const usernameError = validateUsername(d.username, taken);
  if (usernameError) errors.username = usernameError;
  if (d.name.trim() === '') errors.name = 'Name is required (the display name, e.g. "Alice Doe").';
  if (Object.keys(errors).length) return { ok: false, errors };
  const base: WorldUser = editing ? structuredClone(editing) : { id: newId(), username: '', name: '', roles: [], type: 'user', createdAt: new Date() };
  const roles = [...new Set(d.roles.map((r) => r.trim()).filter(Boolean))];
  return { ok: true, value: { ...base, username: d.username, name: d.name.trim(), roles, type: d.type } };
}

// rooms ---------------------------------------------------------------------------------------
export interface RoomDraft {
  name: string;
  displayName: string;
  type: RoomTypeCode;
  creator: string;
  members: string[];
  owners: string[];
  /** Room role moderator (RC subscription role). */
  moderators: string[];
  isReadOnly: boolean;
  isDefault: boolean;
  description: string;
  customFields: string;
}

type RoomField = 'name' | 'creator' | 'members' | 'owners' | 'moderators' | 'customFields';

export const emptyRoomDraft = (creator = ''): RoomDraft => ({
  name: '',
  displayName: '',
  type: 'c',
  creator,
  members: [],
  owners: [],
  moderators: [],
  isReadOnly: false,
  isDefault: false,
  description: '',
  customFields: '',
});

/** Usernames for ids; an id with no user stays as the id so validation can name it. */
export function usernamesFor(world: WorldState, ids: readonly string[]): string[] {
  return ids.map((id) => world.users.find((u) => u.id === id)?.username ?? id);
}

export function roomToDraft(world: WorldState, r: WorldRoom): RoomDraft {
  return {
    name: r.slugifiedName,
    displayName: r.displayName ?? '',
    type: r.type,
    creator: usernamesFor(world, [r.creatorId])[0] ?? '',
    members: usernamesFor(world, r.memberIds),
    owners: usernamesFor(world, r.ownerIds),
    moderators: usernamesFor(world, r.moderatorIds ?? []),
    isReadOnly: r.isReadOnly,
    isDefault: r.isDefault,
    description: r.description ?? '',
    customFields: r.customFields ? JSON.stringify(r.customFields, null, 2) : '',
  };
}

export function checkRoomDraft(d: RoomDraft, world: WorldState, editing?: WorldRoom): Checked<WorldRoom, RoomField> {
  const errors: Errors<RoomField> = {};
  const idOf = new Map(world.users.map((u) => [u.username, u.id]));
  const creatorId = idOf.get(d.creator);
  if (!d.creator) errors.creator = 'Pick the user who creates the room.';
  else if (!creatorId) errors.creator = `Unknown user "${d.creator}".`;
  const members = [...new Set([d.creator, ...d.members].filter(Boolean))];
  const unknown = members.filter((m) => m !== d.creator && !idOf.has(m));
  if (unknown.length) errors.members = `Unknown member${unknown.length > 1 ? 's' : ''}: ${unknown.map((m) => `"${m}"`).join(', ')} (not in Users).`;
  const strayOwners = d.owners.filter((o) => !members.includes(o));
  if (strayOwners.length) errors.owners = `Owners must be members: ${strayOwners.join(', ')}.`;
  const strayMods = d.moderators.filter((o) => !members.includes(o));
  if (strayMods.length) errors.moderators = `Moderators must be members: ${strayMods.join(', ')}.`;
  const name = d.type === 'd' && d.name.trim() === '' ? [...members].sort().join('') : d.name;
  const taken = world.rooms.filter((r) => r.id !== editing?.id && r.type !== 'd').map((r) => r.slugifiedName);
  const nameError = validateRoomName(name, d.type, taken);
  if (nameError) errors.name = nameError;
  const custom = parseJsonObject(d.customFields);
  if (!custom.ok) errors.customFields = custom.error;
  if (Object.keys(errors).length || !creatorId || !custom.ok) return { ok: false, errors };
  const now = new Date();
  const base: WorldRoom = editing
    ? structuredClone(editing)
    : {
        id: newId(),
        slugifiedName: '',
        type: 'c',
        creatorId,
        memberIds: [],
        ownerIds: [],
        isDefault: false,
        isReadOnly: false,
        displaySystemMessages: true,
        messageCount: 0,
        createdAt: now,
        updatedAt: now,
      };
  const room: WorldRoom = {
    ...base,
    slugifiedName: name,
    type: d.type,
    creatorId,
    memberIds: members.map((m) => idOf.get(m) ?? m),
    ownerIds: d.owners.map((o) => idOf.get(o) ?? o),
    isReadOnly: d.isReadOnly,
    isDefault: d.isDefault,
    updatedAt: editing ? now : base.updatedAt,
  };
  setOptional(room, 'moderatorIds', d.moderators.length ? d.moderators.map((o) => idOf.get(o) ?? o) : undefined);
  setOptional(room, 'displayName', d.displayName.trim() || undefined);
  setOptional(room, 'description', d.description.trim() || undefined);
  setOptional(room, 'customFields', custom.value);
  return { ok: true, value: room };
}

function setOptional<T extends object, K extends keyof T>(obj: T, key: K, value: T[K] | undefined): void {
  if (value === undefined) delete obj[key];
  else obj[key] = value;
}

// http mocks ----------------------------------------------------------------------------------
export type BodyKind = 'none' | 'json' | 'text';

export interface MockDraft {
  method: string;
  url: string;
  status: string;
  bodyKind: BodyKind;
  body: string;
  headers: string;
  delayMs: string;
  fails: boolean;
  error: string;
}

type MockField = 'url' | 'status' | 'body' | 'headers' | 'delayMs' | 'error';

export const emptyMockDraft = (): MockDraft => ({
  method: 'GET',
  url: 'https://api.example.com/*',
  status: '200',
  bodyKind: 'json',
  body: '{}',
  headers: '',
  delayMs: '',
  fails: false,
  error: '',
});

export function mockToDraft(m: HttpMock): MockDraft {
  const bodyKind: BodyKind = m.content !== undefined ? 'text' : m.data !== undefined ? 'json' : 'none';
  return {
    method: m.method,
    url: m.url,
    status: String(m.status),
    bodyKind,
    body: bodyKind === 'text' ? (m.content ?? '') : bodyKind === 'json' ? JSON.stringify(m.data, null, 2) : '',
    headers: headerLines(m.headers),
    delayMs: m.delayMs ? String(m.delayMs) : '',
    fails: m.error !== undefined,
    error: m.error ?? '',
  };
}

export function checkMockDraft(d: MockDraft): Checked<HttpMock, MockField> {
  const errors: Errors<MockField> = {};
  if (d.url.trim() === '') errors.url = 'URL pattern is required (use * to match anything).';
  const status = validateStatus(d.status);
  if (!status.ok) errors.status = status.error;
  const body = d.bodyKind === 'json' ? parseJsonText(d.body) : { ok: true as const, value: undefined };
  if (!body.ok) errors.body = body.error;
  const headers = parseHeaderLines(d.headers);
  if (!headers.ok) errors.headers = headers.error;
  const delay = validateDelay(d.delayMs);
  if (!delay.ok) errors.delayMs = delay.error;
  if (d.fails && d.error.trim() === '') errors.error = 'Give the failure an error message (what the call throws).';
  if (Object.keys(errors).length || !status.ok || !body.ok || !headers.ok || !delay.ok) return { ok: false, errors };
  const mock: HttpMock = { method: d.method || '*', url: d.url.trim(), status: status.value };
  if (d.bodyKind === 'json') mock.data = body.value;
  if (d.bodyKind === 'text') mock.content = d.body;
  if (headers.value) mock.headers = headers.value;
  if (delay.value !== undefined) mock.delayMs = delay.value;
  if (d.fails) mock.error = d.error.trim();
  return { ok: true, value: mock };
}
