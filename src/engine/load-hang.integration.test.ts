/** An app that hangs while loading (endless loop in its constructor) stays failed until its code changes (issue 18). */
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

describe('a load-time hang', () => {
  it('marks the app failed at once on later actions, until its code changes', async () => {
    engine = await makeEngine([hangsInConstructor(true), bannedWords()], { timeoutMs: 400 });
    const hanger = engine.registry.get('hanger');
    expect(hanger?.loadError).toMatch(/took longer than .* it stays failed until its code changes/);
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
});
