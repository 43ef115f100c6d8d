/**
 * Spec §8, row "node" (profile rc-8.8, Rocket.Chat 8.8 and later) and the two facts of §4 / §5 seen
 * on the real engine, in every profile they apply to.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import type { ProfileId } from './profiles.ts';
import { appClass, appLogLines, callEnds, logLines, membershipSpy, mergeOf } from '../test-support/apps-more.ts';
import { makeEngine } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

const createSpy = () =>
  appClass(
    'spy',
    'CreateSpy',
    ['IPreRoomCreatePrevent'],
    `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    this.getLogger().info('id=' + room.id + ' usernames=' + JSON.stringify(await room.usernames));
    return false;
  }`,
  );

/** What an app sees of \`room.usernames\` in Pre join, read without and with await. */
const joinUsernamesSpy = () =>
  appClass(
    'uspy',
    'UsernamesSpy',
    ['IPreRoomUserJoined'],
    `  async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
    const raw: any = context.room.usernames;
    this.getLogger().info('promise=' + (raw instanceof Promise) + ' plain=' + JSON.stringify(raw) + ' awaited=' + JSON.stringify(await raw));
  }`,
  );

const noMessage = () =>
  appClass(
    'gate',
    'Gate',
    ['IPreRoomUserJoined'],
    `  async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
    throw new UserNotAllowedException();
  }`,
  );

describe('spec §8 node profile (rc-8.8, the default)', () => {
  it('(§8 node) the default profile is rc-8.8; Pre create sees room.usernames as [] (no id yet), Deno-era profiles see the members', async () => {
    engine = await makeEngine([createSpy()]);
    expect(engine.profile.id).toBe('rc-8.8');
    const node = await engine.run({ action: 'createRoom', name: 'n', type: 'c', creator: 'alice', members: ['bob'] });
    expect(logLines(engine.trace.events, node.runId)).toEqual(['id=undefined usernames=[]']);
    await engine.setProfile('current');
    const deno = await engine.run({ action: 'createRoom', name: 'd', type: 'c', creator: 'alice', members: ['bob'] });
    expect(logLines(engine.trace.events, deno.runId)).toEqual(['id=undefined usernames=["alice","bob"]']);
  });

  it('(§8 node) room.usernames is a Promise (base-runtime room.ts): without await the app gets {}; Deno-era profiles give the array', async () => {
    engine = await makeEngine([joinUsernamesSpy()]);
    const node = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    await node.settled;
    expect(logLines(engine.trace.events, node.runId)).toEqual(['promise=true plain={} awaited=["alice","bob"]']);
    engine.dispose();
    engine = await makeEngine([joinUsernamesSpy()], { profile: 'current' });
    const deno = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    await deno.settled;
    expect(logLines(engine.trace.events, deno.runId)).toEqual(['promise=false plain=["alice","bob"] awaited=["alice","bob"]']);
  });

  it('(§8 node) a 2-member direct message has no id before insertion', async () => {
    engine = await makeEngine([createSpy()]);
    const dm = await engine.run({ action: 'createRoom', name: '', type: 'd', creator: 'bob', members: ['alice'] });
    expect(dm.outcome).toBe('completed');
    expect(dm.roomId).not.toBe('u-aliceu-bob');
    expect(logLines(engine.trace.events, dm.runId)).toEqual(['id=undefined usernames=[]']);
  });

  it('(§8 node) addUserToRoom fires Pre join before the member check: an app can block an existing member; otherwise no Post join', async () => {
    engine = await makeEngine([membershipSpy()]);
    const again = await engine.run({ action: 'joinRoom', room: 'general', user: 'bob' });
    await again.settled;
    expect(again.outcome).toBe('completed');
    expect(logLines(engine.trace.events, again.runId)).toEqual(['pre-join bob general by=undefined']);
    engine.dispose();
    const blocker = appClass(
      'block',
      'Block',
      ['IPreRoomUserJoined'],
      `  async executePreRoomUserJoined(context: IRoomUserJoinedContext): Promise<void> {
    throw new UserNotAllowedException('no re-joins');
  }`,
    );
    engine = await makeEngine([blocker]);
    const blocked = await engine.run({ action: 'joinRoom', room: 'general', user: 'bob' });
    expect([blocked.outcome, blocked.error?.code, blocked.error?.message]).toEqual(['prevented', 'error-app-prevented', 'no re-joins']);
    await engine.setProfile('current');
    const deno = await engine.run({ action: 'joinRoom', room: 'general', user: 'bob' });
    expect(deno.outcome).toBe('completed');
    expect(callEnds(engine.trace.events, deno.runId)).toEqual([]);
  });

  it('(§8 node) the room codecs map `members` and merge `_unmappedProperties_` (description lands); the legacy converter drops them', async () => {
    const raw = appClass(
      'raw',
      'Raw',
      ['IPreRoomCreateModify'],
      `  async executePreRoomCreateModify(room: IRoom, builder: IRoomBuilder): Promise<IRoom> {
    return { ...builder.getRoom(), members: ['x'], _unmappedProperties_: { description: 'set through the codecs' } } as any;
  }`,
    );
    engine = await makeEngine([raw]);
    const node = await engine.run({ action: 'createRoom', name: 'codecs', type: 'c', creator: 'alice' });
    expect(engine.world.roomById(node.roomId as string)?.description).toBe('set through the codecs');
    expect(mergeOf(engine.trace.events, node.runId).applied.map((a: { field: string }) => a.field)).toEqual(['members', '_unmappedProperties_.description']);
    await engine.setProfile('current');
    const deno = await engine.run({ action: 'createRoom', name: 'converter', type: 'c', creator: 'alice' });
    expect(engine.world.roomById(deno.roomId as string)?.description).toBeUndefined();
  });
});

