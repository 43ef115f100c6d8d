/**
 * "Replay session against current code": every recorded action, in order, in a scratch Engine
 * (its own workers from the same sandbox transports) with the workspace's current apps and the
 * world before the first replayed run. The live engine and world are not touched.
 */
import { Engine, type TransportFactory, type ActionInput, type WorldState } from '../engine/index.ts';
import { outcomeFacts, type OutcomeFacts } from './outcome-facts.ts';
import type { RuntimeSettings, WorkspaceApp } from '../workspace/types.ts';

export interface ReplayInput {
  transports: TransportFactory;
  apps: WorkspaceApp[];
  settings: RuntimeSettings;
  world: WorldState;
  actions: ActionInput[];
  onProgress?(done: number): void;
}

export async function replaySession(input: ReplayInput): Promise<OutcomeFacts[]> {
  const engine = new Engine({
    transports: input.transports,
    world: structuredClone(input.world),
    timeoutMs: input.settings.timeoutMs,
    profile: input.settings.profile,
    keepSpare: false,
  });
  try {
    for (const app of input.apps) {
      try {
        await engine.installApp(app);
      } catch {
        // A broken manifest: the live engine leaves such an app out too.
        engine.removeApp(app.id);
      }
    }
    engine.registry.setOrder(input.apps.filter((a) => a.enabled && engine.registry.get(a.id)).map((a) => a.id));
    const out: OutcomeFacts[] = [];
    for (const action of input.actions) {
      const result = await engine.run(structuredClone(action));
      await result.settled;
      out.push(outcomeFacts(engine.trace.events.filter((e) => e.runId === result.runId)));
      input.onProgress?.(out.length);
    }
    return out;
  } finally {
    engine.dispose();
  }
}
