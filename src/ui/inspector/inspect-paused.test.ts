import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine/trace.ts';
import type { HandlerNode } from '../../graph/types.ts';
import { inspect } from './inspect.ts';

const call = { callId: 'c1', appId: 'guard', event: 'IPreRoomCreatePrevent' as const, method: 'executePreRoomCreatePrevent', role: 'execute' as const };
const node = {
  kind: 'handler',
  id: 'handler:IPreRoomCreatePrevent:guard',
  event: 'IPreRoomCreatePrevent',
  appId: 'guard',
  appName: 'Guard',
  method: call.method,
  state: 'paused',
  detail: '',
  says: '',
  decisive: false,
  callIds: [],
  awaited: true,
} as unknown as HandlerNode;
const args = [{ room: { slugifiedName: 'book-club' } }, '<read>'];

describe('inspect: step mode', () => {
  it('a paused call is listed with the arguments it will receive, before it starts', () => {
    const events: TraceEvent[] = [{ type: 'call-paused', runId: 'r1', at: 1, call, args }];
    expect(inspect(events, node).calls).toEqual([{ callId: 'c1', role: 'execute', method: call.method, args, status: 'paused', effect: '', durationMs: 0 }]);
  });

  it('once the call started it is listed once, from call-start and call-end (with the cold start apart)', () => {
    const events: TraceEvent[] = [
      { type: 'call-paused', runId: 'r1', at: 1, call, args },
      { type: 'call-start', runId: 'r1', at: 2, call, args },
      { type: 'call-end', runId: 'r1', at: 3, call, status: 'returned', durationMs: 3, loadMs: 410, firstCall: true, result: false, effect: 'not prevented' },
    ];
    const started = { ...node, state: 'returned', callIds: ['c1'] } as HandlerNode;
    expect(inspect(events, started).calls).toEqual([
      {
        callId: 'c1',
        role: 'execute',
        method: call.method,
        args,
        status: 'returned',
        effect: 'not prevented',
        durationMs: 3,
        loadMs: 410,
        firstCall: true,
        result: false,
      },
    ]);
  });

  it('a paused call of another app is not shown', () => {
    const events: TraceEvent[] = [{ type: 'call-paused', runId: 'r1', at: 1, call: { ...call, appId: 'other' }, args }];
    expect(inspect(events, node).calls).toEqual([]);
  });
});
