/**
 * The edit-run loop (issue 14) on real Node workers: Run again repeats a step against the world
 * it started from (not the world it changed), live mode re-runs the last run in place after an
 * edit settles, and the graph is told what changed.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fixedClock, sequentialIds, systemScheduler } from '../engine/env.ts';
import type { ActionInput } from '../engine/actions.ts';
import { projectRun } from '../graph/project.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { EngineController } from './engine-controller.ts';
import { markChanges } from './live-diff.ts';
import { sessionStartWorld } from './rerun.ts';
import { createAppStore, type AppStore } from './store.ts';

let controller: EngineController | null = null;
afterEach(() => controller?.dispose());

async function setup(syncDelayMs = 10_000): Promise<{ store: AppStore; c: EngineController }> {
  const store = createAppStore();
  store.getState().setLive(false);
  controller = new EngineController({
    store,
    transports: await nodeTransports(),
    env: { clock: fixedClock(), ids: sequentialIds(), scheduler: systemScheduler },
    syncDelayMs,
  });
  return { store, c: controller };
}

const designReview: ActionInput = { action: 'createRoom', name: 'design-review', type: 'c', creator: 'alice', members: ['bob'] };

/** Banned Words with "design" among the banned words: the fix a user types. */
function banDesign(store: AppStore): void {
  const lib = store.getState().apps[0]!.files['lib/banned.ts']!;
  store.getState().setFile('banned-words', 'lib/banned.ts', lib.replace("'crypto'", "'crypto', 'design'"));
}

describe('Run again', () => {
  it('repeats the step against the world the run started from: no duplicate-name error (spec section 3)', async () => {
    const { store, c } = await setup();
    const first = await c.runAction(designReview);
    expect(first?.result?.outcome).toBe('completed');
    expect(store.getState().world.rooms.some((r) => r.slugifiedName === 'design-review')).toBe(true);

    banDesign(store);
    const again = await c.runAgain(first!, 'start');
    expect(again?.result?.outcome).toBe('prevented');
    expect(again?.result?.error?.code).toBe('error-app-prevented');
    expect(again?.worldBefore?.rooms.some((r) => r.slugifiedName === 'design-review')).toBe(false);
    // The graph is told what changed against the run it repeats.
    const graph = markChanges(projectRun(again!.events), again!.previous, again!.events);
    expect(graph.nodes.find((n) => n.id === 'outcome')).toMatchObject({ state: 'prevented', was: 'was completed, now prevented by Banned Words' });
    expect(graph.nodes.find((n) => n.id === 'handler:IPreRoomCreatePrevent:banned-words')).toMatchObject({ state: 'prevented', was: 'was returned' });
  });

  it('"the current world" keeps what the run changed: the same name is now a duplicate', async () => {
    const { c } = await setup();
    const first = await c.runAction(designReview);
    const again = await c.runAgain(first!, 'current');
    expect(again?.result?.error?.code).toBe('error-duplicate-channel-name');
  });

  it('Reset world puts back the world the session started from', async () => {
    const { store, c } = await setup();
    await c.runAction(designReview);
    const start = sessionStartWorld(store.getState().runs);
    expect(start?.seq).toBe(1);
    c.resetWorldTo(start!.world);
    expect(store.getState().world.rooms.map((r) => r.slugifiedName)).toEqual(['general', 'team']);
  });
});

describe('live mode', () => {
  it('after an edit settles, the last run is re-run from its starting world in place, with what changed', async () => {
    const { store, c } = await setup(30);
    const first = await c.runAction(designReview);
    await vi.waitFor(() => expect(store.getState().runs[0]?.state).toBe('settled'));
    store.getState().setLive(true);
    banDesign(store);
    await vi.waitFor(() => expect(store.getState().liveNote?.text).toBe('was completed, now prevented by Banned Words'), { timeout: 15_000 });
    const runs = store.getState().runs;
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ seq: 1, result: { outcome: 'prevented' }, previous: { seq: 1, replaced: true } });
    expect(runs[0]!.id).not.toBe(first!.id);
    expect(store.getState().world.rooms.some((r) => r.slugifiedName === 'design-review')).toBe(false);
  });

  it('does nothing while it is off, and waits while step mode is on', async () => {
    const { store, c } = await setup(30);
    await c.runAction(designReview);
    await vi.waitFor(() => expect(store.getState().runs[0]?.state).toBe('settled'));
    banDesign(store);
    await c.sync();
    await new Promise((r) => setTimeout(r, 100));
    expect(store.getState().runs[0]?.result?.outcome).toBe('completed');
    store.getState().setLive(true);
    c.setStepping(true, 'full');
    store.getState().setFile('banned-words', 'lib/banned.ts', store.getState().apps[0]!.files['lib/banned.ts']! + '\n');
    await vi.waitFor(() => expect(store.getState().liveSkipped).toMatch(/step mode/), { timeout: 15_000 });
    expect(store.getState().runs).toHaveLength(1);
    expect(store.getState().runs[0]?.result?.outcome).toBe('completed');
  });
});
