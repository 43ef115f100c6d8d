import { describe, expect, it } from 'vitest';
import {
  checkMockDraft,
  checkRoomDraft,
  checkUserDraft,
  emptyMockDraft,
  emptyRoomDraft,
  emptyUserDraft,
  mockToDraft,
  roomToDraft,
  userToDraft,
} from './drafts.ts';
import { sampleWorld } from './sample-world.ts';

describe('user drafts', () => {
  it('refuses duplicates and empty names with field messages', () => {
    const w = sampleWorld();
    const r = checkUserDraft({ ...emptyUserDraft(), username: 'bob', name: ' ' }, w);
    expect(r).toEqual({ ok: false, errors: { username: 'Username "bob" is already taken.', name: expect.stringContaining('Name is required') } });
  });
  it('keeps id and createdAt when editing; dedupes roles', () => {
    const w = sampleWorld();
    const alice = w.users[0]!;
    const r = checkUserDraft({ ...userToDraft(alice), name: 'Alice B', roles: ['admin', 'admin', ' bot '] }, w, alice);
    expect(r.ok && r.value).toMatchObject({ id: 'u1', username: 'alice', name: 'Alice B', roles: ['admin', 'bot'], createdAt: alice.createdAt });
  });
});

describe('room drafts', () => {
  it('round-trips a room', () => {
    const w = sampleWorld();
    const room = w.rooms[0]!;
    const r = checkRoomDraft(roomToDraft(w, room), w, room);
    expect(r.ok && { ...r.value, updatedAt: room.updatedAt }).toEqual(room);
  });
  it('names unknown members, bad names, stray owners and malformed custom fields', () => {
    const w = sampleWorld();
    const d = { ...emptyRoomDraft('alice'), name: 'my room', members: ['bob', 'zed'], owners: ['carol'], customFields: '{"a":' };
    const r = checkRoomDraft(d, w);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors.members).toBe('Unknown member: "zed" (not in Users).');
    expect(r.errors.name).toMatch(/not a valid room name/);
    expect(r.errors.owners).toMatch(/carol/);
    expect(r.errors.customFields).toMatch(/^Invalid JSON/);
  });
  it('adds the creator as a member; names a direct message after its members', () => {
    const w = sampleWorld();
    const r = checkRoomDraft({ ...emptyRoomDraft('bob'), type: 'd', members: ['alice'] }, w);
    expect(r.ok && r.value).toMatchObject({ slugifiedName: 'alicebob', memberIds: ['u2', 'u1'], creatorId: 'u2', type: 'd' });
  });
  it('refuses a duplicate channel name', () => {
    const r = checkRoomDraft({ ...emptyRoomDraft('bob'), name: 'general' }, sampleWorld());
    expect(!r.ok && r.errors.name).toMatch(/already exists/);
  });
});

describe('mock drafts', () => {
  it('round-trips JSON and text bodies', () => {
    for (const mock of sampleWorld().httpMocks) expect(checkMockDraft(mockToDraft(mock))).toEqual({ ok: true, value: mock });
  });
  it('builds a failing, delayed mock with headers', () => {
    const r = checkMockDraft({ ...emptyMockDraft(), bodyKind: 'none', headers: 'X-A: 1', delayMs: '250', fails: true, error: 'ECONNRESET' });
    expect(r).toEqual({
      ok: true,
      value: { method: 'GET', url: 'https://api.example.com/*', status: 200, headers: { 'X-A': '1' }, delayMs: 250, error: 'ECONNRESET' },
    });
  });
  it('reports every bad field', () => {
    const r = checkMockDraft({ ...emptyMockDraft(), url: '', status: '7', body: '{', delayMs: 'x', fails: true });
    expect(!r.ok && Object.keys(r.errors).sort()).toEqual(['body', 'delayMs', 'error', 'status', 'url']);
  });
});
