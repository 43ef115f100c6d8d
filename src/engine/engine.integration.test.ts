/**
 * The engine end to end on Node workers with real app classes. Each test names the section of
 * docs/rules/ (the reference of the rules hookscope simulates) it checks.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import {
  bannedWords,
  extendCustomField,
  joinGuard,
  loopsForever,
  modifyRename,
  modifyReturningNothing,
  noImplements,
  postCreateThrows,
  preventReturning,
  welcome,
} from '../test-support/apps.ts';
import { calls, makeEngine, skipped } from '../test-support/engine-harness.ts';
import { guestsSeeChannels } from '../test-support/worlds.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

describe('create: Prevent (spec §4 Prevent, §2 order)', () => {
  it('the first truthy Prevent wins; later apps are not reached', async () => {
    engine = await makeEngine([preventReturning('a', 'First', 'false'), preventReturning('b', 'Second', 'true'), preventReturning('c', 'Third', 'true')]);
    const r = await engine.run({ action: 'createRoom', name: 'project', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
    expect(r.error).toEqual({ code: 'error-app-prevented', message: 'A Rocket.Chat App prevented the room creation.' });
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['a', 'executePreRoomCreatePrevent', 'returned'],
      ['b', 'executePreRoomCreatePrevent', 'returned'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['c', 'IPreRoomCreatePrevent', 'not-reached']]);
    expect(engine.world.roomByName('project')).toBeUndefined();
  });

  it('order is the order apps were last enabled: re-enabling moves an app to the end (§2)', async () => {
    engine = await makeEngine([preventReturning('a', 'Allow', 'false'), preventReturning('b', 'Block', 'true')]);
    engine.registry.disable('a');
    engine.registry.enable('a');
    const r = await engine.run({ action: 'createRoom', name: 'x1', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r.runId).map((c) => c[0])).toEqual(['b']);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['a', 'IPreRoomCreatePrevent', 'not-reached']]);
  });

  it('a banned word is prevented, a clean name completes and is committed with the owner as member (§7)', async () => {
    engine = await makeEngine([bannedWords()]);
    const bad = await engine.run({ action: 'createRoom', name: 'the-forbidden-zone', type: 'c', creator: 'alice' });
    expect(bad.outcome).toBe('prevented');
    const good = await engine.run({ action: 'createRoom', name: 'fine', type: 'p', creator: 'alice', members: ['bob'] });
    expect(good.outcome).toBe('completed');
    const room = engine.world.roomByName('fine');
    expect(room?.memberIds).toEqual(['u-alice', 'u-bob']);
    expect(room?.ownerIds).toEqual(['u-alice']);
  });

  it('a method without its `implements` entry is never called (§2)', async () => {
    engine = await makeEngine([noImplements()]);
    const r = await engine.run({ action: 'createRoom', name: 'free', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([]);
  });
});

describe('create: Extend -> Modify chain and the mapped-fields merge (§4, §6)', () => {
  it('Extend adds a custom field that Modify reads; only mapped fields are applied, description is dropped', async () => {
    engine = await makeEngine([extendCustomField(), modifyRename()]);
    const r = await engine.run({ action: 'createRoom', name: 'dev', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    const room = engine.world.roomById(r.roomId as string);
    expect(room?.customFields).toEqual({ team: 'blue' });
    expect(room?.slugifiedName).toBe('dev-blue');
    expect(room?.displayName).toBe('Team blue');
    expect(room?.description).toBeUndefined();
    const merge = engine.trace.events.find((e) => e.type === 'merge' && e.runId === r.runId);
    expect(merge && merge.type === 'merge' && merge.dropped.map((d) => d.field)).toEqual(['description']);
    expect(merge && merge.type === 'merge' && merge.applied.map((d) => d.field).sort()).toEqual(['customFields', 'displayName', 'slugifiedName']);
  });

  it('a Modify that returns nothing breaks the chain: no change from any app is applied (§4)', async () => {
    engine = await makeEngine([extendCustomField(), modifyReturningNothing(), modifyRename()]);
    const r = await engine.run({ action: 'createRoom', name: 'ops', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    const room = engine.world.roomById(r.roomId as string);
    expect(room?.slugifiedName).toBe('ops');
    expect(room?.customFields).toBeUndefined();
    expect(room?.displayName).toBe('ops');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['extender', 'executePreRoomCreateExtend', 'returned'],
      ['forgetful', 'executePreRoomCreateModify', 'returned'],
      ['renamer', 'executePreRoomCreateModify', 'invalid-params'],
    ]);
  });
});

describe('join / leave (§4 Pre join, §7)', () => {
  it('UserNotAllowedException blocks the join with its own message', async () => {
    // Guests may see channels here: with RC's defaults the host refuses them before any event (§7.1).
    engine = await makeEngine([joinGuard()], { world: guestsSeeChannels() });
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'gus' });
    expect(r.outcome).toBe('prevented');
    expect(r.error).toEqual({ code: 'error-app-prevented', message: 'Guests may not join general' });
    expect(engine.world.roomByName('general')?.memberIds).not.toContain('u-gus');
    expect(calls(engine.trace.events, r.runId)).toEqual([['guard', 'executePreRoomUserJoined', 'threw-apps-engine']]);
  });

  it('a user who is already a member: no event, no error (§7, Deno-era profile; rc-8.8 fires Pre join first)', async () => {
    engine = await makeEngine([joinGuard()], { profile: 'current' });
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'bob' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([]);
  });

  it('Post join posts a welcome through modify, using a helper file; the host did not wait for it (§4 Post join)', async () => {
    engine = await makeEngine([welcome()]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(r.outcome).toBe('completed');
    await r.settled;
    const texts = engine.world.data.messages.filter((m) => !m.system).map((m) => m.text);
    expect(texts).toEqual(['Welcome, @root!']);
    const phase = engine.trace.events.find((e) => e.type === 'phase-start' && e.runId === r.runId && e.event === 'IPostRoomUserJoined');
    expect(phase && phase.type === 'phase-start' && phase.awaited).toBe(false);
  });

  it('the last owner cannot leave; a non-member gets error-user-not-in-room; no event fires (§7)', async () => {
    engine = await makeEngine([]);
    const owner = await engine.run({ action: 'leaveRoom', room: 'general', user: 'alice' });
    expect(owner.error?.code).toBe('error-you-are-last-owner');
    const stranger = await engine.run({ action: 'leaveRoom', room: 'general', user: 'root' });
    expect(stranger.error).toEqual({ code: 'error-user-not-in-room', message: 'You are not in this room' });
  });
});

describe('errors and timeouts (§5)', () => {
  it('a Post create handler that throws is swallowed; the room exists while it runs', async () => {
    engine = await makeEngine([postCreateThrows()]);
    const r = await engine.run({ action: 'createRoom', name: 'post', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    await r.settled;
    expect(calls(engine.trace.events, r.runId)).toEqual([['crashy', 'executePostRoomCreate', 'threw']]);
    const end = engine.trace.events.find((e) => e.type === 'call-end' && e.runId === r.runId);
    expect(end && end.type === 'call-end' && end.error?.className).toBe('TypeError');
    const log = engine.trace.events.find((e) => e.type === 'log' && e.runId === r.runId);
    expect(log && log.type === 'log' && log.args.map((a) => (a.t === 'str' || a.t === 'bool' ? String(a.v) : a.t))).toEqual([
      'room exists during Post create:',
      'true',
    ]);
  });

  it('an endless loop times out, is treated as not prevented, and the next call works', async () => {
    engine = await makeEngine([loopsForever(), bannedWords()], { timeoutMs: 400 });
    const r = await engine.run({ action: 'createRoom', name: 'loop', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['looper', 'executePreRoomCreatePrevent', 'timed-out'],
      ['banned', 'executePreRoomCreatePrevent', 'returned'],
    ]);
    const next = await engine.run({ action: 'createRoom', name: 'after', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, next.runId)).toEqual([
      ['looper', 'executePreRoomCreatePrevent', 'returned'],
      ['banned', 'executePreRoomCreatePrevent', 'returned'],
    ]);
  });
});

describe('Stop (issue: a Stop control kills a run in progress like a timeout)', () => {
  it('stops a hung handler; the pipeline goes on as after a timeout and the next run works', async () => {
    engine = await makeEngine([loopsForever(), bannedWords()], { timeoutMs: 20_000 });
    const pending = engine.run({ action: 'createRoom', name: 'loop', type: 'c', creator: 'alice' });
    await new Promise((r) => setTimeout(r, 150));
    expect(engine.stop()).toBe(1);
    const r = await pending;
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['looper', 'executePreRoomCreatePrevent', 'stopped'],
      ['banned', 'executePreRoomCreatePrevent', 'returned'],
    ]);
    const next = await engine.run({ action: 'createRoom', name: 'forbidden-after', type: 'c', creator: 'alice' });
    expect(next.outcome).toBe('prevented');
  });
});
