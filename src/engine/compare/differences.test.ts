/** The pure part of compare-across-profiles: finding differences and the spec §8 rule for each. */
import { describe, expect, it } from 'vitest';
import type { RoomEvent } from '../events.ts';
import { PROFILES, type ProfileId } from '../profiles.ts';
import type { TraceEvent } from '../trace.ts';
import { findDifferences } from './differences.ts';
import type { ComparedCall, ProfileRun } from './run-under-profile.ts';

function run(profile: ProfileId, over: Partial<ProfileRun> & { listeners?: RoomEvent[] } = {}): ProfileRun {
  const { listeners = [], ...rest } = over;
  const events = listeners.map((event): TraceEvent => ({ type: 'phase-start', runId: 'run-1', at: 0, event, listeners: ['app'], awaited: true }));
  const room = { slugifiedName: 'x', type: 'c', creator: { id: 'u' } } as unknown as ProfileRun['room'];
  return { profile, outcome: 'completed', error: null, room, calls: [], durationMs: 1, timeoutMs: PROFILES[profile].timeoutMs, events, ...rest };
}

const call = (status: ComparedCall['status'], error?: string): ComparedCall => ({
  appId: 'app',
  event: 'IPreRoomCreatePrevent',
  method: 'executePreRoomCreatePrevent',
  role: 'execute',
  status,
  ...(error ? { error } : {}),
});

describe('findDifferences', () => {
  it('(§8 compare) identical runs: no difference', () => {
    expect(findDifferences([run('current'), run('deno-1.43'), run('legacy')])).toEqual([]);
  });

  it('(§8 compare) a field only deno-1.43 lacks is explained by "what the host applies after Modify" alone', () => {
    const named = (name: string) => ({ slugifiedName: name, type: 'c' }) as unknown as ProfileRun['room'];
    const listeners: RoomEvent[] = ['IPreRoomCreateExtend', 'IPreRoomCreateModify'];
    const diffs = findDifferences([
      run('current', { room: named('renamed'), listeners }),
      run('deno-1.43', { room: named('x'), listeners }),
      run('legacy', { room: named('renamed'), listeners }),
    ]);
    expect(diffs.map((d) => [d.what, d.values, d.ruleIds])).toEqual([
      ['room.slugifiedName', { current: 'renamed', 'deno-1.43': 'x', legacy: 'renamed' }, ['modifyApplied']],
    ]);
    expect(diffs[0]?.rules[0]).toMatch(/^What the host applies after Modify \(spec §8\): .*every Modify change is discarded \(RC #35342/);
  });

  it('(§8 compare) a rule concerning no event of the action is never cited', () => {
    const diffs = findDifferences([
      run('current', { outcome: 'failed', listeners: ['IPreRoomCreatePrevent'] }),
      run('deno-1.43', { listeners: ['IPreRoomCreatePrevent'] }),
    ]);
    // current and deno-1.43 differ in timeouts and in what they apply after Modify; only the timeout concerns Prevent.
    expect(diffs.map((d) => [d.what, d.ruleIds])).toEqual([['outcome', ['timeout']]]);
    expect(diffs[0]?.rules[0]).toBe(
      'Timeout per call (spec §8): rc-7.5-8.7: 30 000 ms; rc-6.x-7.4: 10 000 ms, 1 000 ms for methods starting checkPre / executePre. A call that times out resolves to undefined on the host.',
    );
  });

  it('(§8 compare) the evidence picks the rule: a frozen-object TypeError cites frozen inputs, not the timeout', () => {
    const listeners: RoomEvent[] = ['IPreRoomCreatePrevent'];
    const diffs = findDifferences([
      run('current', { calls: [call('returned')], listeners }),
      run('legacy', { calls: [call('threw', "TypeError: Cannot assign to read only property 'x' of object '#<Object>'")], listeners }),
    ]);
    expect(diffs.map((d) => [d.what, d.ruleIds])).toEqual([['calls', ['freezeInputs']]]);
    expect(diffs[0]?.rules[0]).toMatch(
      /^Inputs \(spec §8\): rc-7.5-8.7: each app gets its own mutable copy.*; rc-up-to-6.4: arguments are deep-frozen: writing into one throws a TypeError/,
    );
  });

  it('(§8 compare) a timed-out call cites the timeouts of each profile', () => {
    const listeners: RoomEvent[] = ['IPreRoomCreatePrevent'];
    const diffs = findDifferences([run('current', { calls: [call('returned')], listeners }), run('legacy', { calls: [call('timed-out')], listeners })]);
    expect(diffs[0]?.ruleIds).toEqual(['timeout']);
    expect(diffs[0]?.rules[0]).toMatch(/rc-up-to-6.4: 1 000 ms \(in Rocket\.Chat: synchronous time in node vm\)/);
  });

  it('(§8 compare) Pre join argument lists: legacy passes no modify', () => {
    const listeners: RoomEvent[] = ['IPreRoomUserJoined'];
    const diffs = findDifferences([run('current', { outcome: 'completed', listeners }), run('legacy', { outcome: 'failed', listeners })]);
    // Timeouts, frozen inputs and the missing-method rule differ too, but only the argument list concerns this event by itself.
    expect(diffs[0]?.ruleIds).toEqual(['argOverrides']);
    expect(diffs[0]?.rules[0]).toBe(
      'Argument lists (spec §8): rc-7.5-8.7: the current lists, `modify` included (spec §1); rc-up-to-6.4: executePreRoomUserJoined(context, read, http, persistence): no `modify`.',
    );
  });

  it('(§8 compare) a room in some runs only is one "room" difference, not one per field', () => {
    const diffs = findDifferences([run('current', { room: null }), run('legacy')]);
    expect(diffs.map((d) => d.what)).toEqual(['room']);
  });
});
