import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../state/store.ts';
import { escWouldStop, stopHint } from './run-control.ts';

describe('Stop is offered for a run in progress and for apps whose timers keep running', () => {
  it('names the lingering apps when no run is in progress', () => {
    expect(stopHint(['Ticker'], false)).toMatch(/^Stop the timers Ticker keeps running with no call in progress: its worker is terminated/);
    expect(stopHint(['A', 'B'], false)).toMatch(/^Stop the timers A, B keep running .*their workers are terminated/);
    expect(stopHint(['Ticker'], true)).toMatch(/^Stop the handler that is running/);
    expect(stopHint([], false)).toMatch(/^Stop the handler that is running/);
  });

  it('Esc stops at once for lingering apps, and only after a while for a run', () => {
    const store = createAppStore();
    expect(escWouldStop(store.getState(), 0)).toBe(false);
    store.getState().setLingeringApps(['ticker']);
    expect(escWouldStop(store.getState(), 0)).toBe(true);
    store.getState().setLingeringApps([]);
    store.getState().startRun({ id: 'local:1', action: { action: 'createRoom', name: 'x', type: 'c', creator: 'alice' }, startedAt: 1_000, unloadable: [] });
    expect(escWouldStop(store.getState(), 1_100)).toBe(false);
    expect(escWouldStop(store.getState(), 1_300)).toBe(true);
  });
});
