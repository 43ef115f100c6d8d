/**
 * History of runs: each user-triggered action with its trace events (and those of runs apps
 * started from inside it), the host's answer and the world after. Newest last; capped.
 */
import type { StateCreator } from 'zustand';
import type { ActionInput } from '../engine/host/actions.ts';
import type { TraceEvent } from '../engine/trace.ts';
import type { WorldState } from '../engine/world/types.ts';
import type { StoreState } from './store.ts';
import type { RunRecord, RunSummary } from './types.ts';

export const MAX_RUNS = 50;
export const MAX_CONSOLE = 500;

export interface RunsSlice {
  runs: RunRecord[];
  /** Events that belong to no user run (runtime problems, worker restarts, detached logs). */
  consoleEvents: TraceEvent[];
  lastAction: ActionInput | null;
  startRun(record: Pick<RunRecord, 'id' | 'action' | 'startedAt' | 'unloadable'>): void;
  /** Renames a run once the engine told its runId. */
  setRunId(localId: string, runId: string): void;
  addChildRun(runId: string, childRunId: string): void;
  appendEvents(runId: string, events: TraceEvent[]): void;
  appendConsole(events: TraceEvent[]): void;
  answerRun(runId: string, result: RunSummary, world: WorldState): void;
  settleRun(runId: string, world: WorldState): void;
  crashRun(runId: string, message: string): void;
  patchRun(runId: string, patch: Partial<Pick<RunRecord, 'unloadable'>>): void;
  clearRuns(): void;
}

export const createRunsSlice: StateCreator<StoreState, [], [], RunsSlice> = (set) => {
  const mapRun = (id: string, fn: (r: RunRecord) => RunRecord) => set((s) => ({ runs: s.runs.map((r) => (r.id === id ? fn(r) : r)) }));
  return {
    runs: [],
    consoleEvents: [],
    lastAction: null,
    startRun: (record) =>
      set((s) => ({
        lastAction: record.action,
        runs: [...s.runs, { ...record, state: 'running' as const, result: null, childRunIds: [], events: [], worldAfter: null }].slice(-MAX_RUNS),
      })),
    setRunId: (localId, runId) => mapRun(localId, (r) => ({ ...r, id: runId })),
    addChildRun: (runId, child) => mapRun(runId, (r) => ({ ...r, childRunIds: [...r.childRunIds, child] })),
    appendEvents: (runId, events) => mapRun(runId, (r) => ({ ...r, events: [...r.events, ...events] })),
    appendConsole: (events) => set((s) => ({ consoleEvents: [...s.consoleEvents, ...events].slice(-MAX_CONSOLE) })),
    answerRun: (runId, result, world) => mapRun(runId, (r) => ({ ...r, state: r.state === 'settled' ? 'settled' : 'answered', result, worldAfter: world })),
    settleRun: (runId, world) => mapRun(runId, (r) => ({ ...r, state: 'settled', worldAfter: world })),
    crashRun: (runId, message) => mapRun(runId, (r) => ({ ...r, state: 'crashed', crash: message })),
    patchRun: (runId, patch) => mapRun(runId, (r) => ({ ...r, ...patch })),
    clearRuns: () => set({ runs: [], consoleEvents: [] }),
  };
};
