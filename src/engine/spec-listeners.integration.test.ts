/**
 * Spec §2: which apps run, and in what order. Real app classes on Node workers.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { appClass, logLines, preventLogging } from '../test-support/apps-more.ts';
import { calls, makeEngine, skipped } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

describe('spec §2: which apps run', () => {
  it('(§2) a listed interface with no execute method: "method not found" escapes the loop, unmapped', async () => {
    engine = await makeEngine([
      appClass('hollow', 'Hollow', ['IPreRoomCreatePrevent'], `  async checkPreRoomCreatePrevent(): Promise<boolean> { return true; }`),
      preventLogging('later', 'Later'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'nf', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('failed');
    expect(r.error).toEqual({ code: 'MethodNotFound', message: 'Method not found', unmapped: true });
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['hollow', 'checkPreRoomCreatePrevent', 'returned'],
      ['hollow', 'executePreRoomCreatePrevent', 'not-found'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['later', 'IPreRoomCreatePrevent', 'not-reached']]);
    expect(engine.world.roomByName('nf')).toBeUndefined();
  });

  it('(§2) a listed Pre join interface with no execute method fails the join; the user does not join', async () => {
    engine = await makeEngine([appClass('hollow', 'Hollow', ['IPreRoomUserJoined'], `  hello(): string { return 'hi'; }`)]);
    const r = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(r.outcome).toBe('failed');
    expect(r.error).toEqual({ code: 'MethodNotFound', message: 'Method not found', unmapped: true });
    expect(calls(engine.trace.events, r.runId)).toEqual([['hollow', 'executePreRoomUserJoined', 'not-found']]);
    expect(engine.world.roomByName('general')?.memberIds).toEqual(['u-alice', 'u-bob']);
  });

  it('(§2) a missing check method counts as true: execute is called without a check call', async () => {
    engine = await makeEngine([
      appClass(
        'checked',
        'Checked',
        ['IPreRoomCreatePrevent'],
        `  async checkPreRoomCreatePrevent(): Promise<boolean> { return true; }
  async executePreRoomCreatePrevent(): Promise<boolean> { return false; }`,
      ),
      preventLogging('unchecked', 'Unchecked', 'true'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'chk', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['checked', 'checkPreRoomCreatePrevent', 'returned'],
      ['checked', 'executePreRoomCreatePrevent', 'returned'],
      ['unchecked', 'executePreRoomCreatePrevent', 'returned'],
    ]);
  });

  it('(§2) a check returning false skips the app (check-false); its execute is not called', async () => {
    engine = await makeEngine([
      appClass(
        'picky',
        'Picky',
        ['IPreRoomCreatePrevent'],
        `  async checkPreRoomCreatePrevent(room: IRoom): Promise<boolean> { return room.slugifiedName.startsWith('secret'); }
  async executePreRoomCreatePrevent(): Promise<boolean> { return true; }`,
      ),
      preventLogging('next', 'Next'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'open', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['picky', 'checkPreRoomCreatePrevent', 'returned'],
      ['next', 'executePreRoomCreatePrevent', 'returned'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['picky', 'IPreRoomCreatePrevent', 'check-false']]);
    const secret = await engine.run({ action: 'createRoom', name: 'secret-x', type: 'c', creator: 'alice' });
    expect(secret.outcome).toBe('prevented');
    expect(skipped(engine.trace.events, secret.runId)).toEqual([['next', 'IPreRoomCreatePrevent', 'not-reached']]);
  });

  it('(§2) an installed but disabled essential app stops the event before any app runs (error-essential-app-disabled)', async () => {
    engine = await makeEngine([
      preventLogging('runner', 'Runner'),
      appClass('vital', 'Vital', ['IPreRoomCreatePrevent'], `  async executePreRoomCreatePrevent(): Promise<boolean> { return false; }`, {
        enabled: false,
        essentials: ['IPreRoomCreatePrevent'],
      }),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'ess', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('failed');
    expect(r.error).toEqual({ code: 'error-essential-app-disabled', message: 'There is one or more apps that are essential to this event but are disabled' });
    expect(calls(engine.trace.events, r.runId)).toEqual([]);
    expect(engine.world.roomByName('ess')).toBeUndefined();
    // Essential for another event only: this event is not affected.
    const join = await engine.run({ action: 'joinRoom', room: 'general', user: 'root' });
    expect(join.outcome).toBe('completed');
    // Once enabled, it takes part (at the end of the order).
    engine.registry.enable('vital');
    const again = await engine.run({ action: 'createRoom', name: 'ess', type: 'c', creator: 'alice' });
    expect(again.outcome).toBe('completed');
    expect(calls(engine.trace.events, again.runId).map((c) => c[0])).toEqual(['runner', 'vital']);
  });

  it('(§2) a disabled app is not called; re-enabling it appends it to the end of the order', async () => {
    engine = await makeEngine([preventLogging('a', 'A'), preventLogging('b', 'B'), preventLogging('c', 'C')]);
    engine.registry.disable('b');
    const r1 = await engine.run({ action: 'createRoom', name: 'o1', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r1.runId).map((c) => c[0])).toEqual(['a', 'c']);
    engine.registry.enable('b');
    const r2 = await engine.run({ action: 'createRoom', name: 'o2', type: 'c', creator: 'alice' });
    expect(logLines(engine.trace.events, r2.runId)).toEqual(['a saw o2', 'c saw o2', 'b saw o2']);
    engine.registry.disable('a');
    engine.registry.enable('a');
    const r3 = await engine.run({ action: 'createRoom', name: 'o3', type: 'c', creator: 'alice' });
    expect(calls(engine.trace.events, r3.runId).map((c) => c[0])).toEqual(['c', 'b', 'a']);
  });

  it('(§2) calls are sequential: each app is awaited before the next starts', async () => {
    engine = await makeEngine([
      appClass(
        'slow',
        'Slow',
        ['IPreRoomCreatePrevent'],
        `  async executePreRoomCreatePrevent(): Promise<boolean> {
    await new Promise((r) => setTimeout(r, 150));
    this.getLogger().info('slow done');
    return false;
  }`,
      ),
      preventLogging('fast', 'Fast'),
    ]);
    const r = await engine.run({ action: 'createRoom', name: 'seq', type: 'c', creator: 'alice' });
    expect(logLines(engine.trace.events, r.runId)).toEqual(['slow done', 'fast saw seq']);
    const order = engine.trace.events
      .filter((e) => e.runId === r.runId && (e.type === 'call-start' || e.type === 'call-end'))
      .map((e) => `${e.type}:${e.type === 'call-start' || e.type === 'call-end' ? e.call.appId : ''}`);
    expect(order).toEqual(['call-start:slow', 'call-end:slow', 'call-start:fast', 'call-end:fast']);
  });

  it('(§2, 7.2) a syntax error in one app: it fails to load, is not enabled and never called; another app still runs', async () => {
    const broken = appClass(
      'broken',
      'Broken',
      ['IPreRoomCreatePrevent'],
      `  async executePreRoomCreatePrevent(room: IRoom): Promise<boolean> {
    return room.slugifiedName ===;
  }`,
    );
    engine = await makeEngine([broken, preventLogging('good', 'Good', 'true')]);
    const installed = engine.registry.get('broken');
    expect(installed?.loadError).toMatch(/^(transpile|load|construct)[^:]*: .*Broken\.ts/);
    expect(engine.registry.get('good')?.loadError).toBeNull();
    const r = await engine.run({ action: 'createRoom', name: 'syn', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
    const list = calls(engine.trace.events, r.runId);
    // Not enabled (spec 7.2): no call of it is made or listed.
    expect(list).toEqual([['good', 'executePreRoomCreatePrevent', 'returned']]);
    expect(logLines(engine.trace.events, r.runId)).toEqual(['good saw syn']);
  });
});
