/**
 * Loading an app on real workers (issue 18): an endless loop in its constructor stays failed until
 * its code changes, with a message naming the bound; a load that takes longer than the budget but
 * keeps its worker answering (its code takes breaks) is slow, not hung, and loads. The budget is injected small
 * (`minLoadTimeoutMs`), the waits are far from the bounds.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { app, bannedWords } from '../test-support/apps.ts';
import { calls, makeEngine } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

const hangsInConstructor = (loop: boolean) =>
  app(
    'hanger',
    'Hanger',
    `export class Hanger extends App implements IPreRoomCreatePrevent {
  constructor(info: any, logger: any, accessors: any) { super(info, logger, accessors); ${loop ? 'for (;;) {}' : ''} }
  async executePreRoomCreatePrevent(): Promise<boolean> { return false; }
}`,
  );

/** Heavy but finite: `chunks` pieces of ~`chunkMs` ms of work each, with a break between them, in onEnable. */
const slowToEnable = (chunks: number, chunkMs: number) =>
  app(
    'slow',
    'Slow',
    `export class Slow extends App implements IPreRoomCreatePrevent {
  async onEnable(): Promise<boolean> {
    for (let i = 0; i < ${chunks}; i++) {
      const end = Date.now() + ${chunkMs};
      while (Date.now() < end) {}
      await new Promise((r) => setTimeout(r, 5));
    }
    return true;
  }
  async executePreRoomCreatePrevent(): Promise<boolean> { return false; }
}`,
  );

describe('a load-time hang', () => {
  it('marks the app failed at once on later actions, naming the bound, until its code changes', async () => {
    engine = await makeEngine([hangsInConstructor(true), bannedWords()], { timeoutMs: 400, minLoadTimeoutMs: 400 });
    const hanger = engine.registry.get('hanger');
    expect(hanger?.loadError).toMatch(
      /^construct: loading the app did not finish: its code ran for 400 ms \(hookscope's limit for loading an app\) without a break \(an endless loop in its constructor or top-level code\?\); it stays failed until its code changes/,
    );
    const pool = (engine as unknown as { pool: { take(): unknown } }).pool;
    const take = pool.take.bind(pool);
    let started = 0;
    pool.take = () => {
      started += 1;
      return take();
    };
    const first = hanger!.process.ensureLoaded();
    const second = hanger!.process.ensureLoaded();
    // Answered from what is known, without starting a worker that would hang again.
    const [a, b] = await Promise.all([first, second]);
    expect(a.ok).toBe(false);
    expect(a).toBe(b);
    const r = await engine.run({ action: 'createRoom', name: 'fine', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r.runId)).toEqual([['banned', 'executePreRoomCreatePrevent', 'returned']]);
    expect(started).toBe(0);
    // Fixed code loads again.
    await engine.updateApp(hangsInConstructor(false));
    expect(engine.registry.get('hanger')?.loadError).toBeNull();
  });

  it('an endless loop in top-level module code is hung the same way', async () => {
    const topLevel = app(
      'toplevel',
      'TopLevel',
      `for (;;) {}
export class TopLevel extends App implements IPreRoomCreatePrevent {
  async executePreRoomCreatePrevent(): Promise<boolean> { return false; }
}`,
    );
    engine = await makeEngine([topLevel, bannedWords()], { timeoutMs: 300, minLoadTimeoutMs: 300 });
    expect(engine.registry.get('toplevel')?.loadError).toMatch(/its code ran for 300 ms \(hookscope's limit for loading an app\) without a break/);
    const r = await engine.run({ action: 'createRoom', name: 'fine', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r.runId)).toEqual([['banned', 'executePreRoomCreatePrevent', 'returned']]);
  });

  it('a load longer than the budget whose code takes breaks is slow, not hung: it loads', async () => {
    // 10 x 60 ms of work: 600+ ms in all, over the 400 ms budget, never 400 ms without a break, and
    // far inside the 1,200 ms (3 budgets) a load that keeps answering may take.
    engine = await makeEngine([slowToEnable(10, 60), bannedWords()], { timeoutMs: 400, minLoadTimeoutMs: 400 });
    expect(engine.registry.get('slow')?.loadError ?? null).toBeNull();
    const r = await engine.run({ action: 'createRoom', name: 'fine', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['slow', 'executePreRoomCreatePrevent', 'returned'],
      ['banned', 'executePreRoomCreatePrevent', 'returned'],
    ]);
  });
});
