/**
 * Spec §3: the data each app receives (copies, Room wrapper vs plain object, ids, Dates, null).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { appClass, appLogLines, callEnds, logLines, preventLogging } from '../test-support/apps-more.ts';
import { calls, makeEngine } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

/** Logs what a room argument looks like, as one line. */
const SHAPE = `(r: any) => [
      'id=' + (r.id === undefined ? 'undefined' : r.id),
      'usernames=' + (r.usernames === undefined ? 'undefined' : r.usernames instanceof Promise ? 'Promise' : JSON.stringify(r.usernames)),
      'plain=' + (Object.getPrototypeOf(r) === Object.prototype),
      'createdAt=' + (r.createdAt instanceof Date ? 'Date' : typeof r.createdAt),
      'creator=' + (r.creator ? r.creator.username : 'none'),
    ].join(' ')`;

const shapeSpy = (id = 'shape') =>
  appClass(
    id,
    'ShapeSpy',
    ['IPreRoomCreatePrevent', 'IPostRoomCreate', 'IPreRoomDeletePrevent', 'IPostRoomDeleted', 'IPreRoomUserJoined'],
    `  private shape = ${SHAPE};
  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('pre-create ' + this.shape(room));
    return false;
  }
  async executePostRoomCreate(room: IRoom): Promise<void> {
    this.getLogger().info('post-create ' + this.shape(room));
  }
  async executePreRoomDeletePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('pre-delete ' + this.shape(room));
    return false;
  }
  async executePostRoomDeleted(room: IRoom): Promise<void> {
    this.getLogger().info('post-deleted ' + this.shape(room));
  }
  async executePreRoomUserJoined(ctx: IRoomUserJoinedContext): Promise<void> {
    this.getLogger().info('pre-join ' + this.shape(ctx.room) + ' joining=' + ctx.joiningUser.username + ' joinedAt=' + (ctx.joiningUser.createdAt instanceof Date));
  }`,
  );

describe('spec §3: data each app receives', () => {
  it('(§3) each app gets an independent copy: mutating the room changes nothing for the next app or the host', async () => {
    engine = await makeEngine([
      appClass(
        'vandal',
        'Vandal',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    room.slugifiedName = 'hacked';
    room.customFields = { owned: true };
    (room.creator as any).username = 'mallory';
    return false;
  }`,
      ),
      appClass(
        'witness',
        'Witness',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info(room.slugifiedName + ' ' + JSON.stringify(room.customFields) + ' ' + room.creator.username);
    return false;
  }`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'pristine', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(logLines(engine.trace.events, r.runId)).toEqual(['pristine undefined alice']);
    const room = engine.world.roomById(r.roomId as string);
    expect(room?.slugifiedName).toBe('pristine');
    expect(room?.customFields).toBeUndefined();
    expect(engine.world.userById('u-alice')?.username).toBe('alice');
  });

  it('(§3, Deno-era profile) Pre create gets the Room wrapper (usernames = members, no id, Dates); Post create gets a plain object without usernames', async () => {
    engine = await makeEngine([shapeSpy()], { profile: 'current' });
    const r = await engine.run({ action: 'createRoom', name: 'shapes', type: 'p', creator: 'alice', members: ['bob'] });
    await r.settled;
    expect(logLines(engine.trace.events, r.runId)).toEqual([
      'pre-create id=undefined usernames=["alice","bob"] plain=false createdAt=Date creator=alice',
      `post-create id=${r.roomId} usernames=undefined plain=true createdAt=Date creator=alice`,
    ]);
  });

  it('(§3, §8 node) Pre delete gets the wrapped room (usernames: a Promise of the members in rc-8.8); Post deleted a plain object without usernames', async () => {
    engine = await makeEngine([shapeSpy()]);
    const r = await engine.run({ action: 'deleteRoom', room: 'general' });
    expect(r.outcome).toBe('completed');
    await r.settled;
    expect(logLines(engine.trace.events, r.runId)).toEqual([
      'pre-delete id=r-general usernames=Promise plain=false createdAt=Date creator=alice',
      'post-deleted id=r-general usernames=undefined plain=true createdAt=Date creator=alice',
    ]);
  });

  it('(§3, §8 node) a join context carries the wrapped room (usernames: a Promise in rc-8.8) and the full joining user with Dates', async () => {
    engine = await makeEngine([shapeSpy()]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(logLines(engine.trace.events, r.runId)).toEqual([
      'pre-join id=r-general usernames=Promise plain=false createdAt=Date creator=alice joining=root joinedAt=true',
    ]);
  });

  it('(§3, §7.1, Deno-era profile) a new 2-member direct message already has its id in Pre create; a 3-member one does not; a DM has no creator', async () => {
    engine = await makeEngine([shapeSpy()], { profile: 'current' });
    const two = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'bob', members: ['alice'] });
    expect(two.outcome).toBe('completed');
    expect(two.roomId).toBe('u-aliceu-bob');
    expect(appLogLines(engine.trace.events, 'shape', two.runId)[0]).toBe(
      'pre-create id=u-aliceu-bob usernames=["alice","bob"] plain=false createdAt=Date creator=none',
    );
    const three = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'bob', members: ['alice', 'root'] });
    expect(three.outcome).toBe('completed');
    expect(appLogLines(engine.trace.events, 'shape', three.runId)[0]).toBe(
      'pre-create id=undefined usernames=["alice","bob","root"] plain=false createdAt=Date creator=none',
    );
  });

  it('(§3) sysMes maps to displaySystemMessages true and the creator is the full user', async () => {
    engine = await makeEngine([
      appClass(
        'look',
        'Look',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info(String(room.displaySystemMessages), room.creator.id, room.creator.name, JSON.stringify(room.creator.roles), room.type);
    return false;
  }`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'full', type: 'c', creator: 'alice' });
    expect(logLines(engine.trace.events, r.runId)).toEqual(['true u-alice Alice ["user"] c']);
  });

  it('(§3) a handler returning undefined reaches the host as null', async () => {
    engine = await makeEngine([appClass('mute', 'Mute', ['IPreRoomCreatePrevent'], `  async executePreRoomCreatePrevent(): Promise<any> {}`)]);
    const r = await engine.run({ action: 'createRoom', name: 'nothing', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    const [end] = callEnds(engine.trace.events, r.runId);
    expect(end?.status).toBe('returned');
    expect(end && 'result' in end ? end.result : 'absent').toBeNull();
  });

  it('(§3) Prevent apps all get the same original room even when an earlier app returned a room', async () => {
    engine = await makeEngine([
      appClass(
        'returner',
        'Returner',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(room: IRoom): Promise<any> {
    return 0;
  }`,
      ),
      preventLogging('second', 'Second'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'same', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['returner', 'executePreRoomCreatePrevent', 'returned'],
      ['second', 'executePreRoomCreatePrevent', 'returned'],
    ]);
    expect(logLines(engine.trace.events, r.runId)).toEqual(['second saw same']);
  });
});
