/**
 * Export as a test, end to end in Node: record runs through the page's EngineController, export
 * them, and run the file with `hookscope run` (exit 0), then break one expect (exit 1).
 */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../cli/main.ts';
import { fixedClock, sequentialIds, systemScheduler } from '../engine/env.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { runScenario } from '../scenario/run-scenario.ts';
import { parseScenario } from '../scenario/schema.ts';
import { EngineController } from '../state/engine-controller.ts';
import { createAppStore } from '../state/store.ts';
import { trackWorldBeforeRuns } from './run-worlds.ts';
import { runsToTest } from './runs-to-test.ts';
import { scenarioText } from './scenario-io.ts';

let controller: EngineController | null = null;
let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'hookscope-export-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(() => controller?.dispose());

async function cli(file: string) {
  const err: string[] = [];
  const code = await main(['run', file], { out: () => undefined, err: (s) => err.push(s) });
  return { code, err };
}

describe('export as a test', () => {
  it('recorded runs become a scenario that hookscope run passes (0) and fails on a mismatch (1)', { timeout: 60_000 }, async () => {
    const store = createAppStore();
    const stop = trackWorldBeforeRuns(store);
    controller = new EngineController({
      store,
      transports: await nodeTransports(),
      env: { clock: fixedClock(), ids: sequentialIds(), scheduler: systemScheduler },
      syncDelayMs: 10_000,
    });
    const draft = store.getState().drafts.createRoom;
    await controller.runAction(draft); // casino-night: prevented by the default Banned Words app
    await controller.runAction({ ...draft, name: 'book-club' });
    await controller.runAction({ action: 'joinRoom', room: 'book-club', user: 'carol' });
    await controller.runAction({ action: 'deleteRoom', room: 'nowhere' });
    stop();
    const s = store.getState();
    const { scenario, warnings } = runsToTest({ workspace: s, runs: s.runs, worldBefore: s.worldBeforeRun });
    expect(warnings).toEqual([]);
    expect(scenario.steps?.map((st) => [st.action, st.expect])).toEqual([
      ['createRoom', { outcome: 'prevented', errorCode: 'error-app-prevented' }],
      ['createRoom', { outcome: 'completed', errorCode: null }],
      ['joinRoom', { outcome: 'completed', errorCode: null }],
      ['deleteRoom', { outcome: 'failed', errorCode: 'error-invalid-room' }],
    ]);
    // The world is the one before the first run: book-club does not exist yet.
    expect(scenario.rooms?.map((r) => r.slugifiedName)).not.toContain('book-club');

    const parsed = parseScenario(scenario);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const report = await runScenario(parsed.scenario, { transports: await nodeTransports() });
    expect(report.passed).toBe(true);

    const good = join(dir, 'recorded.hookscope.json');
    await writeFile(good, scenarioText(scenario));
    expect(await cli(good)).toEqual({ code: 0, err: [] });

    // The app changes its mind: the recorded "prevented" no longer holds.
    const broken = structuredClone(scenario);
    broken.steps![0]!.expect = { outcome: 'completed', errorCode: null };
    const bad = join(dir, 'mismatch.hookscope.json');
    await writeFile(bad, scenarioText(broken));
    const r = await cli(bad);
    expect(r.code).toBe(1);
    expect(r.err[0]).toMatch(/^hookscope: .*: step 0 \(createRoom\): expected outcome completed, got prevented/);
  });

  it('warns about runs without an answer and about world edits between runs', () => {
    const store = createAppStore();
    const s = store.getState();
    const base = { id: 'x', startedAt: 1, unloadable: [], childRunIds: [], events: [], action: s.drafts.createRoom };
    const edited = { ...s.world, users: s.world.users.slice(0, 2) };
    const out = runsToTest({
      workspace: s,
      runs: [
        { ...base, state: 'settled', result: { outcome: 'completed', error: null, roomId: null, summary: '' }, worldAfter: s.world },
        { ...base, id: 'y', startedAt: 2, state: 'settled', result: { outcome: 'completed', error: null, roomId: null, summary: '' }, worldAfter: edited },
        { ...base, id: 'z', startedAt: 3, state: 'crashed', result: null, worldAfter: null, crash: 'boom' },
      ],
      worldBefore: { '1': s.world, '2': edited },
    });
    expect(out.warnings).toEqual([
      'run 3 (createRoom) left out: it crashed (boom)',
      'the world was edited before run 2 (createRoom): the test replays the runs without that edit',
    ]);
    expect(out.scenario.steps).toHaveLength(2);
  });
});
