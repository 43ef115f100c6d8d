import { describe, expect, it } from 'vitest';
import { createAppStore } from './store.ts';

const action = { action: 'deleteRoom' as const, room: 'team' };

describe('inspect slice', () => {
  it('selecting a past run travels in time; the newest run is live; a new run goes back to live', () => {
    const store = createAppStore();
    const s = () => store.getState();
    s().startRun({ id: 'a', action, startedAt: 1, unloadable: [] });
    s().startRun({ id: 'b', action, startedAt: 2, unloadable: [] });
    expect(s().runs.map((r) => r.seq)).toEqual([1, 2]);
    s().selectRun('a');
    expect([s().selectedRunId, s().viewedRunId]).toEqual(['a', 'a']);
    s().selectNode('handler:x');
    s().selectRun('b');
    expect([s().selectedRunId, s().viewedRunId, s().selectedNodeId]).toEqual(['b', null, null]);
    s().selectRun('a');
    s().startRun({ id: 'c', action, startedAt: 3, unloadable: [] });
    expect([s().selectedRunId, s().viewedRunId]).toEqual([null, null]);
  });
  it('reveal requests get a new nonce each time; back to live clears compare', () => {
    const store = createAppStore();
    store.getState().requestReveal({ appId: 'x', file: 'A.ts', line: 3, column: 1 });
    const first = store.getState().revealRequest?.nonce;
    store.getState().requestReveal({ appId: 'x', file: 'A.ts', line: 3, column: 1 });
    expect(store.getState().revealRequest?.nonce).not.toBe(first);
    store.getState().setCompare('a');
    store.getState().backToLive();
    expect(store.getState().compareRunId).toBeNull();
  });
});
