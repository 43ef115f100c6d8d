/**
 * Spec §7.1: the permission checks the host makes before any event, one test per row of the table,
 * in Rocket.Chat's order and with its error codes. The roles come from the permission table
 * (RC `authorization/server/constant/permissions.ts` defaults, or the world's overrides).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import type { WorldState } from './world/types.ts';
import { logLines, membershipSpy } from '../test-support/apps-more.ts';
import { appClass } from '../test-support/apps-more.ts';
import { baseWorld, makeEngine } from '../test-support/engine-harness.ts';
import { user } from '../test-support/worlds.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

const phases = (e: Engine, runId: string) => e.trace.events.flatMap((ev) => (ev.type === 'phase-start' && ev.runId === runId ? [ev.event] : []));
const preventSpy = () =>
  appClass(
    'prevent',
    'PreventSpy',
    ['IPreRoomCreatePrevent', 'IPreRoomDeletePrevent'],
    `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('pre-create ' + room.type);
    return false;
  }
  async executePreRoomDeletePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('pre-delete ' + room.slugifiedName);
    return false;
  }`,
  );

/** general (c: alice owner, bob, gus the guest, mo a moderator), secret (p: alice, bob), a DM alice-bob. */
function world(over: Partial<WorldState> = {}): WorldState {
  const w = baseWorld();
  w.users.push(user('u-mo', 'mo'));
  const general = w.rooms[0]!;
  general.memberIds.push('u-gus', 'u-mo');
  general.moderatorIds = ['u-mo'];
  const at = new Date(Date.UTC(2025, 0, 2));
  const base = { isDefault: false, isReadOnly: false, displaySystemMessages: true, messageCount: 0, createdAt: at, updatedAt: at };
  w.rooms.push({
    ...base,
    id: 'r-secret',
    slugifiedName: 'secret',
    displayName: 'secret',
    type: 'p',
    creatorId: 'u-alice',
    memberIds: ['u-alice', 'u-bob'],
    ownerIds: ['u-alice'],
  });
  w.rooms.push({ ...base, id: 'u-aliceu-bob', slugifiedName: '', type: 'd', creatorId: '', memberIds: ['u-alice', 'u-bob'], ownerIds: [] });
  return { ...w, ...over };
}

