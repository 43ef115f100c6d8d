/**
 * Spec §4 (Pre/Post join and leave), §5 (their errors) and §7 (what the host checks and does
 * around the events: validation before any event, existing members, DMs, kicks, deletion).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import type { ActionInput } from './actions.ts';
import { appClass, appLogLines, listensToAll, logLines, membershipSpy, roomSpy } from '../test-support/apps-more.ts';
import { baseWorld, calls, makeEngine, skipped } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

const preJoin = (id: string, name: string, body: string) =>
  appClass(
    id,
    name,
    ['IPreRoomUserJoined'],
    `  async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<any> {
${body}
  }`,
  );

const preLeave = (id: string, name: string, body: string) =>
  appClass(
    id,
    name,
    ['IPreRoomUserLeave'],
    `  async executePreRoomUserLeave(context: IRoomUserLeaveContext): Promise<any> {
${body}
  }`,
  );

const postLeave = (id: string, name: string, body: string) =>
  appClass(
    id,
    name,
    ['IPostRoomUserLeave'],
    `  async executePostRoomUserLeave(context: IRoomUserLeaveContext, read: IRead, http: IHttp): Promise<void> {
${body}
  }`,
  );

/** baseWorld plus a private group `secret` (alice, bob) and a DM between alice and bob. */
function worldWithPrivateAndDm() {
  const world = baseWorld();
  const at = new Date(Date.UTC(2025, 0, 2));
  const base = { isDefault: false, isReadOnly: false, displaySystemMessages: true, messageCount: 0, createdAt: at, updatedAt: at };
  world.rooms.push({
    ...base,
    id: 'r-secret',
    slugifiedName: 'secret',
    displayName: 'secret',
    type: 'p',
    creatorId: 'u-alice',
    memberIds: ['u-alice', 'u-bob'],
    ownerIds: ['u-alice'],
  });
  world.rooms.push({ ...base, id: 'u-aliceu-bob', slugifiedName: '', type: 'd', creatorId: 'u-alice', memberIds: ['u-alice', 'u-bob'], ownerIds: [] });
  return world;
}

function phasesOf(e: Engine, runId: string): string[] {
  return e.trace.events.flatMap((ev) => (ev.type === 'phase-start' && ev.runId === runId ? [ev.event] : []));
}

