/** Builds an engine on Node workers with a deterministic clock and ids, for integration tests. */
import { Engine } from '../engine/engine.ts';
import { fixedClock, sequentialIds, systemScheduler } from '../engine/env.ts';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import type { WorldState } from '../engine/world/types.ts';
import { baseWorld } from './worlds.ts';

export { baseWorld, user } from './worlds.ts';
import { nodeTransports } from '../node/node-transport.ts';
import type { TraceEvent } from '../engine/trace.ts';
import type { ProfileId } from '../engine/profiles.ts';

export async function makeEngine(
  apps: AppDefinition[],
  opts: { timeoutMs?: number; minLoadTimeoutMs?: number; world?: WorldState; profile?: ProfileId } = {},
): Promise<Engine> {
  const engine = new Engine({
    transports: await nodeTransports(),
    env: { clock: fixedClock(), ids: sequentialIds(), scheduler: systemScheduler },
    world: opts.world ?? baseWorld(),
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.profile !== undefined ? { profile: opts.profile } : {}),
    ...(opts.minLoadTimeoutMs !== undefined ? { minLoadTimeoutMs: opts.minLoadTimeoutMs } : {}),
  });
  for (const a of apps) await engine.installApp(a);
  return engine;
}

/** `[appId, method, status]` for each finished call of a run. */
export function calls(events: readonly TraceEvent[], runId: string): [string, string, string][] {
  return events
    .filter((e): e is Extract<TraceEvent, { type: 'call-end' }> => e.type === 'call-end' && e.runId === runId)
    .map((e) => [e.call.appId, e.call.method, e.status]);
}

export function skipped(events: readonly TraceEvent[], runId: string): [string, string, string][] {
  return events
    .filter((e): e is Extract<TraceEvent, { type: 'listener-skipped' }> => e.type === 'listener-skipped' && e.runId === runId)
    .map((e) => [e.appId, e.event, e.reason]);
}
