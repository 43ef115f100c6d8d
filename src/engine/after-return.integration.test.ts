/**
 * Spec 7.2, between events: work a handler starts without `await` keeps running after it
 * returned; the run settles only once it finished (bounded), and its effects are attributed to
 * the call that started it ("after the handler returned"). Fixture: fixtures/lifecycle/unawaited-sends.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { baseWorld, makeEngine } from '../test-support/engine-harness.ts';
import { appClass } from '../test-support/apps-more.ts';
import { fixtureApp } from '../test-support/fixture-project.ts';
import type { TraceEvent } from './trace.ts';

let engine: Engine | undefined;
afterEach(() => {
  engine?.dispose();
  engine = undefined;
});

type Ev<T extends TraceEvent['type']> = Extract<TraceEvent, { type: T }>;

function worldWithTips() {
  const world = baseWorld();
  world.httpMocks.push({ method: 'GET', url: 'https://tips.example/*', status: 200, data: { tip: 'drink water' }, delayMs: 30 });
  return world;
}

describe('spec 7.2: un-awaited work after the handler returned', () => {
  it('runs to completion before the run settles; every effect is attributed to the Post create call', async () => {
    engine = await makeEngine([fixtureApp('lifecycle/unawaited-sends')], { world: worldWithTips() });
    const r = await engine.run({ action: 'createRoom', name: 'lobby', type: 'c', creator: 'alice' });
    await r.settled;
    const texts = engine.world.data.messages
      .filter((m) => m.roomId === r.roomId)
      .map((m) => m.text)
      .sort();
    expect(texts).toEqual(['first, not awaited', 'forEach one', 'forEach two', 'tip stored']);
    expect(engine.world.data.persistence['fixture-unawaited']?.map((rec) => rec.data)).toEqual([{ tip: 'drink water' }]);

    const events = engine.trace.forRun(r.runId);
    const end = events.find((e): e is Ev<'call-end'> => e.type === 'call-end' && e.call.method === 'executePostRoomCreate');
    expect(end?.status).toBe('returned');
    const mine = events.filter((e): e is Ev<'accessor'> => e.type === 'accessor' && e.callId === end?.call.callId);
    const late = mine.filter((e) => e.afterReturn);
    // The handler returned while its first send still waited for the bot user: every send and the
    // stored tip happened after it returned (each send first asks for the app's bot user, the default sender).
    expect(
      late
        .filter((e) => e.op !== 'user.getAppUser')
        .map((e) => e.op)
        .sort(),
    ).toEqual(['modify.creator.finish', 'modify.creator.finish', 'modify.creator.finish', 'modify.creator.finish', 'persistence.create']);
    expect(mine.find((e) => e.op === 'http.request')?.afterReturn).toBeUndefined();
    const settled = events.find((e): e is Ev<'call-settled'> => e.type === 'call-settled');
    expect(settled).toMatchObject({ call: { callId: end?.call.callId }, effects: late.length, intervals: 0 });
    expect(settled?.cut).toBeUndefined();
    expect(settled?.note).toMatch(
      new RegExp(`^un-awaited work of executePostRoomCreate: ${late.length} effects after the handler returned; finished \\d+ ms after it returned$`),
    );
    // The handler's own log line is not marked; the call-settled event comes after run-settled's background.
    expect(events.find((e) => e.type === 'log' && e.callId === end?.call.callId && !e.afterReturn)).toBeDefined();
  });

  it('a handler with nothing left running settles with no call-settled event', async () => {
    engine = await makeEngine([
      appClass(
        'calm',
        'Calm',
        ['IPostRoomCreate'],
        `  async executePostRoomCreate(room: IRoom, read: IRead, http: IHttp, persistence: IPersistence, modify: IModify): Promise<void> {
    await modify.getCreator().finish(modify.getCreator().startMessage().setRoom(room).setText('hi'));
  }`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'calm-room', type: 'c', creator: 'alice' });
    await r.settled;
    expect(engine.trace.forRun(r.runId).filter((e) => e.type === 'call-settled')).toEqual([]);
    expect(engine.trace.forRun(r.runId).filter((e) => e.type === 'accessor' && e.afterReturn)).toEqual([]);
  });

  it('work longer than the bound (the per-call timeout) is cut with a note; an interval is not waited for', async () => {
    engine = await makeEngine(
      [
        appClass(
          'slowpoke',
          'Slowpoke',
          ['IPreRoomCreatePrevent'],
          `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    setTimeout(() => this.getLogger().info('very late'), 60000);
    return false;
  }`,
        ),
        appClass(
          'ticker',
          'Ticker',
          ['IPostRoomCreate'],
          `  async executePostRoomCreate(room: IRoom): Promise<void> {
    const t = setInterval(() => undefined, 1000);
    void t;
  }`,
        ),
      ],
      { timeoutMs: 300 },
    );
    const r = await engine.run({ action: 'createRoom', name: 'tick', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    await r.settled;
    const notes = engine.trace.forRun(r.runId).filter((e): e is Ev<'call-settled'> => e.type === 'call-settled');
    const byApp = Object.fromEntries(notes.map((n) => [n.call.appId, n]));
    expect(byApp['slowpoke']?.cut).toMatch(/^still running 300 ms after the handler returned \(the per-call timeout\)/);
    expect(byApp['ticker']).toMatchObject({ intervals: 1 });
    expect(byApp['ticker']?.note).toContain('1 interval left running (not waited for)');
  });

  it('the next step starts after the previous step’s un-awaited work finished (the scenario runner waits for settled)', async () => {
    const { runScenario } = await import('../scenario/run-scenario.ts');
    const { nodeTransports } = await import('../node/node-transport.ts');
    const { parseScenario } = await import('../scenario/schema.ts');
    const app = fixtureApp('lifecycle/unawaited-sends');
    const parsed = parseScenario({
      apps: [{ id: app.id, name: app.name, files: app.files, classFile: app.classFile }],
      users: [{ id: 'u1', username: 'alice', roles: ['user'] }],
      httpMocks: [{ method: 'GET', url: 'https://tips.example/*', status: 200, data: { tip: 'sleep' }, delayMs: 30 }],
      steps: [
        { action: 'createRoom', name: 'one', type: 'c', creator: 'alice' },
        { action: 'createRoom', name: 'two', type: 'c', creator: 'alice' },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = await runScenario(parsed.scenario, { transports: await nodeTransports() });
    // The report attributes it to the call that started it.
    const post = report.steps[0]?.calls.find((c) => c.method === 'executePostRoomCreate');
    expect(post?.afterReturn?.ops.filter((op) => op !== 'user.getAppUser').sort()).toEqual([
      'modify.creator.finish',
      'modify.creator.finish',
      'modify.creator.finish',
      'modify.creator.finish',
      'persistence.create',
    ]);
    expect(post?.afterReturn?.note).toMatch(/^un-awaited work of executePostRoomCreate: /);
    expect(report.world.messages.filter((m) => m.room === 'one')).toHaveLength(4);
    expect(report.world.messages.filter((m) => m.room === 'two')).toHaveLength(4);
    // Step 0's messages were all written before step 1's first one.
    const rooms = report.world.messages.map((m) => m.room);
    expect(rooms.lastIndexOf('one')).toBeLessThan(rooms.indexOf('two'));
  });
});
