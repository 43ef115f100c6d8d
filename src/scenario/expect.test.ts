/**
 * `expect` names an app by its id or its name (README, "The scenario format": "In `expect`, `app` is
 * an app's id or name"; the README's own example writes `"logs": [{ "app": "Banned Words", ... }]`).
 * The report keeps the app's id in messages, notifications and logs, so a name must be resolved.
 */
import { describe, expect, it } from 'vitest';
import { checkExpect, type ExpectContext } from './expect.ts';
import type { StepReport } from './report.ts';

const step: StepReport = {
  step: 0,
  action: 'joinRoom',
  outcome: 'completed',
  error: null,
  summary: '',
  room: null,
  calls: [],
  logs: [{ app: 'b0d37354', method: 'executePostRoomUserJoined', level: 'log', text: 'welcome text fetched' }],
  appRuns: [],
  messages: [{ id: 'msg-1', room: 'general', sender: 'welcomebot.bot', text: 'Welcome aboard', app: 'b0d37354' }],
  notifications: [{ app: 'b0d37354', user: 'bob', room: 'general', text: 'only you see this' }],
} as StepReport;

const ctx = (appNames?: Record<string, string>): ExpectContext => ({ step, persistence: {}, appProblems: {}, ...(appNames ? { appNames } : {}) });

describe('checkExpect: app by id or name in messages, notifications and logs', () => {
  it('(README scenario format) matches a log, a message and a notification by the app name', () => {
    const out = checkExpect(
      {
        logs: [{ app: 'WelcomeBot', text: 'fetched' }],
        messages: [{ app: 'WelcomeBot', text: 'Welcome' }],
        notifications: [{ app: 'WelcomeBot', user: 'bob' }],
      },
      ctx({ b0d37354: 'WelcomeBot' }),
    );
    expect(out).toEqual({ ok: true, failures: [] });
  });

  it('still matches by id, and a name of another app does not match', () => {
    expect(checkExpect({ logs: [{ app: 'b0d37354' }], messages: [{ app: 'b0d37354' }] }, ctx({ b0d37354: 'WelcomeBot' })).ok).toBe(true);
    const out = checkExpect({ logs: [{ app: 'Other App', text: 'fetched' }] }, ctx({ b0d37354: 'WelcomeBot', other: 'Other App' }));
    expect(out.ok).toBe(false);
    expect(out.failures[0]).toMatch(/^expected a log line \{"app":"Other App","text":"fetched"\}; got log "welcome text fetched"/);
  });
});
