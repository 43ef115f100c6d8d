/**
 * The in-process transport runs real app code through the host's loops without workers: a few
 * loop rules (spec §4) and the world they commit to, checked through it.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from '../engine/engine.ts';
import { parseRuntimeMessage } from '../protocol/runtime-protocol.ts';
import { extendCustomField, preventReturning } from './apps.ts';
import { preventLogging } from './apps-more.ts';
import { calls, skipped } from './engine-harness.ts';
import { makeInProcessEngine } from './in-process-transport.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

describe('in-process runtime transport', () => {
  it('(§4) Prevent: the first truthy result stops the loop; later apps are not reached; nothing is created', async () => {
    const made = await makeInProcessEngine([preventLogging('first', 'First'), preventReturning('stop', 'Stop', 'true'), preventLogging('after', 'After')]);
    engine = made.engine;
    const r = await engine.run({ action: 'createRoom', name: 'blocked', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('prevented');
    expect(r.error).toEqual({ code: 'error-app-prevented', message: 'A Rocket.Chat App prevented the room creation.' });
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['first', 'executePreRoomCreatePrevent', 'returned'],
      ['stop', 'executePreRoomCreatePrevent', 'returned'],
    ]);
    expect(skipped(engine.trace.events, r.runId)).toEqual([['after', 'IPreRoomCreatePrevent', 'not-reached']]);
    expect(engine.world.roomByName('blocked')).toBeUndefined();
  });

  it('(§4, §6) Extend: the returned room is what gets committed, custom field included', async () => {
    const made = await makeInProcessEngine([extendCustomField('tagger')]);
    engine = made.engine;
    const r = await engine.run({ action: 'createRoom', name: 'tagged', type: 'c', creator: 'alice' });
    await r.settled;
    expect(r.outcome).toBe('completed');
    expect(engine.world.roomByName('tagged')?.customFields).toEqual({ team: 'blue' });
    // Every message the runtime sent passes the host's protocol guard.
    const sent = made.transports.flatMap((t) => t.sent);
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((m) => !parseRuntimeMessage(m).ok)).toEqual([]);
  });
});
