/**
 * Compare across profiles (issue 7, spec §8): the same action from the same world under every
 * profile, with the differences and the rule responsible for each.
 */
import { describe, expect, it } from 'vitest';
import { nodeTransports } from '../../node/node-transport.ts';
import { appClass } from '../../test-support/apps-more.ts';
import { copyRenamer, teamTagger } from '../../test-support/apps.ts';
import { baseWorld } from '../../test-support/worlds.ts';
import { compareProfiles } from './compare-profiles.ts';

describe('compareProfiles', () => {
  it('(§8 compare) a Modify rename: one run per profile, the committed names differ, each difference names its rule', async () => {
    const cmp = await compareProfiles(
      { apps: [teamTagger(), copyRenamer()], world: baseWorld(), action: { action: 'createRoom', name: 'standup', type: 'c', creator: 'alice' } },
      await nodeTransports(),
    );
    expect(cmp.runs.map((r) => [r.profile, r.outcome, r.room?.displayName, r.room?.slugifiedName, r.timeoutMs])).toEqual([
      ['rc-8.8', 'completed', 'Team ops', 'standup-ops', 30_000],
      ['rc-7.5-8.7', 'completed', 'Team ops', 'standup-ops', 30_000],
      ['rc-6.x-7.4', 'completed', 'standup', 'standup', 10_000],
      ['rc-up-to-6.4', 'completed', 'ops (set on the builder)', 'standup', 1_000],
    ]);
    // Same ids and clock in every engine: only what the profiles change differs.
    expect(new Set(cmp.runs.map((r) => JSON.stringify([r.room?.id, r.room?.createdAt])).values()).size).toBe(1);
    expect(cmp.runs[0]?.calls.map((c) => `${c.appId} ${c.method} ${c.status}`)).toEqual([
      'tagger executePreRoomCreateExtend returned',
      'renamer executePreRoomCreateModify returned',
    ]);
    expect(cmp.differences.map((d) => d.what)).toEqual(['room.displayName', 'room.slugifiedName']);
    const name = cmp.differences[0];
    expect(name?.values).toEqual({ 'rc-8.8': 'Team ops', 'rc-7.5-8.7': 'Team ops', 'rc-6.x-7.4': 'standup', 'rc-up-to-6.4': 'ops (set on the builder)' });
    expect(name?.ruleIds).toEqual(['modifyApplied', 'chain']);
    expect(name?.rules[0]).toMatch(
      /^What the host applies after Modify \(spec §8\): rc-8\.8: the room Modify produced .*; rc-6\.x-7\.4: the room that went INTO Modify \(Extend's output\): every Modify change is discarded \(RC #35342/,
    );
    expect(name?.rules[1]).toMatch(
      /^How Extend\/Modify changes travel \(spec §8\): .*rc-up-to-6\.4: every app gets the frozen original; extenders and builders change the host's room in place/,
    );
  }, 30_000);

  it('(§8 compare) a listed interface without its method: the outcome differs, explained by "called only if the method exists"', async () => {
    const listedOnly = appClass('listed', 'ListedOnly', ['IPreRoomCreatePrevent'], `  async other(): Promise<void> {}`);
    const cmp = await compareProfiles(
      { apps: [listedOnly], world: baseWorld(), action: { action: 'createRoom', name: 'x', type: 'c', creator: 'alice' }, timeoutMs: 5_000 },
      await nodeTransports(),
      ['current', 'legacy'],
    );
    expect(cmp.runs.map((r) => [r.profile, r.outcome, r.timeoutMs])).toEqual([
      ['current', 'failed', 5_000],
      ['legacy', 'completed', 5_000],
    ]);
    const outcome = cmp.differences.find((d) => d.what === 'outcome');
    expect(outcome?.ruleIds).toEqual(['callOnlyIfMethodExists']);
    expect(outcome?.rules[0]).toMatch(
      /^Missing execute method \(spec §8\): rc-7\.5-8\.7: .*"method not found", which escapes the loop; rc-up-to-6\.4: the host checks that the method exists and simply does not call it\.$/,
    );
    expect(cmp.differences.find((d) => d.what === 'calls')?.values).toEqual({
      current: ['listed executePreRoomCreatePrevent not-found'],
      legacy: ['listed executePreRoomCreatePrevent skipped:method-missing'],
    });
    expect(cmp.differences.find((d) => d.what === 'room')?.values.current).toBeNull();
  }, 30_000);
});