describe('spec §4/§5: Pre and Post join', () => {
  it('(§4) the Pre join return value is ignored: returning true does not block', async () => {
    engine = await makeEngine([preJoin('yes', 'Yes', `    return true;`)]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(r.outcome).toBe('completed');
    expect(r.error).toBeNull();
    expect(engine.world.roomById('r-general')?.memberIds).toEqual(['u-alice', 'u-bob', 'u-root']);
  });

  it('(§5) a generic error in Pre join is swallowed: the join goes ahead and later apps run', async () => {
    engine = await makeEngine([preJoin('oops', 'Oops', `    throw new Error('db down');`), membershipSpy()]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    await r.settled;
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['oops', 'executePreRoomUserJoined', 'threw'],
      ['spy', 'executePreRoomUserJoined', 'returned'],
      ['spy', 'executePostRoomUserJoined', 'returned'],
    ]);
    expect(engine.world.isMember(engine.world.roomById('r-general')!, 'u-root')).toBe(true);
  });

  it('(§5) a Pre join that times out is swallowed: the join goes ahead', async () => {
    engine = await makeEngine([preJoin('hang', 'Hang', `    await new Promise(() => {});`)], { timeoutMs: 400 });
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([['hang', 'executePreRoomUserJoined', 'timed-out']]);
    expect(engine.world.roomById('r-general')?.memberIds).toContain('u-root');
  });

  it('(§4) an AppsEngineException in Pre join blocks with its own message; later apps are not reached', async () => {
    engine = await makeEngine([preJoin('aee', 'Aee', `    throw new AppsEngineException('full house in ' + context.room.slugifiedName);`), membershipSpy()]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    await r.settled;
    expect(r.outcome).toBe('prevented');
    expect(r.error).toEqual({ code: 'error-app-prevented', message: 'full house in general' });
    expect(skipped(engine.trace.events, r.runId)).toEqual([['spy', 'IPreRoomUserJoined', 'not-reached']]);
    expect(calls(engine.trace.events, r.runId)).toEqual([['aee', 'executePreRoomUserJoined', 'threw-apps-engine']]);
    expect(engine.world.roomById('r-general')?.memberIds).toEqual(['u-alice', 'u-bob']);
  });

  it('(§4) Post join fires for channels and private groups (not awaited), with the inviter on the invite path', async () => {
    engine = await makeEngine([membershipSpy()], { world: worldWithPrivateAndDm() });
    const c = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    const phase = engine.trace.events.find((e) => e.type === 'phase-start' && e.runId === c.runId && e.event === 'IPostRoomUserJoined');
    expect(phase && phase.type === 'phase-start' && phase.awaited).toBe(false);
    await c.settled;
    const p = await engine.run({ action: 'joinRoom', room: 'secret', user: 'root', inviter: 'alice' });
    await p.settled;
    expect(logLines(engine.trace.events, c.runId)).toEqual(['pre-join root general by=undefined', 'post-join root general by=undefined']);
    expect(logLines(engine.trace.events, p.runId)).toEqual(['pre-join root secret by=alice', 'post-join root secret by=alice']);
  });

  it('(§5) an AppsEngineException in Post join stops the Post loop; the join stays done', async () => {
    engine = await makeEngine([
      appClass('aee', 'Aee', ['IPostRoomUserJoined'], `  async executePostRoomUserJoined(): Promise<void> { throw new AppsEngineException('late'); }`),
      membershipSpy(),
    ]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(r.outcome).toBe('completed');
    await r.settled;
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['spy', 'executePreRoomUserJoined', 'returned'],
      ['aee', 'executePostRoomUserJoined', 'threw-apps-engine'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['spy', 'IPostRoomUserJoined', 'not-reached']]);
    expect(engine.world.roomById('r-general')?.memberIds).toContain('u-root');
  });
});

describe('spec §4/§5: Pre and Post leave', () => {
  it('(§4) a UserNotAllowedException in Pre leave blocks with its message; the user stays', async () => {
    engine = await makeEngine([
      preLeave('stay', 'Stay', `    throw new UserNotAllowedException(context.leavingUser.username + ' must stay');`),
      membershipSpy(),
    ]);
    const r = await engine.run({ action: 'leaveRoom', room: 'general', user: 'bob' });
    expect(r.outcome).toBe('prevented');
    expect(r.error).toEqual({ code: 'error-app-prevented', message: 'bob must stay' });
    expect(engine.world.roomById('r-general')?.memberIds).toEqual(['u-alice', 'u-bob']);
    expect(calls(engine.trace.events, r.runId)).toEqual([['stay', 'executePreRoomUserLeave', 'threw-apps-engine']]);
  });

  it('(§5) a generic error in Pre leave is swallowed: the user leaves', async () => {
    engine = await makeEngine([preLeave('oops', 'Oops', `    throw new Error('nope');`)]);
    const r = await engine.run({ action: 'leaveRoom', room: 'general', user: 'bob' });
    expect(r.outcome).toBe('completed');
    expect(engine.world.roomById('r-general')?.memberIds).toEqual(['u-alice']);
  });

  it('(§4) Post leave is awaited: the leave completes only after the Post handler, even a slow one', async () => {
    const world = baseWorld();
    world.httpMocks.push({ method: 'GET', url: 'https://audit.example/*', status: 200, data: { ok: true }, delayMs: 250 });
    engine = await makeEngine(
      [
        postLeave(
          'audit',
          'Audit',
          `    const res = await http.get('https://audit.example/leave/' + context.leavingUser.username);\n    this.getLogger().info('audited ' + res.statusCode);`,
        ),
      ],
      { world },
    );
    const r = await engine.run({ action: 'leaveRoom', room: 'general', user: 'bob' });
    const mine = engine.trace.events.filter((e) => e.runId === r.runId).map((e) => e.type);
    expect(mine.indexOf('call-end')).toBeGreaterThan(-1);
    expect(mine.indexOf('call-end')).toBeLessThan(mine.indexOf('outcome'));
    expect(logLines(engine.trace.events, r.runId)).toEqual(['audited 200']);
    expect(r.outcome).toBe('completed');
  });

  it('(§5) an AppsEngineException in Post leave reaches the caller after the user already left', async () => {
    engine = await makeEngine([postLeave('aee', 'Aee', `    throw new AppsEngineException('bye failed');`), membershipSpy()]);
    const r = await engine.run({ action: 'leaveRoom', room: 'general', user: 'bob' });
    expect(r.outcome).toBe('failed');
    expect(r.error).toEqual({ code: 'AppsEngineException', message: 'bye failed', unmapped: true });
    expect(engine.world.roomById('r-general')?.memberIds).toEqual(['u-alice']);
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['spy', 'executePreRoomUserLeave', 'returned'],
      ['aee', 'executePostRoomUserLeave', 'threw-apps-engine'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['spy', 'IPostRoomUserLeave', 'not-reached']]);
  });
});

