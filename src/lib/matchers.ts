/**
 * Matchers for vitest and jest (`expect.extend(hookscopeMatchers)`; `hookscope/vitest` and
 * `hookscope/jest` do it for you). They take a step's report, or a run's report (then its last
 * step): `expect(run).toBePrevented()`, `.toHaveCalled('guard', 'executePreRoomCreatePrevent')`,
 * `.toHaveCommittedRoom({ slugifiedName: 'general' })`.
 */
import { callText, isApp, partialMatch } from '../scenario/expect.ts';
import type { ReportStatus, StepReport } from '../scenario/report.ts';
import type { ScenarioReport } from '../scenario/run-scenario.ts';

export type Reported = ScenarioReport | StepReport;

interface MatcherContext {
  isNot?: boolean;
}

interface MatcherResult {
  pass: boolean;
  message: () => string;
}

function stepOf(received: unknown, matcher: string): StepReport {
  const r = received as Partial<ScenarioReport & StepReport> | null;
  if (r && Array.isArray(r.steps)) {
    const last = r.steps[r.steps.length - 1];
    if (!last) throw new TypeError(`${matcher}: the run has no steps`);
    return last;
  }
  if (r && typeof r.outcome === 'string' && Array.isArray(r.calls)) return r as StepReport;
  throw new TypeError(`${matcher}: expected what runScenario() returns (or one of its steps), got ${typeof received}`);
}

const describeStep = (s: StepReport) => `step ${s.step} (${s.action}) ${s.outcome}${s.error ? ` with ${s.error.code}` : ''}: ${s.summary}`;

function outcomeMatcher(outcome: StepReport['outcome'], name: string) {
  return function (this: MatcherContext, received: unknown, errorCode?: string): MatcherResult {
    const step = stepOf(received, name);
    const pass = step.outcome === outcome && (errorCode === undefined || step.error?.code === errorCode);
    const want = `${outcome}${errorCode ? ` with ${errorCode}` : ''}`;
    return {
      pass,
      message: () => (pass ? `expected the step not to be ${want}; ${describeStep(step)}` : `expected the step to be ${want}; ${describeStep(step)}`),
    };
  };
}

export const hookscopeMatchers = {
  toBePrevented: outcomeMatcher('prevented', 'toBePrevented'),
  toBeCompleted: outcomeMatcher('completed', 'toBeCompleted'),
  toHaveFailed: outcomeMatcher('failed', 'toHaveFailed'),

  toHaveCalled(this: MatcherContext, received: unknown, app: string, method: string, status: ReportStatus = 'returned'): MatcherResult {
    const step = stepOf(received, 'toHaveCalled');
    const pass = step.calls.some((c) => isApp(c, app) && c.method === method && c.status === status);
    const calls = step.calls.map(callText).join(', ') || 'no handler was called';
    return { pass, message: () => `expected ${app}.${method} ${pass ? 'not ' : ''}to have been called (${status}); calls: ${calls}` };
  },

  toHaveCommittedRoom(this: MatcherContext, received: unknown, fields: Record<string, unknown> = {}): MatcherResult {
    const step = stepOf(received, 'toHaveCommittedRoom');
    const pass = step.room !== null && partialMatch(fields, step.room);
    return {
      pass,
      message: () =>
        step.room === null
          ? `expected a committed room ${JSON.stringify(fields)}, but none was: ${describeStep(step)}`
          : `expected the committed room ${pass ? 'not ' : ''}to match ${JSON.stringify(fields)}; it is ${JSON.stringify(step.room)}`,
    };
  },

  toHavePostedMessage(this: MatcherContext, received: unknown, fields: { room?: string; sender?: string; text?: string; app?: string }): MatcherResult {
    const step = stepOf(received, 'toHavePostedMessage');
    const pass = step.messages.some((m) => partialMatch(fields, m, new Set(['text'])));
    return { pass, message: () => `expected ${pass ? 'no' : 'a'} message like ${JSON.stringify(fields)}; posted: ${JSON.stringify(step.messages)}` };
  },
};

/** The matchers' types, for `expect(...)` in vitest and jest. */
export interface HookscopeMatchers<R = unknown> {
  /** The step (or the run's last step) was prevented; optionally with this error code. */
  toBePrevented(errorCode?: string): R;
  toBeCompleted(): R;
  toHaveFailed(errorCode?: string): R;
  /** `app` (its id or name)'s `method` was called with this status (default `returned`). */
  toHaveCalled(app: string, method: string, status?: ReportStatus): R;
  /** A room was committed and has these fields (partial match). */
  toHaveCommittedRoom(fields?: Record<string, unknown>): R;
  /** A message was posted with these fields (`text` as a substring). */
  toHavePostedMessage(fields: { room?: string; sender?: string; text?: string; app?: string }): R;
}
