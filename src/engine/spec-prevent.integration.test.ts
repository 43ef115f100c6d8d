/**
 * Spec §4 (Prevent on create and delete) and §5 (errors inside Prevent handlers).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { preventReturning } from '../test-support/apps.ts';
import { appClass, callEnds, preventLogging, roomSpy } from '../test-support/apps-more.ts';
import { calls, makeEngine, skipped } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

const deletePrevent = (id: string, name: string, body: string) =>
  appClass(
    id,
    name,
    ['IPreRoomDeletePrevent'],
    `  async executePreRoomDeletePrevent(room: IRoom): Promise<any> {
${body}
  }`,
  );

describe('spec §4: Prevent', () => {
  it('(§4) a non-boolean truthy result (an object) prevents the creation', async () => {
    engine = await makeEngine([preventReturning('obj', 'ObjectPrevent', "{ reason: 'no' } as any"), preventLogging('after', 'After')]);
    const r = await engine.run({ action: 'createRoom', name: 'objective', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
    expect(r.error).toEqual({ code: 'error-app-prevented', message: 'A Rocket.Chat App prevented the room creation.' });
    expect(skipped(engine.trace.events, r.runId)).toEqual([['after', 'IPreRoomCreatePrevent', 'not-reached']]);
    expect(engine.world.roomByName('objective')).toBeUndefined();
  });

  it('(§4) falsy non-boolean results (0, empty string, null) do not prevent', async () => {
    engine = await makeEngine([
      preventReturning('zero', 'Zero', '0 as any'),
      preventReturning('empty', 'Empty', "'' as any"),
      preventReturning('nul', 'Nul', 'null as any'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'falsy', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId).map((c) => c[2])).toEqual(['returned', 'returned', 'returned']);
  });

  it('(§4) a prevented creation runs no Extend, Modify or Post create handler', async () => {
    engine = await makeEngine([preventReturning('stop', 'Stop', 'true'), roomSpy()]);
    const r = await engine.run({ action: 'createRoom', name: 'stopped', type: 'c', creator: 'alice' });
    await r.settled;
    expect(calls(engine.trace.events, r.runId)).toEqual([['stop', 'executePreRoomCreatePrevent', 'returned']]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['rooms', 'IPreRoomCreatePrevent', 'not-reached']]);
  });

  it('(§4) delete prevented: error-app-prevented-deleting with its message; the room stays; Post deleted does not run', async () => {
    engine = await makeEngine([deletePrevent('keeper', 'Keeper', `    return room.slugifiedName === 'general';`), roomSpy()]);
    const r = await engine.run({ action: 'deleteRoom', room: 'general' });
    await r.settled;
    expect(r.outcome).toBe('prevented');
    expect(r.error).toEqual({ code: 'error-app-prevented-deleting', message: 'A Rocket.Chat App prevented the room erasing.' });
    expect(engine.world.roomById('r-general')).toBeDefined();
    expect(calls(engine.trace.events, r.runId)).toEqual([['keeper', 'executePreRoomDeletePrevent', 'returned']]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['rooms', 'IPreRoomDeletePrevent', 'not-reached']]);
  });
});

describe('spec §5: errors in Prevent', () => {
  it('(§5) an AppsEngineException in Prevent on create becomes error-app-prevented with the exception message', async () => {
    engine = await makeEngine([
      appClass(
        'aee',
        'Thrower',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    throw new AppsEngineException('Rooms named ' + room.slugifiedName + ' are reserved');
  }`,
      ),
      preventLogging('after', 'After'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'admin', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
    expect(r.error).toEqual({ code: 'error-app-prevented', message: 'Rooms named admin are reserved' });
    expect(calls(engine.trace.events, r.runId)).toEqual([['aee', 'executePreRoomCreatePrevent', 'threw-apps-engine']]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['after', 'IPreRoomCreatePrevent', 'not-reached']]);
    expect(engine.world.roomByName('admin')).toBeUndefined();
  });

  it('(§5) a UserNotAllowedException subclass in Prevent on create is handled like an AppsEngineException', async () => {
    engine = await makeEngine([
      appClass(
        'una',
        'NotAllowed',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(): Promise<boolean> {
    throw new UserNotAllowedException('not you');
  }`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'sub', type: 'c', creator: 'alice' });
    expect(r.error).toEqual({ code: 'error-app-prevented', message: 'not you' });
    const [end] = callEnds(engine.trace.events, r.runId);
    expect(end?.error?.name).toBe('AppsEngineException');
  });

  it('(§5) an AppsEngineException in Prevent on delete is not mapped: raw error, unmapped, room kept', async () => {
    engine = await makeEngine([deletePrevent('aee', 'Thrower', `    throw new AppsEngineException('do not delete ' + room.slugifiedName);`), roomSpy()]);
    const r = await engine.run({ action: 'deleteRoom', room: 'r-general' });
    await r.settled;
    expect(r.outcome).toBe('failed');
    expect(r.error).toEqual({ code: 'AppsEngineException', message: 'do not delete general', unmapped: true });
    expect(engine.world.roomById('r-general')).toBeDefined();
    expect(calls(engine.trace.events, r.runId)).toEqual([['aee', 'executePreRoomDeletePrevent', 'threw-apps-engine']]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['rooms', 'IPreRoomDeletePrevent', 'not-reached']]);
  });

  it('(§5) a generic error in a Prevent check skips the app; the loop goes on', async () => {
    engine = await makeEngine([
      appClass(
        'badcheck',
        'BadCheck',
        ['IPreRoomCreatePrevent'],
        `  async checkPreRoomCreatePrevent(): Promise<boolean> {
    throw new Error('check exploded');
  }
  async executePreRoomCreatePrevent(): Promise<boolean> {
    return true;
  }`,
      ),
      preventLogging('next', 'Next'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'chk-err', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['badcheck', 'checkPreRoomCreatePrevent', 'threw'],
      ['next', 'executePreRoomCreatePrevent', 'returned'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['badcheck', 'IPreRoomCreatePrevent', 'check-false']]);
  });

  it('(§5) a generic error in a Prevent execute counts as not prevented; the loop goes on', async () => {
    engine = await makeEngine([
      appClass(
        'oops',
        'Oops',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(): Promise<boolean> {
    throw new RangeError('bad');
  }`,
      ),
      preventLogging('next', 'Next', 'true'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'exec-err', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
    expect(r.error?.code).toBe('error-app-prevented');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['oops', 'executePreRoomCreatePrevent', 'threw'],
      ['next', 'executePreRoomCreatePrevent', 'returned'],
    ]);
  });

  it('(§5) a Prevent check that times out skips the app; a delete Prevent that times out does not prevent', async () => {
    engine = await makeEngine(
      [
        appClass(
          'hang',
          'Hang',
          ['IPreRoomCreatePrevent', 'IPreRoomDeletePrevent'],
          `  async checkPreRoomCreatePrevent(): Promise<boolean> {
    await new Promise(() => {});
    return true;
  }
  async executePreRoomCreatePrevent(): Promise<boolean> { return true; }
  async executePreRoomDeletePrevent(): Promise<boolean> {
    await new Promise(() => {});
    return true;
  }`,
        ),
      ],
      { timeoutMs: 400 },
    );
    const c = await engine.run({ action: 'createRoom', name: 'slowcheck', type: 'c', creator: 'alice' });
    expect(c.outcome).toBe('completed');
    expect(calls(engine.trace.events, c.runId)).toEqual([['hang', 'checkPreRoomCreatePrevent', 'timed-out']]);
    expect(skipped(engine.trace.events, c.runId)).toEqual([['hang', 'IPreRoomCreatePrevent', 'check-false']]);
    const d = await engine.run({ action: 'deleteRoom', room: 'slowcheck' });
    expect(d.outcome).toBe('completed');
    expect(calls(engine.trace.events, d.runId)).toEqual([['hang', 'executePreRoomDeletePrevent', 'timed-out']]);
    expect(engine.world.roomByName('slowcheck')).toBeUndefined();
  });
});
