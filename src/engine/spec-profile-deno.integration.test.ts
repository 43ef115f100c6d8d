/**
 * Spec §8, profile "deno-1.43" (Apps-Engine 1.43 - 1.49): 10 s timeout with 1 s for checkPre* /
 * executePre*, and the host applying the room that went INTO Modify (RC #35342).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Engine } from './engine.ts';
import { PROFILES, timeoutFor } from './profiles.ts';
import { appClass, mergeOf } from '../test-support/apps-more.ts';
import { extendCustomField, modifyRename, modifyReturningNothing } from '../test-support/apps.ts';
import { calls, makeEngine } from '../test-support/engine-harness.ts';

let engine: Engine | null = null;
afterEach(() => {
  engine?.dispose();
  engine = null;
});

describe('spec §8 deno-1.43: timeouts', () => {
  it('(§8 deno-1.43 timeout) the default per-call timeout is 10 000 ms; methods starting checkPre / executePre get 1 000 ms', () => {
    const p = PROFILES['deno-1.43'];
    expect(p.available).toBe(true);
    expect(p.timeoutMs).toBe(10_000);
    expect(timeoutFor(p, 'executePreRoomCreatePrevent', p.timeoutMs)).toBe(1_000);
    expect(timeoutFor(p, 'checkPreRoomCreateExtend', p.timeoutMs)).toBe(1_000);
    expect(timeoutFor(p, 'executePostRoomCreate', p.timeoutMs)).toBe(10_000);
    expect(timeoutFor(p, 'checkPostRoomDeleted', p.timeoutMs)).toBe(10_000);
    expect(p.notes.join(' ')).toMatch(/1\.48 and 1\.49 used 10 000 ms/);
  });

  it('(§8 deno-1.43 timeout) a Pre handler taking 1.5 s times out (treated as not prevented); a Post handler taking 1.5 s finishes', async () => {
    engine = await makeEngine(
      [
        appClass(
          'slow',
          'Slow',
          ['IPreRoomCreatePrevent', 'IPostRoomCreate'],
          `  async executePreRoomCreatePrevent(): Promise<boolean> {
    await new Promise((r) => setTimeout(r, 1500));
    return true;
  }
  async executePostRoomCreate(): Promise<void> {
    await new Promise((r) => setTimeout(r, 1500));
  }`,
        ),
      ],
      { profile: 'deno-1.43' },
    );
    expect(engine.timeoutMs).toBe(10_000);
    const r = await engine.run({ action: 'createRoom', name: 'slow', type: 'c', creator: 'alice' });
    await r.settled;
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['slow', 'executePreRoomCreatePrevent', 'timed-out'],
      ['slow', 'executePostRoomCreate', 'returned'],
    ]);
    const start = engine.trace.events.find((e) => e.type === 'run-start' && e.runId === r.runId);
    expect(start && start.type === 'run-start' ? [start.profile, start.timeoutMs] : null).toEqual(['deno-1.43', 10_000]);
  }, 15_000);
});

describe('spec §8 deno-1.43: the host applies the room that went into Modify (RC #35342)', () => {
  it('(§8 deno-1.43 Modify discarded) a Modify rename is discarded; the Extend change before it lands', async () => {
    engine = await makeEngine([extendCustomField(), modifyRename()], { profile: 'deno-1.43' });
    const r = await engine.run({ action: 'createRoom', name: 'ops', type: 'c', creator: 'alice' });
    expect(r.outcome).toBe('completed');
    expect(calls(engine.trace.events, r.runId)).toEqual([
      ['extender', 'executePreRoomCreateExtend', 'returned'],
      ['renamer', 'executePreRoomCreateModify', 'returned'],
    ]);
    const room = engine.world.roomById(r.roomId as string);
    expect([room?.slugifiedName, room?.displayName, room?.customFields]).toEqual(['ops', 'ops', { team: 'blue' }]);
    const merge = mergeOf(engine.trace.events, r.runId);
    expect(merge.applied.map((c) => c.field)).toEqual(['customFields']);
    const discarded = merge.dropped.filter((d) => d.reason.includes('RC #35342'));
    expect(discarded.map((d) => [d.field, d.after])).toEqual([
      ['displayName', 'Team blue'],
      ['slugifiedName', 'ops-blue'],
      ['description', 'set by Renamer'],
    ]);
    expect(merge.note).toMatch(
      /applies the room that went INTO Modify, i\.e\. Extend's output: 1 Extend change\(s\) applied; every Modify change is discarded \(3 field\(s\)\)/,
    );
  });

  it('(§8 deno-1.43 Modify discarded) the same apps on "current" apply the rename', async () => {
    engine = await makeEngine([extendCustomField(), modifyRename()]);
    const r = await engine.run({ action: 'createRoom', name: 'ops', type: 'c', creator: 'alice' });
    const room = engine.world.roomById(r.roomId as string);
    expect([room?.slugifiedName, room?.displayName, room?.customFields]).toEqual(['ops-blue', 'Team blue', { team: 'blue' }]);
  });

  it('(§8 deno-1.43 Modify discarded) a broken Modify chain does not matter: Extend output is applied anyway (on "current" nothing would be)', async () => {
    engine = await makeEngine([extendCustomField(), modifyReturningNothing()], { profile: 'deno-1.43' });
    const r = await engine.run({ action: 'createRoom', name: 'forgot', type: 'c', creator: 'alice' });
    const room = engine.world.roomById(r.roomId as string);
    expect([room?.displayName, room?.customFields]).toEqual(['forgot', { team: 'blue' }]);
    const merge = mergeOf(engine.trace.events, r.runId);
    expect(merge.chainBroken).toBe(false);
    expect(merge.note).toMatch(/the Modify chain ended with null, which this version ignores/);
  });
});