describe('spec §7: checks before any event', () => {
  const refused: [string, ActionInput, { code: string; message: string }][] = [
    ['delete of a missing room', { action: 'deleteRoom', room: 'nowhere' }, { code: 'error-invalid-room', message: 'Invalid room' }],
    ['join of a missing room', { action: 'joinRoom', room: 'nowhere', user: 'bob' }, { code: 'error-invalid-room', message: 'Invalid room' }],
    ['leave of a missing room', { action: 'leaveRoom', room: 'nowhere', user: 'bob' }, { code: 'error-invalid-room', message: 'Invalid room' }],
    [
      'an invalid room name',
      { action: 'createRoom', name: 'bad name', type: 'c', creator: 'alice' },
      { code: 'error-invalid-name', message: 'Invalid name: "bad name"' },
    ],
    ['an empty room name', { action: 'createRoom', name: '', type: 'p', creator: 'alice' }, { code: 'error-invalid-name', message: 'Invalid name: ""' }],
    [
      'a taken room name',
      { action: 'createRoom', name: 'general', type: 'c', creator: 'bob' },
      { code: 'error-duplicate-channel-name', message: "A channel with name 'general' exists" },
    ],
    [
      'an unknown member of a channel',
      { action: 'createRoom', name: 'ghosts', type: 'c', creator: 'alice', members: ['bob', 'zed'] },
      { code: 'error-invalid-members', message: 'Unknown members: zed' },
    ],
    ['an unknown creator', { action: 'createRoom', name: 'ghost', type: 'c', creator: 'zed' }, { code: 'error-invalid-user', message: 'Invalid user' }],
    [
      'an unknown member of a DM',
      { action: 'createRoom', name: '', type: 'd', creator: 'alice', members: ['zed'] },
      { code: 'error-invalid-user', message: 'Invalid user' },
    ],
    ['joining a DM', { action: 'joinRoom', room: 'u-aliceu-bob', user: 'root' }, { code: 'error-not-allowed', message: 'Not allowed' }],
    ['joining a private group one is not in', { action: 'joinRoom', room: 'secret', user: 'root' }, { code: 'error-not-allowed', message: 'Not allowed' }],
    [
      'inviting to a DM',
      { action: 'joinRoom', room: 'u-aliceu-bob', user: 'root', inviter: 'alice' },
      { code: 'error-cant-invite-for-direct-room', message: "Can't invite user to direct rooms" },
    ],
    [
      'an inviter without rights (member, not owner)',
      { action: 'joinRoom', room: 'general', user: 'root', inviter: 'bob' },
      { code: 'error-not-allowed', message: 'Not allowed' },
    ],
    [
      'an admin inviting to a private group they are not in',
      { action: 'joinRoom', room: 'secret', user: 'gus', inviter: 'root' },
      { code: 'error-not-allowed', message: 'Not allowed' },
    ],
    ['leaving a DM', { action: 'leaveRoom', room: 'u-aliceu-bob', user: 'bob' }, { code: 'error-not-allowed', message: 'Not allowed' }],
    [
      'leaving a room one is not in',
      { action: 'leaveRoom', room: 'general', user: 'root' },
      { code: 'error-user-not-in-room', message: 'You are not in this room' },
    ],
    [
      'the last owner leaving',
      { action: 'leaveRoom', room: 'secret', user: 'alice' },
      { code: 'error-you-are-last-owner', message: 'You are the last owner. Please set new owner before leaving the room.' },
    ],
    [
      'a kick of a non-member',
      { action: 'leaveRoom', room: 'general', user: 'root', removedBy: 'alice' },
      { code: 'error-user-not-in-room', message: 'User is not in this room' },
    ],
    [
      'a kick by a plain member',
      { action: 'leaveRoom', room: 'general', user: 'alice', removedBy: 'bob' },
      { code: 'error-not-allowed', message: 'Not allowed' },
    ],
    [
      'a kick of the last owner',
      { action: 'leaveRoom', room: 'general', user: 'alice', removedBy: 'root' },
      { code: 'error-you-are-last-owner', message: 'You are the last owner. Please set new owner before leaving the room.' },
    ],
  ];

  for (const [what, action, error] of refused) {
    it(`(§7) ${what}: ${error.code}, before any event`, async () => {
      engine = await makeEngine([listensToAll()], { world: worldWithPrivateAndDm() });
      const rooms = JSON.stringify(engine.world.data.rooms);
      const r = await engine.run(action);
      await r.settled;
      expect(r.outcome).toBe('failed');
      expect(r.error).toEqual(error);
      expect(phasesOf(engine, r.runId)).toEqual([]);
      expect(JSON.stringify(engine.world.data.rooms)).toBe(rooms);
    });
  }
});

