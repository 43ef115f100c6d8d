/**
 * hookscope as a library, for tests in an app's own repository:
 *
 *   import { runScenario } from 'hookscope';
 *   const run = await runScenario({ apps: [{ path: '.' }], users: [...], steps: [{ action: 'createRoom', ... }] });
 *
 * `runScenario` takes a scenario object (paths relative to `cwd`) or a scenario file's path
 * (paths relative to the file) and returns the report `hookscope run --reporter json` prints.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ProfileId } from '../engine/profiles.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { runScenario as runParsed, type ScenarioReport } from '../scenario/run-scenario.ts';
import { parseScenario, parseScenarioText, type ScenarioInput, type ScenarioProblem } from '../scenario/schema.ts';
import { resolveScenarioApps } from './load-app.ts';

export { loadApp, AppFolderError } from './load-app.ts';
export { hookscopeMatchers, type HookscopeMatchers } from './matchers.ts';
export { scenarioJsonSchema } from '../scenario/json-schema.ts';
export type { ScenarioReport } from '../scenario/run-scenario.ts';
export type { StepReport, ReportCall, ReportLog, ReportStatus, ReportMessage, ReportNotification } from '../scenario/report.ts';
export type { ScenarioInput, ScenarioProblem } from '../scenario/schema.ts';
export type { StepExpect } from '../scenario/expect-schema.ts';
export type { AppDefinition } from '../engine/apps/app-manifest.ts';
export type { ProfileId } from '../engine/profiles.ts';

export interface RunScenarioOptions {
  /** Folder that `path` entries of a scenario object are relative to (default: process.cwd()). */
  cwd?: string;
  /** Like `hookscope run --app <dir>`: this folder's app replaces the scenario's app with its id. */
  app?: string;
  /** Run under this Apps-Engine version profile instead of the scenario's. */
  profile?: ProfileId;
  /** Include call durations in the report. */
  timings?: boolean;
}

/** The scenario is not valid: `problems` name each field (`steps[0].type: ...`). */
export class ScenarioError extends Error {
  override name = 'ScenarioError';
  constructor(readonly problems: ScenarioProblem[]) {
    super(`not a valid scenario:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
  }
}

/** Runs a scenario (an object, or the path of a scenario file) and returns its report. */
export async function runScenario(scenario: ScenarioInput | string, options: RunScenarioOptions = {}): Promise<ScenarioReport> {
  const cwd = options.cwd ?? process.cwd();
  let parsed;
  let baseDir = cwd;
  if (typeof scenario === 'string') {
    const file = resolve(cwd, scenario);
    baseDir = dirname(file);
    parsed = parseScenarioText(await readFile(file, 'utf8'));
  } else parsed = parseScenario(scenario);
  if (!parsed.ok) throw new ScenarioError(parsed.problems);
  const apps = await resolveScenarioApps(parsed.scenario, { baseDir, ...(options.app !== undefined ? { appDir: resolve(cwd, options.app) } : {}) });
  return runParsed(parsed.scenario, {
    transports: await nodeTransports(),
    apps,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.timings ? { timings: true } : {}),
  });
}
