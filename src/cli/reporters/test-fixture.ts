/** A hand-made run summary for the reporter tests: a passing file, a failing one, an unreadable one. */
import type { ReportCall, StepReport } from '../../scenario/report.ts';
import type { ScenarioReport } from '../../scenario/run-scenario.ts';
import type { RunSummary } from './types.ts';

export const guardCall: ReportCall = {
  app: 'guard-id',
  appName: 'Guard',
  interface: 'IPreRoomCreatePrevent',
  method: 'executePreRoomCreatePrevent',
  role: 'execute',
  status: 'returned',
  detail: 'returned',
  awaited: true,
  effect: 'prevented the room',
  result: true,
};

export function step(over: Partial<StepReport> = {}): StepReport {
  return {
    step: 0,
    action: 'createRoom',
    outcome: 'completed',
    error: null,
    summary: 'the room was created',
    room: null,
    calls: [],
    logs: [],
    appRuns: [],
    messages: [],
    notifications: [],
    http: [],
    ...over,
  };
}

export function report(steps: StepReport[], over: Partial<ScenarioReport> = {}): ScenarioReport {
  return {
    profile: 'rc-8.8',
    timeoutMs: 5000,
    apps: [{ id: 'guard-id', name: 'Guard', enabled: true, implements: ['IPreRoomCreatePrevent'], loadError: null }],
    steps,
    world: { rooms: [], messages: [] } as unknown as ScenarioReport['world'],
    problems: [],
    failures: [],
    passed: true,
    ...over,
  };
}

const prevented = step({
  outcome: 'prevented',
  error: { code: 'error-app-prevented', message: 'A Rocket.Chat App prevented the room creation.' } as StepReport['error'],
  summary: 'Guard prevented it',
  calls: [guardCall],
});
const completed = step({ step: 1, summary: 'the room <b&c> was created', room: { slugifiedName: 'book-club' } });
const mismatch = step({
  summary: 'the room was created',
  expectation: {
    ok: false,
    expected: { outcome: 'prevented' },
    actual: { outcome: 'completed', errorCode: null },
    failures: ['expected outcome prevented; got completed'],
  },
});

export const summary: RunSummary = {
  passed: false,
  files: [
    { file: 'ok.json', kind: 'ran', durationMs: 1500, report: report([prevented, completed]) },
    {
      file: 'bad.json',
      kind: 'ran',
      durationMs: 20,
      report: report([mismatch], {
        passed: false,
        failures: ['step 0 (createRoom): expected outcome prevented; got completed'],
        apps: [{ id: 'broken', name: 'Broken', enabled: true, implements: [], loadError: 'SyntaxError: Unexpected token (2:1)' }],
      }),
    },
    { file: 'gone.json', kind: 'error', durationMs: 0, problems: ['cannot read gone.json: ENOENT'] },
  ],
};
