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
  http: [
    {
      app: 'b0d37354',
      method: 'GET',
      url: 'https://graph.example/v1.0/chats/19:abc/members?top=5',
      status: 200,
      request: { headers: { Authorization: 'Bearer t' } },
    },
    {
      app: 'b0d37354',
      method: 'DELETE',
      url: 'https://graph.example/v1.0/chats/19:abc/members/m-bob',
      status: null,
      error: 'No HTTP mock matches DELETE https://graph.example/v1.0/chats/19:abc/members/m-bob.',
      request: null,
    },
  ],
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

describe('checkExpect: the HTTP requests apps made (http, noHttp)', () => {
  it('matches by app (id or name), method in any case, part of the URL, status and what was sent', () => {
    const out = checkExpect(
      {
        http: [
          { app: 'WelcomeBot', method: 'get', url: '/chats/19:abc/members', status: 200, request: { headers: { Authorization: 'Bearer t' } } },
          { method: 'DELETE', url: 'members/m-bob', status: null },
        ],
        noHttp: [{ method: 'POST' }, { url: 'other.example' }],
      },
      ctx({ b0d37354: 'WelcomeBot' }),
    );
    expect(out).toEqual({ ok: true, failures: [] });
  });

  it('says what was requested instead, and which request should not have happened', () => {
    const out = checkExpect({ http: [{ method: 'POST', url: '/members' }], noHttp: [{ method: 'DELETE' }] }, ctx());
    expect(out.failures).toEqual([
      'expected an HTTP request {"method":"POST","url":"/members"}; got GET https://graph.example/v1.0/chats/19:abc/members?top=5 -> 200; DELETE https://graph.example/v1.0/chats/19:abc/members/m-bob -> No HTTP mock matches DELETE https://graph.example/v1.0/chats/19:abc/members/m-bob.',
      'expected no HTTP request {"method":"DELETE"}, got DELETE https://graph.example/v1.0/chats/19:abc/members/m-bob -> No HTTP mock matches DELETE https://graph.example/v1.0/chats/19:abc/members/m-bob.',
    ]);
    // `{}` in noHttp: no request at all.
    expect(checkExpect({ noHttp: [{}] }, ctx()).ok).toBe(false);
    expect(checkExpect({ http: [{ status: 500 }] }, ctx()).failures[0]).toMatch(/^expected an HTTP request \{"status":500\}; got GET /);
  });
});
