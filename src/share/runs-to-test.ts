/**
 * "Export as a test": the recorded runs become a scenario whose steps replay their actions,
 * each with the `expect` (outcome + error code) the host answered, so `hookscope run` in CI
 * fails (exit 1) the day the app behaves differently. The world is the one before the first
 * run; edits made between runs cannot be replayed, so they are reported as warnings.
 */
import type { WorldState } from '../engine/index.ts';
import type { ScenarioInput } from '../scenario/schema.ts';
import type { RunRecord, Workspace } from '../workspace/types.ts';
import { toScenario } from '../workspace/workspace-file.ts';
import { cleanAction, workspaceToScenario, type ScenarioStepInput } from './scenario-io.ts';

export interface RunsToTestInput {
  workspace: Workspace;
  runs: RunRecord[];
  /** The world before each run, by the run's startedAt (what the share slice recorded). */
  worldBefore: Record<string, WorldState>;
  description?: string;
  /** Apps that came from a folder (`hookscope dev`): app id -> path written instead of their code. */
  folderApps?: Record<string, string>;
}

export interface RunsToTestOutcome {
  scenario: ScenarioInput;
  /** Runs left out or differences the test cannot reproduce, in words. */
  warnings: string[];
}

const worldKey = (w: WorldState, ws: Workspace) => {
  const s = toScenario({ ...ws, world: w });
  return JSON.stringify([s.users, s.rooms, s.settings, s.persistence, s.httpMocks]);
};

export function stepOf(run: RunRecord): ScenarioStepInput | null {
  if (!run.result) return null;
  return { ...cleanAction(run.action), expect: { outcome: run.result.outcome, errorCode: run.result.error?.code ?? null } } as ScenarioStepInput;
}

export function runsToTest(input: RunsToTestInput): RunsToTestOutcome {
  const { workspace, runs, worldBefore } = input;
  const warnings: string[] = [];
  const finished = runs.filter((r, i) => {
    if (r.result) return true;
    warnings.push(`run ${i + 1} (${r.action.action}) left out: ${r.crash ? `it crashed (${r.crash})` : 'it has no answer yet'}`);
    return false;
  });
  const first = finished[0];
  let base = first ? worldBefore[String(first.startedAt)] : workspace.world;
  if (!base) {
    warnings.push('the world before the first run was not recorded: the test starts from the current world');
    base = workspace.world;
  }
  finished.forEach((run, i) => {
    if (i === 0) return;
    const before = worldBefore[String(run.startedAt)];
    const prev = finished[i - 1]!.worldAfter;
    if (before && prev && worldKey(before, workspace) !== worldKey(prev, workspace)) {
      warnings.push(`the world was edited before run ${i + 1} (${run.action.action}): the test replays the runs without that edit`);
    }
  });
  const steps = finished.flatMap((r) => stepOf(r) ?? []);
  const description =
    input.description ?? `Regression test exported by hookscope: ${steps.length} recorded run${steps.length === 1 ? '' : 's'} with the outcome each one had.`;
  const scenario = workspaceToScenario({ ...workspace, world: base }, { description, steps });
  return { scenario: withFolderApps(scenario, input.folderApps ?? {}), warnings };
}

/** Apps from a folder become `{ "path": ... }`, so the test runs the repository's code, not a copy. */
function withFolderApps(s: ScenarioInput, folders: Record<string, string>): ScenarioInput {
  if (!s.apps || Object.keys(folders).length === 0) return s;
  return {
    ...s,
    apps: s.apps.map((a) =>
      a.id !== undefined && folders[a.id] !== undefined ? { path: folders[a.id]!, ...(a.enabled === false ? { enabled: false } : {}) } : a,
    ),
  };
}
