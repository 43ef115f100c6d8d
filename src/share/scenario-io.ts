/**
 * The workspace <-> the scenario file (`*.hookscope.json`, the format `hookscope run` reads).
 * Reading never throws and never touches a workspace: it answers a workspace to show, or the
 * problems with their JSON path (`apps[0].classFile: names "X", which is not among "files"`).
 */
import type { ActionInput } from '../engine/host/actions.ts';
import { parseScenario, type Scenario, type ScenarioInput } from '../scenario/schema.ts';
import { appDefinition, initialWorld } from '../scenario/to-engine.ts';
import { SCHEMA_REF } from '../scenario/json-schema.ts';
import { toAction } from '../scenario/run-scenario.ts';
import { defaultDrafts } from '../state/default-workspace.ts';
import type { ActionDrafts, Workspace } from '../state/types.ts';
import { readWorkspace, toScenario, WORKSPACE_FORMAT } from '../state/workspace-file.ts';

export const SCENARIO_FILE_SUFFIX = '.hookscope.json';

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

export type ReadFileOutcome =
  | { ok: true; workspace: Workspace; steps: Scenario['steps']; description: string | null }
  | { ok: false; problems: string[] };

/** Reads a scenario file (or a saved workspace) as a workspace to review. */
export function readScenarioFile(text: string): ReadFileOutcome {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return { ok: false, problems: [`(file): not valid JSON: ${(err as Error).message}`] };
  }
  return readScenarioJson(json);
}

export function readScenarioJson(json: unknown): ReadFileOutcome {
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    const format = (json as Record<string, unknown>)['format'];
    if (format === WORKSPACE_FORMAT) {
      const read = readWorkspace(JSON.stringify(json));
      return read.ok ? { ok: true, workspace: read.workspace, steps: [], description: null } : { ok: false, problems: [read.problem] };
    }
    if (format === 'hookscope-trace') return { ok: false, problems: ['(file): this is the trace of one run, not a scenario: it has no apps to load'] };
  }
  const parsed = parseScenario(json);
  if (!parsed.ok) return { ok: false, problems: parsed.problems.map((p) => `${p.path}: ${p.message}`) };
  try {
    return { ok: true, workspace: scenarioToWorkspace(parsed.scenario), steps: parsed.scenario.steps, description: parsed.scenario.description ?? null };
  } catch (err) {
    return { ok: false, problems: [`apps: an app could not be read (${(err as Error).message})`] };
  }
}
