/**
 * Checks a step's `expect` against what happened. Each mismatch is one sentence saying what was
 * expected and what happened instead, so `hookscope run` can print why a step failed.
 */
import type { ExpectedCall, StepExpect } from './expect-schema.ts';
import { ownValue } from '../engine/own-keys.ts';
import type { ReportCall, StepReport } from './report.ts';

export interface ExpectContext {
  step: StepReport;
  /** Persistence records per app id after the step. */
  persistence: Record<string, { id: string; data: unknown; associations: { model: string; id: string }[] }[]>;
  /** Load problems per app id (an app that did not load or is not enabled), with the app's name. */
  appProblems: Record<string, { name: string; text: string }>;
  /** App id -> name, so `app` in messages, notifications and logs may name an app by either (README, scenario format). */
  appNames?: Record<string, string>;
}

export interface ExpectResult {
  ok: boolean;
  failures: string[];
}

/** True when `actual` has every field `expected` gives (recursively); arrays compare whole unless `subset`. */
export function partialMatch(expected: unknown, actual: unknown, substringKeys: ReadonlySet<string> = new Set(), key = ''): boolean {
  if (expected === undefined) return true;
  if (typeof expected === 'string' && typeof actual === 'string' && substringKeys.has(key)) return actual.includes(expected);
  if (expected === null || typeof expected !== 'object') return Object.is(expected, actual) || (expected === null && actual === undefined);
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    return expected.every((e, i) => partialMatch(e, actual[i], substringKeys));
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  return Object.entries(expected).every(([k, v]) => partialMatch(v, (actual as Record<string, unknown>)[k], substringKeys, k));
}

const TEXT = new Set(['text']);
const URL_TEXT = new Set(['url']);
const show = (v: unknown) => JSON.stringify(v);

export function callText(c: Pick<ReportCall, 'app' | 'appName' | 'method' | 'status'> & { detail?: string }): string {
  return `${c.appName ?? c.app}.${c.method} ${c.status}${c.detail && c.detail !== c.status ? ` (${c.detail})` : ''}`;
}

function expectedCallText(c: ExpectedCall): string {
  const who = `${c.app ?? '*'}.${c.method ?? c.interface ?? '*'}`;
  return `${who}${c.status ? ` ${c.status}` : ''}${c.detail ? ` (${c.detail})` : ''}${c.result !== undefined ? ` returning ${show(c.result)}` : ''}`;
}

/** A call's app, named by its id or its name. */
export const isApp = (c: Pick<ReportCall, 'app' | 'appName'>, app: string) => c.app === app || c.appName === app;

function matchCall(e: ExpectedCall, c: ReportCall): boolean {
  return (
    (e.app === undefined || isApp(c, e.app)) &&
    (e.method === undefined || e.method === c.method) &&
    (e.interface === undefined || e.interface === c.interface) &&
    (e.status === undefined || e.status === c.status) &&
    (e.detail === undefined || e.detail === c.detail) &&
    (e.result === undefined || (c.status === 'returned' && partialMatch(e.result, c.result)))
  );
}

/** An entry's `app` (an app id in the report) is the expected one, named by its id or its name. */
function sameApp(expected: unknown, actual: unknown, names: Record<string, string> | undefined): boolean {
  if (expected === undefined || Object.is(expected, actual)) return true;
  return typeof expected === 'string' && typeof actual === 'string' && ownValue(names, actual) === expected;
}

function listCheck<T>(
  label: string,
  expected: T[] | undefined,
  actual: unknown[],
  describe: (x: unknown) => string,
  failures: string[],
  names?: Record<string, string>,
): void {
  for (const e of expected ?? []) {
    const { app, ...rest } = e as { app?: unknown };
    if (actual.some((a) => partialMatch(rest, a, TEXT) && sameApp(app, (a as { app?: unknown } | null)?.app, names))) continue;
    failures.push(`expected ${label} ${show(e)}; ${actual.length ? `got ${actual.map(describe).join('; ')}` : `there were none`}`);
  }
}

