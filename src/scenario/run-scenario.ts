/**
 * Runs a scenario headless: sets up the engine, runs each step, lets every handler of a step
 * settle (including Post handlers the host does not await) before the next, and reports.
 */
import { Engine } from '../engine/engine.ts';
import { fixedClock, sequentialIds, systemClock, systemScheduler, type Clock } from '../engine/env.ts';
import type { TransportFactory } from '../engine/apps/transport.ts';
import type { ActionInput } from '../engine/actions.ts';
import { PROFILES, type ProfileId } from '../engine/profiles.ts';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import { setOwn } from '../engine/own-keys.ts';
import { checkExpect } from './expect.ts';
import { callsOf, finalWorld, httpOf, logsOf, notificationsOf, type StepReport } from './report.ts';
import type { Scenario, ScenarioStep } from './schema.ts';
import { appDefinition, initialWorld, SCENARIO_EPOCH, unseatedBots } from './to-engine.ts';

export interface RunOptions {
  transports: TransportFactory;
  /**
   * Run under this profile instead of the file's (spec §8). Without a `timeoutMs` in the file the
   * timeout is this profile's default.
   */
  profile?: ProfileId;
  /** Include call durations (non-deterministic) in the report. */
  timings?: boolean;
  /**
   * Keep a started runtime in reserve for this run (default true). False when `transports` hands
   * out runtimes started ahead already (the CLI's pool shared by all files).
   */
  keepSpare?: boolean;
  /**
   * The apps to install, in scenario order, when the caller has read them already (apps given by
   * `path` are read from disk by `resolveScenarioApps` in Node). Default: the scenario's own code.
   */
  apps?: AppDefinition[];
  /** Told before and after each step (progress on stderr for long runs). */
  onStepStart?: (index: number, action: string, total: number) => void;
  onStep?: (step: StepReport, index: number, total: number) => void;
}

export interface ScenarioReport {
  profile: string;
  timeoutMs: number;
  apps: { id: string; name: string; enabled: boolean; implements: string[]; loadError: string | null }[];
  steps: StepReport[];
  world: ReturnType<typeof finalWorld>;
  /** Problems the runtime reported (malformed messages, restarted workers...). */
  problems: string[];
  /**
   * Why the run failed, one sentence each: an app that did not load or is not enabled, a step
   * whose `expect` did not match. Empty when it passed.
   */
  failures: string[];
  /** False when an app did not load or a step's `expect` did not match. */
  passed: boolean;
}

/** The per-call timeout a run uses: the file's, or else the profile's default (`profile` = a --profile over the file's). */
export function effectiveTimeoutMs(scenario: Scenario, profile: ProfileId = scenario.profile): number {
  return scenario.timeoutFromFile ? scenario.timeoutMs : PROFILES[profile].timeoutMs;
}

export function toAction(step: ScenarioStep): ActionInput {
  const { expect: _expect, ...action } = step;
  return action as ActionInput;
}

