/**
 * Spec §5: errors and timeouts as the host sees them (what propagates, what is swallowed, what a
 * timed-out app keeps doing).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { appClass, appLogLines, callEnds, preventLogging } from '../test-support/apps-more.ts';
import { calls, makeEngine } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

describe('spec §5: errors and timeouts', () => {
  it('(§5) after a timeout the app code keeps running: its late write happens, its late reply is ignored', async () => {
    engine = await makeEngine(
      [
        appClass(
          'late',
          'Late',
          ['IPreRoomUserJoined'],
          `  async executePreRoomUserJoined(ctx: IRoomUserJoinedContext, read: IRead, http: IHttp, persistence: IPersistence): Promise<void> {
    await new Promise((r) => setTimeout(r, 600));
    await persistence.create({ late: ctx.joiningUser.username });
    this.getLogger().info('still running');
    throw new AppsEngineException('too late to block');
  }`,
        ),
      ],
      { timeoutMs: 400 },
    );
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([['late', 'executePreRoomUserJoined', 'timed-out']]);
    // Waits on what happens (the late write), not on a fixed time: the machine may be busy.
    const e = engine;
    await expect.poll(() => (e.world.data.persistence['late'] ?? []).map((x) => x.data), { timeout: 10_000 }).toEqual([{ late: 'root' }]);
    await expect.poll(() => appLogLines(e.trace.events, 'late', r.runId), { timeout: 10_000 }).toEqual(['still running']);
    // The worker was not replaced because of the timeout.
    expect(engine.trace.events.filter((e) => e.type === 'worker-restarted' && e.reason.includes('timed out after'))).toEqual([]);
    expect(engine.world.roomById('r-general')?.memberIds).toContain('u-root');
  });

  it('(§5) an app stuck in an endless loop is still answered as a timeout, and its next call works', async () => {
    engine = await makeEngine(
      [
        appClass(
          'spin',
          'Spin',
          ['IPreRoomCreatePrevent'],
          `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    if (room.slugifiedName === 'spin') { for (;;) {} }
    return room.slugifiedName === 'stop';
  }`,
        ),
      ],
      { timeoutMs: 400 },
    );
    const r = await engine.run({ action: 'createRoom', name: 'spin', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([['spin', 'executePreRoomCreatePrevent', 'timed-out']]);
    const next = await engine.run({ action: 'createRoom', name: 'stop', type: 'c', creator: 'alice' });
    expect(next.outcome).toBe('prevented');
    expect(calls(engine.trace.events, next.runId)).toEqual([['spin', 'executePreRoomCreatePrevent', 'returned']]);
  });

  it('(§5) an error thrown by the runtime keeps its class name; AppsEngineException subclasses travel as AppsEngineException', async () => {
    engine = await makeEngine([
      appClass(
        'types',
        'Types',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    if (room.slugifiedName === 'type') throw new TypeError('bad type');
    throw new UserNotAllowedException('nope');
  }`,
      ),
      preventLogging('after', 'After'),
    ]);
    const generic = await engine.run({ action: 'createRoom', name: 'type', type: 'c', creator: 'alice' });
    const [g] = callEnds(engine.trace.events, generic.runId);
    expect([g?.status, g?.error?.className, g?.error?.message]).toEqual(['threw', 'TypeError', 'bad type']);
    expect(generic.outcome).toBe('completed');
    const aee = await engine.run({ action: 'createRoom', name: 'other', type: 'c', creator: 'alice' });
    const [a] = callEnds(engine.trace.events, aee.runId);
    expect([a?.status, a?.error?.name, a?.error?.message]).toEqual(['threw-apps-engine', 'AppsEngineException', 'nope']);
    expect(aee.error).toEqual({ code: 'error-app-prevented', message: 'nope' });
  });
});
