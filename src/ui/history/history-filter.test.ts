import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine/trace.ts';
import { filterRows, NO_FILTER, toRow, troubleText, type HistoryRun } from './history-filter.ts';

const call = (appId: string, event: 'IPreRoomCreatePrevent' | 'IPreRoomUserJoined'): TraceEvent[] => [
  { type: 'phase-start', runId: 'r', at: 0, event, listeners: [appId], awaited: true },
  { type: 'call-start', runId: 'r', at: 0, call: { callId: 'c', appId, event, method: 'x', role: 'execute' }, args: [] },
];

const runs: HistoryRun[] = [
  {
    id: 'run-1',
    action: { action: 'createRoom', name: 'spam', type: 'c', creator: 'alice' },
    startedAt: 1,
    state: 'settled',
    result: { outcome: 'prevented', error: { code: 'error-app-prevented', message: 'm' } },
    events: call('banned', 'IPreRoomCreatePrevent'),
  },
  {
    id: 'run-2',
    action: { action: 'joinRoom', room: 'general', user: 'gus' },
    startedAt: 2,
    state: 'settled',
    result: { outcome: 'completed', error: null },
    events: call('guard', 'IPreRoomUserJoined'),
  },
  { id: 'run-3', action: { action: 'leaveRoom', room: 'general', user: 'bob' }, startedAt: 3, state: 'running', result: null, events: [] },
];

describe('history rows and filters', () => {
  const rows = runs.map(toRow);
  it('derives label, outcome, apps and events', () => {
    expect(rows[0]).toMatchObject({
      label: 'alice creates channel #spam',
      outcome: 'prevented',
      errorCode: 'error-app-prevented',
      apps: ['banned'],
      events: ['IPreRoomCreatePrevent'],
    });
    expect(rows[2]?.outcome).toBe('running');
  });
  it('counts swallowed throws and timeouts for the row notice', () => {
    const end = (status: 'threw' | 'timed-out' | 'returned'): TraceEvent => ({
      type: 'call-end',
      runId: 'r',
      at: 0,
      call: { callId: status, appId: 'a', event: 'IPreRoomCreatePrevent', method: 'x', role: 'execute' },
      status,
      durationMs: 1,
      effect: '',
    });
    const row = toRow({ ...runs[1]!, events: [end('threw'), end('timed-out'), end('returned')] }, 0);
    expect(row.trouble).toEqual({ swallowed: 1, timedOut: 1 });
    expect(troubleText(row.trouble)).toBe('⚠ 1 swallowed error, 1 timed out');
    expect(troubleText(rows[0]!.trouble)).toBeNull();
  });
  it('filters by outcome, app, event and text', () => {
    expect(filterRows(rows, { ...NO_FILTER, outcome: 'prevented' }).map((r) => r.id)).toEqual(['run-1']);
    expect(filterRows(rows, { ...NO_FILTER, appId: 'guard' }).map((r) => r.id)).toEqual(['run-2']);
    expect(filterRows(rows, { ...NO_FILTER, event: 'IPreRoomCreatePrevent' }).map((r) => r.id)).toEqual(['run-1']);
    expect(filterRows(rows, { ...NO_FILTER, text: 'GUS' }).map((r) => r.id)).toEqual(['run-2']);
    expect(filterRows(rows, { ...NO_FILTER, text: 'app-prevented' }).map((r) => r.id)).toEqual(['run-1']);
  });
});
