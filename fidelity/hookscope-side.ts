/** Runs one pipeline through hookscope's engine (profile "current"), as `hookscope run` does. */
import { nodeTransports } from '../src/node/node-transport.ts';
import { runScenario, type ScenarioReport } from '../src/scenario/run-scenario.ts';
import { parseScenario } from '../src/scenario/schema.ts';
import type { TransportFactory } from '../src/engine/apps/transport.ts';

let transports: TransportFactory | null = null;

export async function runHookscope(scenario: Record<string, unknown>): Promise<ScenarioReport> {
  const parsed = parseScenario(scenario);
  if (!parsed.ok) throw new Error(`the generated scenario is not valid: ${parsed.problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`);
  transports ??= await nodeTransports();
  return runScenario(parsed.scenario, { transports, profile: 'current' });
}
