/**
 * Scenarios under each profile (spec §8): examples/modify-rename-profiles.json commits a different
 * room name under each, through `runScenario` and `hookscope run --profile`.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { canonicalProfileId, type ProfileId } from '../engine/profiles.ts';
import { runScenario } from './run-scenario.ts';
import { parseScenarioText, type Scenario } from './schema.ts';

const EXAMPLE = join(import.meta.dirname, '../../examples/modify-rename-profiles.json');

async function example(): Promise<Scenario> {
  const parsed = parseScenarioText(await readFile(EXAMPLE, 'utf8'));
  if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
  return parsed.scenario;
}

type Room = { displayName: string; slugifiedName: string; customFields: unknown };

describe('scenario profiles', () => {
  it('(§8 profiles) the Modify rename lands only on "current"; each profile commits a different name, every step succeeds', async () => {
    const scenario = await example();
    expect([scenario.profile, scenario.timeoutFromFile]).toEqual(['current', false]);
    const names: Record<string, unknown> = {};
    for (const profile of ['current', 'deno-1.43', 'legacy'] as ProfileId[]) {
      const report = await runScenario(scenario, { transports: await nodeTransports(), profile });
      expect([report.profile, report.passed, report.steps[0]?.outcome]).toEqual([canonicalProfileId(profile), true, 'completed']);
      const room = report.steps[0]?.room as Room;
      names[profile] = [room.displayName, room.slugifiedName, room.customFields];
    }
    expect(names).toEqual({
      current: ['Team ops', 'standup-ops', { team: 'ops' }],
      'deno-1.43': ['standup', 'standup', { team: 'ops' }],
      legacy: ['ops (set on the builder)', 'standup', { team: 'ops' }],
    });
  }, 30_000);

  it('(§8 profiles) without "timeoutMs" in the file the profile\'s default applies; with one, the file wins', async () => {
    const scenario = await example();
    const transports = await nodeTransports();
    expect((await runScenario({ ...scenario, steps: [] }, { transports, profile: 'legacy' })).timeoutMs).toBe(1_000);
    expect((await runScenario({ ...scenario, steps: [] }, { transports, profile: 'deno-1.43' })).timeoutMs).toBe(10_000);
    expect((await runScenario({ ...scenario, steps: [], timeoutMs: 4_000, timeoutFromFile: true }, { transports, profile: 'legacy' })).timeoutMs).toBe(4_000);
  });

  it("(runner) hookscope run --profile overrides the file's profile; an unknown id is bad input (2)", async () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { out: (s: string) => out.push(s), err: (s: string) => err.push(s) };
    expect(await main(['run', EXAMPLE, '--profile', 'deno-1.43'], io)).toBe(0);
    const report = JSON.parse(out.join('\n')) as { profile: string; timeoutMs: number; steps: { room: Room }[] };
    expect([report.profile, report.timeoutMs, report.steps[0]?.room.displayName]).toEqual(['rc-6.x-7.4', 10_000, 'standup']);
    expect(await main(['run', EXAMPLE, '--profile', 'ancient'], io)).toBe(2);
    expect(err).toEqual([
      'hookscope run: --profile must be one of rc-8.8, rc-7.5-8.7, rc-6.x-7.4, rc-up-to-6.4 (or the old names current, deno-1.43, legacy); got "ancient"\n(hookscope run --help lists the options)',
    ]);
  }, 30_000);
});
