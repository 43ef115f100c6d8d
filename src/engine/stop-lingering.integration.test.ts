/**
 * Stop for work with no call in progress (spec 7.2: an app's timers keep running between events,
 * as on the server): a `setInterval` a handler left behind, or one started in onEnable, keeps
 * calling in after every run settled. The engine names such apps (`lingering`), Stop terminates
 * their workers, and the next call loads the app again without loss.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Engine } from './engine.ts';
import { LINGER_STOP_REASON } from './apps/lingering.ts';
import { makeEngine } from '../test-support/engine-harness.ts';
import { appClass } from '../test-support/apps-more.ts';
import type { TraceEvent } from './trace.ts';

let engine: Engine | undefined;
afterEach(() => {
  engine?.dispose();
  engine = undefined;
});

const logsOf = (events: readonly TraceEvent[], appId: string, text: string) =>
  events.filter((e) => e.type === 'log' && e.appId === appId && JSON.stringify(e.args).includes(text)).length;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const handlerTicker = () =>
  appClass(
    'ticker',
    'Ticker',
    ['IPostRoomCreate'],
    `  async executePostRoomCreate(room: IRoom, read: IRead): Promise<void> {
    setInterval(async () => {
      await read.getRoomReader().getById(room.id);
      this.getLogger().info('tick');
    }, 20);
  }`,
  );

const enableTicker = () =>
  appClass(
    'heartbeat',
    'Heartbeat',
    [],
    `  async onEnable(): Promise<boolean> {
    setInterval(() => this.getLogger().info('beat'), 20);
    return true;
  }`,
  );

describe('Stop ends timers that run with no call in progress (spec 7.2)', () => {
  it('an interval a Post handler left behind: the app lingers after the run settled; Stop terminates it and the next run works', async () => {
    engine = await makeEngine([handlerTicker()], { timeoutMs: 2_000 });
    expect(engine.lingering.list()).toEqual([]);
    const heard: string[][] = [];
    engine.lingering.subscribe((ids) => heard.push(ids));
    const r = await engine.run({ action: 'createRoom', name: 'tick-room', type: 'c', creator: 'alice' });
    await r.settled;
    expect(engine.lingering.list()).toEqual(['ticker']);
    await vi.waitFor(() => expect(logsOf(engine!.trace.events, 'ticker', 'tick')).toBeGreaterThan(2));

    expect(engine.stop()).toBe(1);
    expect(engine.lingering.list()).toEqual([]);
    expect(heard).toEqual([['ticker'], []]);
    const restart = engine.trace.events.filter((e) => e.type === 'worker-restarted' && e.appId === 'ticker');
    expect(restart.map((e) => e.type === 'worker-restarted' && e.reason)).toEqual([LINGER_STOP_REASON]);
    const after = logsOf(engine.trace.events, 'ticker', 'tick');
    await sleep(150);
    expect(logsOf(engine.trace.events, 'ticker', 'tick')).toBe(after);
    // Nothing lingers any more: a second Stop has nothing to do.
    expect(engine.stop()).toBe(0);

    // The app loads again on its next call; its handler runs (and leaves a new interval).
    const next = await engine.run({ action: 'createRoom', name: 'tick-room-2', type: 'c', creator: 'alice' });
    expect(next.outcome).toBe('completed');
    await next.settled;
    expect(engine.world.data.rooms.some((room) => room.slugifiedName === 'tick-room-2')).toBe(true);
    expect(engine.lingering.list()).toEqual(['ticker']);
  });

  it('an interval started in onEnable lingers once it calls in; Stop ends it', async () => {
    engine = await makeEngine([enableTicker()]);
    await vi.waitFor(() => expect(engine!.lingering.list()).toEqual(['heartbeat']));
    expect(engine.stop()).toBe(1);
    expect(engine.lingering.list()).toEqual([]);
    const after = logsOf(engine.trace.events, 'heartbeat', 'beat');
    await sleep(150);
    expect(logsOf(engine.trace.events, 'heartbeat', 'beat')).toBe(after);
  });

  it('a one-shot timer that finished leaves nothing lingering, and Stop has nothing to stop', async () => {
    engine = await makeEngine([
      appClass(
        'once',
        'Once',
        ['IPostRoomCreate'],
        `  async executePostRoomCreate(room: IRoom): Promise<void> {
    setTimeout(() => this.getLogger().info('done later'), 30);
  }`,
      ),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'once-room', type: 'c', creator: 'alice' });
    await r.settled;
    await vi.waitFor(() => expect(engine!.lingering.list()).toEqual([]));
    expect(logsOf(engine.trace.events, 'once', 'done later')).toBe(1);
    expect(engine.stop()).toBe(0);
    expect(engine.trace.events.some((e) => e.type === 'worker-restarted')).toBe(false);
  });
});
