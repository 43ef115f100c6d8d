import { afterEach, describe, expect, it } from 'vitest';
import { PROFILES } from '../engine/profiles.ts';
import { fixedClock, sequentialIds, systemScheduler } from '../engine/env.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { EngineController } from './engine-controller.ts';
import { createAppStore } from './store.ts';

let controller: EngineController | null = null;
afterEach(() => controller?.dispose());

describe('EngineController settings', () => {
  it('a profile chosen in the workspace reaches the engine, with the timeout the user set', async () => {
    const store = createAppStore();
    controller = new EngineController({
      store,
      transports: await nodeTransports(),
      env: { clock: fixedClock(), ids: sequentialIds(), scheduler: systemScheduler },
      syncDelayMs: 10_000,
    });
    await controller.sync();
    for (const id of ['legacy', 'deno-1.43', 'current'] as const) {
      expect(PROFILES[id].available).toBe(true);
      store.getState().setSettings({ profile: id, timeoutMs: 4_000 });
      await controller.sync();
      expect(controller.engine.profile.id).toBe(PROFILES[id].id);
      expect(controller.engine.timeoutMs).toBe(4_000);
    }
    const run = await controller.runAction(store.getState().drafts.createRoom);
    expect(run?.result?.error?.code).toBe('error-app-prevented');
  });
});
