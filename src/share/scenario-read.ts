/**
 * Reading a scenario file (`*.hookscope.json`) or a saved workspace as a workspace to review.
 * Never throws and never touches a workspace: it answers a workspace to show, or the problems with
 * their JSON path (`apps[0].classFile: names "X", which is not among "files"`). Uses zod: the page
 * imports this only when a file is imported.
 */
import { parseScenario, type Scenario } from '../scenario/schema.ts';
import type { Workspace } from '../workspace/types.ts';
import { WORKSPACE_FORMAT } from '../workspace/workspace-file.ts';
import { readWorkspace } from '../workspace/workspace-read.ts';
import { scenarioToWorkspace } from './scenario-io.ts';

export type ReadFileOutcome = { ok: true; workspace: Workspace; steps: Scenario['steps']; description: string | null } | { ok: false; problems: string[] };

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