describe('spec §7.1: permissions checked before any event', () => {
  it('(§7.1 create channel / group) create-c / create-p: a guest is refused before Prevent; the table, not the role name, decides', async () => {
    engine = await makeEngine([preventSpy()], { world: world() });
    for (const type of ['c', 'p'] as const) {
      const r = await engine.run({ action: 'createRoom', name: `g-${type}`, type, creator: 'gus' });
      expect([r.outcome, r.error?.code]).toEqual(['failed', 'error-not-allowed']);
      expect(phases(engine, r.runId)).toEqual([]);
    }
    engine.dispose();
    engine = await makeEngine([preventSpy()], { world: world({ permissions: { 'create-c': ['guest'] } }) });
    const guest = await engine.run({ action: 'createRoom', name: 'by-guest', type: 'c', creator: 'gus' });
    expect(guest.outcome).toBe('completed');
    const bob = await engine.run({ action: 'createRoom', name: 'by-bob', type: 'c', creator: 'bob' });
    expect([bob.outcome, bob.error?.code]).toEqual(['failed', 'error-not-allowed']);
  });

  it('(§7.1 create DM) create-d: a guest cannot open a new DM; without create-d but with view-d-room the existing DM comes back, no event', async () => {
    engine = await makeEngine([preventSpy()], { world: world() });
    const r = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'gus', members: ['bob'] });
    expect([r.outcome, r.error?.code]).toEqual(['failed', 'error-not-allowed']);
    engine.dispose();
    engine = await makeEngine([preventSpy()], { world: world({ permissions: { 'create-d': [] } }) });
    const again = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'bob', members: ['alice'] });
    expect([again.outcome, again.roomId]).toEqual(['completed', 'u-aliceu-bob']);
    expect(phases(engine, again.runId)).toEqual([]);
  });

  it('(§7.1 join) room exists; a DM cannot be joined; canAccessRoom: a guest lacks view-c-room, a private group you are not in is closed', async () => {
    engine = await makeEngine([membershipSpy()], { world: world() });
    const cases = [
      [{ room: 'nowhere', user: 'bob' }, 'error-invalid-room'],
      [{ room: 'u-aliceu-bob', user: 'bob' }, 'error-not-allowed'],
      [{ room: 'secret', user: 'root' }, 'error-not-allowed'],
    ] as const;
    for (const [input, code] of cases) {
      const r = await engine.run({ action: 'joinRoom', ...input });
      expect([r.outcome, r.error?.code]).toEqual(['failed', code]);
      expect(phases(engine, r.runId)).toEqual([]);
    }
    const w = world();
    w.rooms[0]!.memberIds = w.rooms[0]!.memberIds.filter((id) => id !== 'u-gus');
    engine.dispose();
    engine = await makeEngine([membershipSpy()], { world: w });
    const guest = await engine.run({ action: 'joinRoom', room: 'general', user: 'gus' });
    expect([guest.outcome, guest.error?.code]).toEqual(['failed', 'error-not-allowed']);
    expect(phases(engine, guest.runId)).toEqual([]);
    expect(guest.error && engine.trace.events.some((e) => e.type === 'outcome' && e.runId === guest.runId && /lacks `view-c-room`/.test(e.summary))).toBe(true);
  });

  it('(§7.1 leave) leave-c: a guest cannot leave a channel on their own; not a member; the last owner', async () => {
    engine = await makeEngine([membershipSpy()], { world: world() });
    const guest = await engine.run({ action: 'leaveRoom', room: 'general', user: 'gus' });
    expect([guest.outcome, guest.error?.code]).toEqual(['failed', 'error-not-allowed']);
    const stranger = await engine.run({ action: 'leaveRoom', room: 'general', user: 'root' });
    expect([stranger.error?.code, stranger.error?.message]).toEqual(['error-user-not-in-room', 'You are not in this room']);
    const owner = await engine.run({ action: 'leaveRoom', room: 'general', user: 'alice' });
    expect(owner.error?.code).toBe('error-you-are-last-owner');
    for (const r of [guest, stranger, owner]) expect(phases(engine, r.runId)).toEqual([]);
    const bob = await engine.run({ action: 'leaveRoom', room: 'general', user: 'bob' });
    expect(bob.outcome).toBe('completed');
  });

  it('(§7.1 invite) DM; add-user-to-joined-room (owner, moderator, admin) or add-user-to-any-c-room (admin); unknown invitee; an existing member gets no event', async () => {
    engine = await makeEngine([membershipSpy()], { world: world() });
    const dm = await engine.run({ action: 'joinRoom', room: 'u-aliceu-bob', user: 'root', inviter: 'alice' });
    expect(dm.error?.code).toBe('error-cant-invite-for-direct-room');
    const byBob = await engine.run({ action: 'joinRoom', room: 'general', user: 'root', inviter: 'bob' });
    expect(byBob.error?.code).toBe('error-not-allowed');
    const unknown = await engine.run({ action: 'joinRoom', room: 'general', user: 'nobody', inviter: 'alice' });
    expect([unknown.error?.code, unknown.error?.message]).toEqual(['error-invalid-username', 'Invalid username']);
    const member = await engine.run({ action: 'joinRoom', room: 'general', user: 'bob', inviter: 'alice' });
    expect(member.outcome).toBe('completed');
    for (const r of [dm, byBob, unknown, member]) expect(phases(engine, r.runId)).toEqual([]);
    const byMod = await engine.run({ action: 'joinRoom', room: 'general', user: 'root', inviter: 'mo' });
    await byMod.settled;
    expect(logLines(engine.trace.events, byMod.runId)).toEqual(['pre-join root general by=mo', 'post-join root general by=mo']);
  });

  it('(§7.1 kick) remove-user first; kick-user-from-any-c-room skips the membership check; canAccessRoom gives error-room-not-found; Pre/Post leave with removedBy', async () => {
    engine = await makeEngine([membershipSpy()], { world: world() });
    const byBob = await engine.run({ action: 'leaveRoom', room: 'general', user: 'gus', removedBy: 'bob' });
    expect(byBob.error?.code).toBe('error-not-allowed');
    const outside = await engine.run({ action: 'leaveRoom', room: 'secret', user: 'bob', removedBy: 'root' });
    expect(outside.error?.code).toBe('error-room-not-found');
    const notMember = await engine.run({ action: 'leaveRoom', room: 'secret', user: 'gus', removedBy: 'alice' });
    expect([notMember.error?.code, notMember.error?.message]).toEqual(['error-user-not-in-room', 'User is not in this room']);
    for (const r of [byBob, outside, notMember]) expect(phases(engine, r.runId)).toEqual([]);
    // root (admin) "kicks" someone who is not in #general: both leave events fire.
    const anyRoom = await engine.run({ action: 'leaveRoom', room: 'general', user: 'root', removedBy: 'root' });
    expect(anyRoom.outcome).toBe('completed');
    expect(logLines(engine.trace.events, anyRoom.runId)).toEqual(['pre-leave root general by=root', 'post-leave root general by=root']);
    const byMod = await engine.run({ action: 'leaveRoom', room: 'general', user: 'gus', removedBy: 'mo' });
    expect(byMod.outcome).toBe('completed');
    expect(engine.world.roomById('r-general')?.memberIds).not.toContain('u-gus');
  });

  it('(§7.1 delete) delete-c / delete-p (admin or the room owner) before Prevent', async () => {
    engine = await makeEngine([preventSpy()], { world: world() });
    const byBob = await engine.run({ action: 'deleteRoom', room: 'general', by: 'bob' });
    expect([byBob.outcome, byBob.error?.code]).toEqual(['failed', 'error-not-allowed']);
    expect(phases(engine, byBob.runId)).toEqual([]);
    const byRoot = await engine.run({ action: 'deleteRoom', room: 'secret', by: 'root' });
    expect(byRoot.outcome).toBe('completed');
    const byOwner = await engine.run({ action: 'deleteRoom', room: 'general', by: 'alice' });
    expect(byOwner.outcome).toBe('completed');
    expect([...logLines(engine.trace.events, byRoot.runId), ...logLines(engine.trace.events, byOwner.runId)]).toEqual([
      'pre-delete secret',
      'pre-delete general',
    ]);
  });
});