describe('spec §4 / §5: the real-engine facts, per profile', () => {
  const cases: [ProfileId, 'blocks' | 'hangs'][] = [
    ['rc-8.8', 'blocks'],
    ['rc-7.5-8.7', 'hangs'],
    ['rc-6.x-7.4', 'hangs'],
    ['rc-up-to-6.4', 'blocks'],
  ];
  it('(§4 rc-7.5-8.7) Stop ends the no-reply hang at once: the call ends stopped and the join goes ahead', async () => {
    engine = await makeEngine([noMessage()], { profile: 'current', timeoutMs: 600_000 });
    const running = engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    while (engine.hanging === 0) await new Promise((r) => setTimeout(r, 20));
    expect(engine.stop()).toBe(1);
    const r = await running;
    const end = callEnds(engine.trace.events, r.runId)[0];
    expect([r.outcome, end?.status]).toEqual(['completed', 'stopped']);
    expect(end?.effect).toMatch(
      /^this AppsEngineException has no message: Rocket\.Chat cannot send it back, so the call hangs until the timeout \(600 000 ms\); Stop ended the wait as if the timeout had come: timed out/,
    );
    expect(engine.world.roomById('r-general')?.memberIds).toContain('u-root');
    expect(engine.hanging).toBe(0);
  });

  for (const [profile, fate] of cases) {
    it(`(§4 ${profile}) an AppsEngineException without a message ${fate === 'hangs' ? 'gets no reply: the call hangs until the timeout and the join goes ahead' : 'blocks with an empty message'}`, async () => {
      engine = await makeEngine([noMessage()], { profile, timeoutMs: 800 });
      const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
      const end = callEnds(engine.trace.events, r.runId)[0];
      if (fate === 'hangs') {
        expect([r.outcome, end?.status]).toEqual(['completed', 'timed-out']);
        expect(end?.effect).toMatch(/^this AppsEngineException has no message: Rocket\.Chat cannot send it back, so the call hangs until the timeout/);
        expect(engine.world.roomById('r-general')?.memberIds).toContain('u-root');
      } else {
        expect([r.outcome, r.error?.code, r.error?.message, end?.status]).toEqual(['prevented', 'error-app-prevented', '', 'threw-apps-engine']);
        expect(end?.effect).toMatch(/this exception has no message/);
      }
    });
  }

  for (const profile of ['rc-8.8', 'rc-7.5-8.7', 'rc-6.x-7.4'] as ProfileId[]) {
    it(`(§5 ${profile}) an interface in implements without its method: the caller sees "Method not found"`, async () => {
      engine = await makeEngine([appClass('listed', 'Listed', ['IPreRoomUserJoined'], `  async other(): Promise<void> {}`)], { profile });
      const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
      expect([r.outcome, r.error?.message]).toEqual(['failed', 'Method not found']);
      expect(callEnds(engine.trace.events, r.runId)[0]?.effect).toMatch(/the caller sees "Method not found"/);
      expect(appLogLines(engine.trace.events, 'listed', r.runId)).toEqual([]);
    });
  }
});
