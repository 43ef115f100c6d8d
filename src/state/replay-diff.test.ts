import { describe, expect, it } from 'vitest';
import { outcomeFacts, outcomeText } from './outcome-facts.ts';
import { describeChange, replayDiff } from './replay-diff.ts';
import type { TraceEvent } from '../engine/trace.ts';

const prevented = { outcome: 'prevented' as const, errorCode: 'error-app-prevented', by: 'Guard' };
const completed = { outcome: 'completed' as const, errorCode: null, by: null };

describe('replay diff', () => {
  it('says which runs changed and how; unchanged ones are marked', () => {
    const rows = replayDiff(
      [
        { seq: 1, label: 'create #a', facts: completed },
        { seq: 3, label: 'create #b', facts: completed },
      ],
      [completed, prevented],
    );
    expect(rows.map((r) => r.changed)).toEqual([false, true]);
    expect(describeChange(rows[1]!)).toBe('run 3 was completed, now prevented by Guard');
    expect(describeChange(rows[0]!)).toBe('run 1: completed (unchanged)');
  });
  it('a run that could not be replayed counts as changed', () => {
    expect(replayDiff([{ seq: 2, label: 'x', facts: prevented }], [null])[0]).toMatchObject({ changed: true, now: 'not replayed' });
  });
});

describe('outcome facts', () => {
  it('names the app whose Prevent decided', () => {
    const at = 0;
    const call = { callId: 'c2', appId: 'guard', event: 'IPreRoomCreatePrevent' as const, method: 'executePreRoomCreatePrevent', role: 'execute' as const };
    const events: TraceEvent[] = [
      {
        type: 'run-start',
        runId: 'r1',
        at,
        action: { action: 'createRoom', name: 'x', type: 'c', creator: 'alice' },
        profile: 'current',
        timeoutMs: 1,
        origin: { kind: 'user' },
        plan: [{ kind: 'event', event: 'IPreRoomCreatePrevent', awaited: true, listeners: [{ appId: 'guard', name: 'Guard', loaded: true }], ignored: [] }],
      },
      { type: 'call-start', runId: 'r1', at, call, args: [] },
      { type: 'phase-end', runId: 'r1', at, event: 'IPreRoomCreatePrevent', summary: '', preventedBy: 'c2' },
      { type: 'outcome', runId: 'r1', at, outcome: 'prevented', error: { code: 'error-app-prevented', message: '' }, roomId: null, summary: '' },
    ];
    expect(outcomeText(outcomeFacts(events))).toBe('prevented by Guard');
    expect(outcomeText(outcomeFacts(events.slice(0, 2)))).toBe('running');
  });
});
