/**
 * hookscope as a library, for tests in an app's own repository:
 *
 *   import { runScenario } from 'hookscope';
 *   const run = await runScenario({ apps: [{ path: '.' }], users: [...], steps: [{ action: 'createRoom', ... }] });
 *
 * `runScenario` takes a scenario object (paths relative to `cwd`) or a scenario file's path
 * (paths relative to the file) and returns the report `hookscope run --reporter json` prints.
 * Its app runtimes come from one pool of warm workers per process (shared-runtimes.ts); they do
 * not keep the process alive, and `closeRuntimes()` stops them.
 */
import { readFile } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import type { ProfileId } from '../engine/profiles.ts';
import { runScenario as runParsed, type ScenarioReport } from '../scenario/run-scenario.ts';
import { parseScenario, parseScenarioText, type ScenarioInput, type ScenarioProblem } from '../scenario/schema.ts';
import { resolveScenarioApps } from './load-app.ts';
import { nodeTransports } from '../node/node-transport.ts';
import { sharedTransports } from './shared-runtimes.ts';

export { loadApp, AppFolderError } from './load-app.ts';
export { closeRuntimes } from './shared-runtimes.ts';
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
  /**
   * Take the app runtimes from the process's shared pool of warm workers (default true): the
   * calls after the first find a worker already started. False: start this call's own workers
   * (and a spare for a hung app), as a lone run would.
   */
  warm?: boolean;
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
  const warm = options.warm !== false;
  return runParsed(parsed.scenario, {
    transports: warm ? await sharedTransports() : await nodeTransports(),
    // The pool's runtimes serve one app of one run; a hung app's worker is replaced cold.
    ...(warm ? { keepSpare: false } : {}),
    apps,
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.timings ? { timings: true } : {}),
  });
}