export async function runScenario(scenario: Scenario, options: RunOptions): Promise<ScenarioReport> {
  const profile = options.profile ?? scenario.profile;
  const fixed = fixedClock(SCENARIO_EPOCH);
  const clock: Clock = { now: fixed.now, monotonic: systemClock.monotonic };
  const engine = new Engine({
    transports: options.transports,
    env: { clock, ids: sequentialIds(), scheduler: systemScheduler },
    world: initialWorld(scenario),
    profile,
    timeoutMs: effectiveTimeoutMs(scenario, profile),
    ...(options.keepSpare === false ? { keepSpare: false } : {}),
  });
  try {
    const defs = options.apps ?? scenario.apps.map(appDefinition);
    for (const def of defs) await engine.installApp(def);
    const failures: string[] = unseatedBots(engine.world, scenario);
    const appProblems: Record<string, { name: string; text: string }> = Object.create(null) as Record<string, { name: string; text: string }>;
    const appNames: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const app of engine.registry.all()) {
      setOwn(appNames, app.def.id, app.def.name);
      if (app.loadError !== null) {
        // onEnable refused: the code loaded, but Rocket.Chat does not enable the app (spec 7.2).
        const text = app.notEnabled?.phase === 'enable' ? `is ${app.loadError}, so Rocket.Chat never calls it` : `did not load: ${app.loadError}`;
        appProblems[app.def.id] = { name: app.def.name, text };
        failures.push(`app ${app.def.id} (${app.def.name}) ${text}`);
      }
    }
    const steps: StepReport[] = [];
    for (const [index, step] of scenario.steps.entries()) {
      options.onStepStart?.(index, step.action, scenario.steps.length);
      const before = engine.trace.events.length;
      const messagesBefore = engine.world.data.messages.length;
      const notificationsBefore = engine.world.data.notifications.length;
      const httpBefore = engine.world.data.httpLog.length;
      const result = await engine.run(toAction(step));
      await result.settled;
      await engine.settle();
      fixed.advance(1000);
      const events = engine.trace.events.slice(before);
      const appRuns = events.filter((e): e is Extract<typeof e, { type: 'run-start' }> => e.type === 'run-start' && e.runId !== result.runId);
      const runIds = new Set([result.runId, ...appRuns.map((r) => r.runId)]);
      const methodOf = (callId: string | null) => {
        const start = callId ? events.find((e) => e.type === 'call-start' && e.call.callId === callId) : undefined;
        return start && start.type === 'call-start' ? start.call.method : null;
      };
      const outcome = events.find((e) => e.type === 'outcome' && e.runId === result.runId);
      const room = result.roomId ? engine.world.roomById(result.roomId) : undefined;
      const report: StepReport = {
        step: index,
        action: step.action,
        outcome: result.outcome,
        error: result.error,
        summary: outcome && outcome.type === 'outcome' ? outcome.summary : '',
        room: room ? (finalWorld(engine).rooms.find((r) => r.id === room.id) ?? null) : null,
        calls: callsOf(events, result.runId, options.timings ?? false, new Map(appRuns.map((r, i) => [r.runId, i]))).map(({ app, ...c }) => ({
          app,
          appName: engine.registry.get(app)?.def.name ?? app,
          ...c,
        })),
        logs: logsOf(
          events,
          new Set(
            [...runIds, ...[...new Set(events.map((e) => e.runId))].filter((id) => id?.startsWith('detached:'))].filter(
              (x): x is string => typeof x === 'string',
            ),
          ),
          methodOf,
        ),
        appRuns: appRuns.map((r) => {
          const o = events.find((e) => e.type === 'outcome' && e.runId === r.runId);
          return {
            app: r.origin.kind === 'app' ? r.origin.appId : 'user',
            action: r.action.action,
            outcome: o && o.type === 'outcome' ? o.outcome : 'unknown',
            error: o && o.type === 'outcome' ? o.error : null,
          };
        }),
        messages: finalWorld(engine).messages.slice(messagesBefore),
        notifications: notificationsOf(engine, notificationsBefore),
        http: httpOf(engine, httpBefore),
      };
      if (step.expect) {
        const actual = { outcome: result.outcome, errorCode: result.error?.code ?? null };
        const checked = checkExpect(step.expect, { step: report, persistence: engine.world.data.persistence, appProblems, appNames });
        report.expectation = { ok: checked.ok, expected: step.expect, actual, failures: checked.failures };
        for (const f of checked.failures) failures.push(`step ${index} (${step.action}): ${f}`);
      }
      steps.push(report);
      options.onStep?.(report, index, scenario.steps.length);
    }
    const problems = engine.trace.events.flatMap((e) =>
      e.type === 'runtime-problem' ? [`${e.appId}: ${e.problem}`] : e.type === 'worker-restarted' ? [`${e.appId}: worker restarted (${e.reason})`] : [],
    );
    return {
      profile: engine.profile.id,
      timeoutMs: engine.timeoutMs,
      apps: engine.registry.all().map((a) => ({ id: a.def.id, name: a.def.name, enabled: a.def.enabled, implements: a.implements, loadError: a.loadError })),
      steps,
      world: finalWorld(engine),
      problems,
      failures,
      passed: failures.length === 0,
    };
  } finally {
    engine.dispose();
  }
}