export function checkExpect(expect: StepExpect, ctx: ExpectContext): ExpectResult {
  const { step } = ctx;
  const failures: string[] = [];
  if (expect.outcome !== undefined && expect.outcome !== step.outcome) {
    failures.push(`expected outcome ${expect.outcome}, got ${step.outcome}${step.error ? ` (${step.error.code}: ${step.error.message})` : ''}`);
  }
  const code = step.error?.code ?? null;
  if (expect.errorCode !== undefined && expect.errorCode !== code) failures.push(`expected error code ${show(expect.errorCode)}, got ${show(code)}`);
  if (expect.room !== undefined) {
    if (expect.room === null) {
      if (step.room !== null) failures.push(`expected no committed room, got ${show(step.room)}`);
    } else if (step.room === null) failures.push(`expected a committed room ${show(expect.room)}, but no room was committed`);
    else {
      const room = step.room as Record<string, unknown>;
      for (const [k, v] of Object.entries(expect.room)) {
        if (!partialMatch(v, room[k])) failures.push(`expected room.${k} ${show(v)}, got ${show(room[k])}`);
      }
    }
  }
  for (const e of expect.calls ?? []) {
    if (step.calls.some((c) => matchCall(e, c))) continue;
    const ofApp = e.app === undefined ? step.calls : step.calls.filter((c) => isApp(c, e.app!));
    const problem = e.app === undefined ? undefined : Object.entries(ctx.appProblems).find(([id, p]) => id === e.app || p.name === e.app)?.[1];
    const why = problem ? `; ${e.app} ${problem.text}` : '';
    failures.push(
      `expected a call ${expectedCallText(e)}; ${ofApp.length ? `got ${ofApp.map(callText).join(', ')}` : e.app !== undefined ? `${e.app} had no calls` : 'no handler was called'}${why}`,
    );
  }
  for (const e of expect.notCalled ?? []) {
    const hit = step.calls.find((c) => matchCall(e, c) && c.status !== 'not-reached' && c.status !== 'skipped');
    if (hit) failures.push(`expected no call ${expectedCallText(e)}, got ${callText(hit)}`);
  }
  listCheck('a message', expect.messages, step.messages, (m) => show(m), failures, ctx.appNames);
  listCheck('a notification', expect.notifications, step.notifications, (n) => show(n), failures, ctx.appNames);
  for (const [appId, records] of Object.entries(expect.persistence ?? {})) {
    listCheck(`${appId} to hold the record`, records, ownValue(ctx.persistence, appId) ?? [], (r) => show(r), failures);
  }
  const http = step.http.map((h) => ({ ...h, method: h.method.toUpperCase() }));
  const httpText = (h: unknown) => {
    const x = h as StepReport['http'][number];
    return `${x.method} ${x.url} -> ${x.status ?? x.error ?? 'no answer'}`;
  };
  const upper = <T extends { method?: string | undefined }>(e: T): T => (e.method === undefined ? e : { ...e, method: e.method.toUpperCase() });
  for (const e of expect.http ?? []) {
    const { app, ...rest } = upper(e);
    if (http.some((h) => partialMatch(rest, h, URL_TEXT) && sameApp(app, h.app, ctx.appNames))) continue;
    failures.push(`expected an HTTP request ${show(e)}; ${http.length ? `got ${http.map(httpText).join('; ')}` : 'the apps made none'}`);
  }
  for (const e of expect.noHttp ?? []) {
    const { app, ...rest } = upper(e);
    const hit = http.find((h) => partialMatch(rest, h, URL_TEXT) && sameApp(app, h.app, ctx.appNames));
    if (hit) failures.push(`expected no HTTP request ${show(e)}, got ${httpText(hit)}`);
  }
  listCheck(
    'a log line',
    expect.logs,
    step.logs,
    (l) => {
      const log = l as StepReport['logs'][number];
      return `${log.level} ${show(log.text)}`;
    },
    failures,
    ctx.appNames,
  );
  return { ok: failures.length === 0, failures };
}