describe('spec §7.1: post-readonly, checked when an app sends a message', () => {
  const greeter = () =>
    appClass(
      'greeter',
      'Greeter',
      ['IPostRoomUserJoined'],
      `  async executePostRoomUserJoined(context: IRoomUserJoinedContext, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
    await modify.getCreator().finish(modify.getCreator().startMessage().setRoom(context.room).setText('welcome ' + context.joiningUser.username));
  }`,
    );
  const readOnlyGeneral = (over: Partial<WorldState> = {}) => {
    const w = world(over);
    w.rooms[0]!.isReadOnly = true;
    return w;
  };
  const sent = (e: Engine) => e.world.data.messages.filter((m) => !m.system).map((m) => m.text);

  it('(§7.1, RC canSendMessage) a bot without post-readonly cannot post in a read-only room: finish throws and nothing is posted', async () => {
    engine = await makeEngine([greeter()], { world: readOnlyGeneral() });
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    await r.settled;
    await engine.settle();
    expect(r.outcome).toBe('completed');
    expect(sent(engine)).toEqual([]);
    const end = engine.trace.events.find((e) => e.type === 'call-end' && e.call.method === 'executePostRoomUserJoined');
    expect(end && end.type === 'call-end' ? [end.status, end.error?.message] : null).toEqual([
      'threw',
      "You can't send messages because the room is readonly.",
    ]);
  });

  it('(§7.1) granted post-readonly (here to the app role), the same bot posts', async () => {
    engine = await makeEngine([greeter()], { world: readOnlyGeneral({ permissions: { 'post-readonly': ['admin', 'owner', 'moderator', 'app'] } }) });
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    await r.settled;
    await engine.settle();
    expect(sent(engine)).toEqual(['welcome root']);
  });
});
