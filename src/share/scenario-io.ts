/**
 * The workspace <-> the scenario file (`*.hookscope.json`, the format `hookscope run` reads).
 * This is the writing half, without zod (on the page's first load); reading a file is
 * `scenario-read.ts`, loaded on demand.
 */
import { type ActionInput } from '../engine/index.ts';
import type { Scenario, ScenarioInput } from '../scenario/schema.ts';
import { appDefinition, initialWorld } from '../scenario/to-engine.ts';
import { toAction } from '../scenario/run-scenario.ts';
import { defaultDrafts } from '../workspace/default-workspace.ts';
import type { ActionDrafts, Workspace } from '../workspace/types.ts';
import { toScenario } from '../workspace/workspace-file.ts';

export const SCENARIO_FILE_SUFFIX = '.hookscope.json';

/** Where an exported scenario (kept in the app's folder, next to node_modules) finds the JSON Schema (`scenario/json-schema.ts`). */
const SCHEMA_REF = './node_modules/hookscope/dist/scenario.schema.json';

export type ScenarioStepInput = NonNullable<ScenarioInput['steps']>[number];

/** The workspace as a scenario file, with optional steps (the actions to try). */
export function workspaceToScenario(ws: Workspace, extra: { description?: string; steps?: ScenarioStepInput[] } = {}): ScenarioInput {
  const s = toScenario(ws);
  return { $schema: SCHEMA_REF, ...(extra.description ? { description: extra.description } : {}), ...s, steps: extra.steps ?? [] };
}

export function scenarioText(s: ScenarioInput): string {
  return JSON.stringify(s, null, 2) + '\n';
}

/** Drafts of the action forms: each action's first step, else the default. */
export function draftsFromSteps(steps: Scenario['steps']): ActionDrafts {
  const drafts = defaultDrafts();
  const seen = new Set<string>();
  for (const step of steps) {
    if (seen.has(step.action)) continue;
    seen.add(step.action);
    (drafts as unknown as Record<string, ActionInput>)[step.action] = cleanAction(toAction(step));
  }
  return drafts;
}

/** A validated scenario as a workspace (apps in file order, world, settings, drafts). */
export function scenarioToWorkspace(s: Scenario): Workspace {
  return {
    apps: s.apps.map(appDefinition),
    world: initialWorld(s),
    settings: { timeoutMs: s.timeoutMs, profile: s.profile },
    drafts: draftsFromSteps(s.steps),
  };
}

/** Drops undefined fields so exported steps read like hand-written ones. */
export function cleanAction<T extends object>(action: T): T {
  return Object.fromEntries(Object.entries(action).filter(([, v]) => v !== undefined)) as T;
}