describe('spec §7: what the host does around the events', () => {
  it('(§7) an admin may add a user to any channel; an owner to their room (invite path, inviter in the context)', async () => {
    engine = await makeEngine([membershipSpy()]);
    const byAdmin = await engine.run({ action: 'joinRoom', room: 'general', user: 'gus', inviter: 'root' });
    await byAdmin.settled;
    expect(byAdmin.outcome).toBe('completed');
    const byOwner = await engine.run({ action: 'joinRoom', room: 'general', user: 'root', inviter: 'alice' });
    await byOwner.settled;
    expect(byOwner.outcome).toBe('completed');
    expect(logLines(engine.trace.events, byAdmin.runId)).toEqual(['pre-join gus general by=root', 'post-join gus general by=root']);
    expect(logLines(engine.trace.events, byOwner.runId)).toEqual(['pre-join root general by=alice', 'post-join root general by=alice']);
    const sys = engine.world.data.messages.filter((m) => m.system).map((m) => [m.system, m.senderId]);
    expect(sys).toEqual([
      ['au', 'u-root'],
      ['au', 'u-alice'],
    ]);
  });

  it("(§7) joining on one's own writes the system message uj, or ut in a discussion (RC addUserToRoom: room.prid)", async () => {
    const world = baseWorld();
    const general = world.rooms.find((r) => r.id === 'r-general')!;
    world.rooms.push({
      ...general,
      id: 'r-disc',
      slugifiedName: 'general-disc',
      displayName: 'general-disc',
      memberIds: ['u-alice'],
      parentRoomId: 'r-general',
    });
    engine = await makeEngine([], { world });
    expect((await engine.run({ action: 'joinRoom', room: 'general', user: 'root' })).outcome).toBe('completed');
    expect((await engine.run({ action: 'joinRoom', room: 'general-disc', user: 'root' })).outcome).toBe('completed');
    expect(engine.world.data.messages.filter((m) => m.system).map((m) => [m.system, m.roomId])).toEqual([
      ['uj', 'r-general'],
      ['ut', 'r-disc'],
    ]);
  });

  it('(§7, §7.1) a kick by the owner fires both leave events with removedBy; an admin outside a private group gets error-room-not-found', async () => {
    engine = await makeEngine([membershipSpy()], { world: worldWithPrivateAndDm() });
    const byOwner = await engine.run({ action: 'leaveRoom', room: 'general', user: 'bob', removedBy: 'alice' });
    expect(byOwner.outcome).toBe('completed');
    expect(logLines(engine.trace.events, byOwner.runId)).toEqual(['pre-leave bob general by=alice', 'post-leave bob general by=alice']);
    // root is admin (remove-user) but not in the group and nobody has kick-user-from-any-p-room by default.
    const byAdmin = await engine.run({ action: 'leaveRoom', room: 'secret', user: 'bob', removedBy: 'root' });
    expect(byAdmin.outcome).toBe('failed');
    expect(byAdmin.error?.code).toBe('error-room-not-found');
    expect(logLines(engine.trace.events, byAdmin.runId)).toEqual([]);
    expect(engine.world.roomById('r-secret')?.memberIds).toEqual(['u-alice', 'u-bob']);
  });

  it('(§7) members added at creation get no join events', async () => {
    engine = await makeEngine([membershipSpy(), roomSpy()]);
    const r = await engine.run({ action: 'createRoom', name: 'team', type: 'p', creator: 'alice', members: ['bob', 'root'] });
    await r.settled;
    expect(r.outcome).toBe('completed');
    expect(engine.world.roomById(r.roomId as string)?.memberIds).toEqual(['u-alice', 'u-bob', 'u-root']);
    expect(logLines(engine.trace.events, r.runId)).toEqual(['pre-create team', 'post-create team']);
    expect(phasesOf(engine, r.runId)).toEqual(['IPreRoomCreatePrevent', 'IPreRoomCreateExtend', 'IPreRoomCreateModify', 'IPostRoomCreate']);
  });

  it('(§7) adding a user who is already a member (invite path): no event and no error', async () => {
    engine = await makeEngine([membershipSpy()]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'bob', inviter: 'alice' });
    await r.settled;
    expect(r.outcome).toBe('completed');
    expect(r.error).toBeNull();
    expect(phasesOf(engine, r.runId)).toEqual([]);
    expect(engine.world.data.messages).toEqual([]);
  });

  it('(§7) opening an existing DM fires no event and returns the existing room', async () => {
    engine = await makeEngine([roomSpy()], { world: worldWithPrivateAndDm() });
    const r = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'bob', members: ['alice'] });
    await r.settled;
    expect(r.outcome).toBe('completed');
    expect(r.roomId).toBe('u-aliceu-bob');
    expect(phasesOf(engine, r.runId)).toEqual([]);
    expect(engine.world.data.rooms.filter((room) => room.type === 'd')).toHaveLength(1);
  });

  it('(§7) a new DM fires the create events; opening it again fires none', async () => {
    engine = await makeEngine([roomSpy()]);
    const first = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'alice', members: ['root'] });
    await first.settled;
    expect(calls(engine.trace.events, first.runId).map((c) => c[1])).toEqual(['executePreRoomCreatePrevent', 'executePostRoomCreate']);
    const again = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'root', members: ['alice'] });
    await again.settled;
    expect(again.roomId).toBe(first.roomId);
    expect(calls(engine.trace.events, again.runId)).toEqual([]);
  });

  it('(§7) deleting fires Post deleted with the room as it was before deletion; it is gone meanwhile', async () => {
    const world = baseWorld();
    world.rooms[0]!.customFields = { topic: 'all' };
    engine = await makeEngine(
      [
        appClass(
          'gone',
          'Gone',
          ['IPostRoomDeleted'],
          `  async executePostRoomDeleted(room: IRoom, read: IRead): Promise<void> {
    const now = await read.getRoomReader().getById(room.id);
    this.getLogger().info(room.id + ' ' + room.slugifiedName + ' ' + JSON.stringify(room.customFields) + ' stillThere=' + (now !== undefined));
  }`,
        ),
      ],
      { world },
    );
    const r = await engine.run({ action: 'deleteRoom', room: 'general', by: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(engine.world.roomById('r-general')).toBeUndefined();
    await r.settled;
    expect(appLogLines(engine.trace.events, 'gone', r.runId)).toEqual(['r-general general {"topic":"all"} stillThere=false']);
  });

  it('(§4) Post create is not awaited: the outcome is reported before a slow Post handler finishes', async () => {
    const world = baseWorld();
    world.httpMocks.push({ method: 'POST', url: 'https://hooks.example/*', status: 201, data: {}, delayMs: 250 });
    engine = await makeEngine(
      [
        appClass(
          'hook',
          'Hook',
          ['IPostRoomCreate'],
          `  async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp): Promise<void> {
    const res = await http.post('https://hooks.example/created', { data: { name: room.slugifiedName } });
    this.getLogger().info('posted ' + res.statusCode);
  }`,
        ),
      ],
      { world },
    );
    const r = await engine.run({ action: 'createRoom', name: 'async', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([]);
    expect(engine.world.roomByName('async')).toBeDefined();
    await r.settled;
    expect(calls(engine.trace.events, r.runId)).toEqual([['hook', 'executePostRoomCreate', 'returned']]);
    const types = engine.trace.events.filter((e) => e.runId === r.runId).map((e) => e.type);
    expect(types.indexOf('outcome')).toBeLessThan(types.indexOf('call-end'));
    expect(logLines(engine.trace.events, r.runId)).toEqual(['posted 201']);
  });

  it('(§5) an AppsEngineException in Post create stops the Post loop; later Post apps are not reached', async () => {
    engine = await makeEngine([
      appClass('aee', 'Aee', ['IPostRoomCreate'], `  async executePostRoomCreate(): Promise<void> { throw new AppsEngineException('post failed'); }`),
      roomSpy(),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'postaee', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    await r.settled;
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['rooms', 'executePreRoomCreatePrevent', 'returned'],
      ['aee', 'executePostRoomCreate', 'threw-apps-engine'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['rooms', 'IPostRoomCreate', 'not-reached']]);
    expect(engine.world.roomByName('postaee')).toBeDefined();
  });

  it('(§5) a generic error in a Post handler is swallowed; the next Post app runs', async () => {
    engine = await makeEngine([
      appClass('oops', 'Oops', ['IPostRoomDeleted'], `  async executePostRoomDeleted(): Promise<void> { throw new Error('meh'); }`),
      roomSpy(),
    ]);
    const r = await engine.run({ action: 'deleteRoom', room: 'general' });
    await r.settled;
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['rooms', 'executePreRoomDeletePrevent', 'returned'],
      ['oops', 'executePostRoomDeleted', 'threw'],
      ['rooms', 'executePostRoomDeleted', 'returned'],
    ]);
  });
});
