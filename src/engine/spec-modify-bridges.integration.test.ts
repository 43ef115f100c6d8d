/**
 * Apps changing the world through `modify` (rc-facts §1: RC `bridges/rooms.ts`): which of those
 * changes fire room events, as nested runs started by the app.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { appClass, appLogLines, appRuns, logLines, membershipSpy, roomSpy } from '../test-support/apps-more.ts';
import { calls, makeEngine } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

/** On Post create of a room named `trigger`, runs `body` (with room, read, modify in scope). */
const onTrigger = (id: string, name: string, body: string) =>
  appClass(
    id,
    name,
    ['IPostRoomCreate'],
    `  async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
    if (room.slugifiedName !== 'trigger') return;
${body}
  }`,
  );

describe('apps changing rooms through modify', () => {
  it('(rc-facts §1) an app creating a room in a Post handler fires the create events for every app, as a nested run of that app', async () => {
    engine = await makeEngine([
      onTrigger(
        'spawner',
        'Spawner',
        `    const alice = await read.getUserReader().getByUsername('alice');
    const builder = modify.getCreator().startRoom().setType(RoomType.CHANNEL).setCreator(alice).setSlugifiedName('spawned').setDisplayName('Spawned');
    const id = await modify.getCreator().finish(builder);
    this.getLogger().info('created ' + id);`,
      ),
      roomSpy(),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'trigger', type: 'c', creator: 'alice' });
    await r.settled;
    await engine.settle();
    const nested = appRuns(engine.trace.events);
    expect(nested.map((n) => [n.appId, n.action])).toEqual([['spawner', 'createRoom']]);
    const run = nested[0]!.runId;
    expect(calls(engine.trace.events, run)).toEqual([
      ['rooms', 'executePreRoomCreatePrevent', 'returned'],
      ['spawner', 'executePostRoomCreate', 'returned'],
      ['rooms', 'executePostRoomCreate', 'returned'],
    ]);
    const spawned = engine.world.roomByName('spawned');
    expect(spawned?.displayName).toBe('Spawned');
    expect(logLines(engine.trace.events, r.runId)).toEqual(['pre-create trigger', `created ${spawned?.id}`, 'post-create trigger']);
    expect(logLines(engine.trace.events, run)).toEqual(['pre-create spawned', 'post-create spawned']);
  });

  it("(rc-facts §1) an app's room creation that another app prevents fails inside the app with the host error", async () => {
    engine = await makeEngine([
      onTrigger(
        'spawner',
        'Spawner',
        `    const alice = await read.getUserReader().getByUsername('alice');
    try {
      await modify.getCreator().finish(modify.getCreator().startRoom().setType(RoomType.PRIVATE_GROUP).setCreator(alice).setSlugifiedName('blocked').setDisplayName('B'));
    } catch (e) {
      this.getLogger().info('failed: ' + (e as Error).message);
    }`,
      ),
      appClass(
        'guard',
        'Guard',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> { return room.slugifiedName === 'blocked'; }`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'trigger', type: 'c', creator: 'alice' });
    await r.settled;
    await engine.settle();
    const [line] = appLogLines(engine.trace.events, 'spawner');
    // The code and RC's message reach the app (the exact Meteor.Error text format is not in the spec).
    expect(line).toContain('error-app-prevented');
    expect(line).toContain('A Rocket.Chat App prevented the room creation.');
    expect(appRuns(engine.trace.events).map((x) => [x.appId, x.action])).toEqual([['spawner', 'createRoom']]);
    expect(engine.world.roomByName('blocked')).toBeUndefined();
  });

  it("(rc-facts §1) an app's modify.getDeleter().deleteRoom fires no events", async () => {
    engine = await makeEngine([
      onTrigger(
        'wiper',
        'Wiper',
        `    await modify.getDeleter().deleteRoom('r-general');
    this.getLogger().info('deleted');`,
      ),
      roomSpy(),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'trigger', type: 'c', creator: 'alice' });
    await r.settled;
    await engine.settle();
    expect(engine.world.roomById('r-general')).toBeUndefined();
    expect(appRuns(engine.trace.events)).toEqual([]);
    expect(appLogLines(engine.trace.events, 'rooms')).toEqual(['pre-create trigger', 'post-create trigger']);
    const commit = engine.trace.events.find((e) => e.type === 'commit' && e.what === 'room-deleted');
    expect(commit && commit.type === 'commit' ? [commit.runId, commit.roomId] : null).toEqual(['app:wiper', 'r-general']);
  });

  it('(rc-facts §1) members added through the updater get join events with no inviter', async () => {
    engine = await makeEngine([
      onTrigger(
        'adder',
        'Adder',
        `    const bot = await read.getUserReader().getAppUser();
    const builder = await modify.getUpdater().room(room.id, bot!);
    builder.addMemberToBeAddedByUsername('bob');
    builder.addMemberToBeAddedByUsername('nobody-here');
    await modify.getUpdater().finish(builder);`,
      ),
      membershipSpy(),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'trigger', type: 'c', creator: 'alice' });
    await r.settled;
    await engine.settle();
    const nested = appRuns(engine.trace.events);
    expect(nested.map((n) => [n.appId, n.action])).toEqual([['adder', 'joinRoom']]);
    expect(logLines(engine.trace.events, nested[0]!.runId)).toEqual(['pre-join bob trigger by=undefined', 'post-join bob trigger by=undefined']);
    expect(engine.world.roomById(r.roomId as string)?.memberIds).toEqual(['u-alice', 'u-bob']);
  });

  it('(rc-facts §1) removeUsersFromRoom fires both leave events without removedBy', async () => {
    engine = await makeEngine([onTrigger('remover', 'Remover', `    await modify.getDeleter().removeUsersFromRoom('r-general', ['bob']);`), membershipSpy()]);
    const r = await engine.run({ action: 'createRoom', name: 'trigger', type: 'c', creator: 'alice' });
    await r.settled;
    await engine.settle();
    const nested = appRuns(engine.trace.events);
    expect(nested.map((n) => [n.appId, n.action])).toEqual([['remover', 'leaveRoom']]);
    expect(logLines(engine.trace.events, nested[0]!.runId)).toEqual(['pre-leave bob general by=undefined', 'post-leave bob general by=undefined']);
    expect(engine.world.roomById('r-general')?.memberIds).toEqual(['u-alice']);
    expect(engine.world.data.messages.filter((m) => m.system).map((m) => m.system)).toEqual(['ul']);
  });

  it('(rc-facts §1) removeUsersFromRoom fires both leave events even for a user who is not a member', async () => {
    engine = await makeEngine([
      onTrigger('remover', 'Remover', `    await modify.getDeleter().removeUsersFromRoom('r-general', ['root', 'no-such-user']);`),
      membershipSpy(),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'trigger', type: 'c', creator: 'alice' });
    await r.settled;
    await engine.settle();
    const nested = appRuns(engine.trace.events);
    expect(nested.map((n) => [n.appId, n.action])).toEqual([['remover', 'leaveRoom']]);
    expect(logLines(engine.trace.events, nested[0]!.runId)).toEqual(['pre-leave root general by=undefined', 'post-leave root general by=undefined']);
    expect(engine.world.roomById('r-general')?.memberIds).toEqual(['u-alice', 'u-bob']);
    expect(engine.world.data.messages).toEqual([]);
  });
});
