import { describe, expect, it } from 'vitest';
import type { TraceEvent } from '../../engine/trace.ts';
import { nextRowId, toRows } from '../history/history-filter.ts';
import { filterByCalls, nodeOfCall, resolveAppFile } from './run-view.ts';

const call = { callId: 'c1', appId: 'guard', event: 'IPreRoomCreatePrevent' as const, method: 'executePreRoomCreatePrevent', role: 'execute' as const };
const events: TraceEvent[] = [
  { type: 'call-start', runId: 'r2', at: 0, call, args: [] },
  { type: 'log', runId: 'r2', at: 0, callId: 'c1', appId: 'guard', level: 'info', source: 'logger', args: [] },
  { type: 'log', runId: 'r2', at: 0, callId: 'c9', appId: 'other', level: 'info', source: 'logger', args: [] },
  { type: 'commit', runId: 'r2', at: 0, what: 'room-created', roomId: 'x', room: {} },
];

describe('node <-> log linking', () => {
  it('filters the console to a node’s calls and finds the node of a log line', () => {
    expect(filterByCalls(events, ['c1']).map((e) => e.type)).toEqual(['call-start', 'log']);
    expect(nodeOfCall(events, 'c1')).toEqual({ runId: 'r2', nodeId: 'handler:IPreRoomCreatePrevent:guard' });
    expect(nodeOfCall(events, 'nope')).toBeNull();
  });
  it('resolves stack-frame file names to the app’s files', () => {
    const app = { files: { 'Guard.ts': '', 'lib/words.ts': '' } };
    expect(resolveAppFile(app, 'Guard.ts')).toBe('Guard.ts');
    expect(resolveAppFile(app, 'app/lib/words.ts')).toBe('lib/words.ts');
    expect(resolveAppFile(app, './Guard.ts')).toBe('Guard.ts');
    expect(resolveAppFile(app, 'Other.ts')).toBeNull();
  });
});

describe('history rows and keys', () => {
  it('numbers rows by run number, newest first; arrows move within bounds', () => {
    const base = { action: { action: 'deleteRoom' as const, room: 'x' }, startedAt: 0, state: 'settled' as const, result: null, events: [] };
    const rows = toRows([
      { ...base, id: 'a', seq: 7 },
      { ...base, id: 'b', seq: 8 },
    ]);
    expect(rows.map((r) => [r.id, r.index + 1])).toEqual([
      ['b', 8],
      ['a', 7],
    ]);
    expect(nextRowId(rows, 'b', 'ArrowDown')).toBe('a');
    expect(nextRowId(rows, 'a', 'ArrowDown')).toBe('a');
    expect(nextRowId(rows, 'a', 'Home')).toBe('b');
    expect(nextRowId(rows, null, 'ArrowUp')).toBe('b');
    expect(nextRowId(rows, 'a', 'x')).toBeNull();
  });
});
