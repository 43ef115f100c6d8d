/**
 * History of runs: each user-triggered action with its trace events (and those of runs apps
 * started from inside it), the host's answer and the world after. Newest last; capped (run-memory.ts).
 */
import type { StateCreator } from 'zustand';
import type { ActionInput, TraceEvent, WorldState } from '../engine/index.ts';
import type { StoreState } from './store.ts';
import { capRuns, compactWorlds, MAX_RUNS } from './run-memory.ts';
import type { PreviousResult, RunRecord, RunSummary } from '../workspace/types.ts';

export interface StartRunOptions {
  /** Live mode: the new run takes this run's place (and number) in the history. */
  replaceId?: string;
  /** The result the run repeats (Run again, live mode). */
  previous?: PreviousResult;
}

export { MAX_RUNS };
export const MAX_CONSOLE = 500;

export interface RunsSlice {
  runs: RunRecord[];
  /** Events that belong to no user run (runtime problems, worker restarts, detached logs). */
  consoleEvents: TraceEvent[];
  lastAction: ActionInput | null;
  /** Apps whose workers still run code with no call in progress (left-over timers): Stop stays offered for them. */
  lingeringApps: string[];
  setLingeringApps(ids: string[]): void;
  /** The number the next run gets (run #1, #2...). */
  nextRunSeq: number;
  /** A new user run: the Run area follows it (selection back to live). */
  startRun(record: Pick<RunRecord, 'id' | 'action' | 'startedAt' | 'unloadable'>, options?: StartRunOptions): void;
  /** Runs recorded elsewhere (a share link), shown as they were; numbered from 1. */
  importRuns(runs: RunRecord[]): void;
  /** Renames a run once the engine told its runId. */
  setRunId(localId: string, runId: string): void;
  addChildRun(runId: string, childRunId: string): void;
  appendEvents(runId: string, events: TraceEvent[]): void;
  appendConsole(events: TraceEvent[]): void;
  answerRun(runId: string, result: RunSummary, world: WorldState): void;
  settleRun(runId: string, world: WorldState): void;
  crashRun(runId: string, message: string): void;
  patchRun(runId: string, patch: Partial<Pick<RunRecord, 'unloadable' | 'worldBefore'>>): void;
  clearRuns(): void;
}

export const createRunsSlice: StateCreator<StoreState, [], [], RunsSlice> = (set) => {
  const mapRun = (id: string, fn: (r: RunRecord) => RunRecord) => set((s) => ({ runs: s.runs.map((r) => (r.id === id ? fn(r) : r)) }));
  return {
    runs: [],
    consoleEvents: [],
    lastAction: null,
    lingeringApps: [],
    setLingeringApps: (lingeringApps) => set({ lingeringApps }),
    nextRunSeq: 1,
    startRun: (record, options = {}) =>
      set((s) => {
        const replaced = options.replaceId !== undefined ? s.runs.find((r) => r.id === options.replaceId) : undefined;
        const next: RunRecord = {
          ...record,
          seq: replaced?.seq ?? s.nextRunSeq,
          state: 'running' as const,
          result: null,
          childRunIds: [],
          events: [],
          worldBefore: null,
          worldAfter: null,
          ...(options.previous ? { previous: options.previous } : {}),
        };
        return {
          lastAction: record.action,
          nextRunSeq: replaced ? s.nextRunSeq : s.nextRunSeq + 1,
          runs: replaced ? s.runs.map((r) => (r === replaced ? next : r)) : capRuns([...s.runs, next]),
          selectedRunId: null,
          viewedRunId: null,
          graphRunId: null,
          selectedNodeId: null,
          logFilter: null,
          centerTab: s.centerTab === 'replay' ? 'graph' : s.centerTab,
        };
      }),
    importRuns: (runs) =>
      set((s) => ({
        runs: capRuns([...s.runs, ...runs.map((r, i) => ({ ...r, seq: s.nextRunSeq + i }))]),
        nextRunSeq: s.nextRunSeq + runs.length,
        lastAction: runs.at(-1)?.action ?? s.lastAction,
      })),
    setRunId: (localId, runId) => mapRun(localId, (r) => ({ ...r, id: runId })),
    addChildRun: (runId, child) => mapRun(runId, (r) => ({ ...r, childRunIds: [...r.childRunIds, child] })),
    appendEvents: (runId, events) => mapRun(runId, (r) => ({ ...r, events: [...r.events, ...events] })),
    appendConsole: (events) => set((s) => ({ consoleEvents: [...s.consoleEvents, ...events].slice(-MAX_CONSOLE) })),
    answerRun: (runId, result, world) => {
      mapRun(runId, (r) => ({ ...r, state: r.state === 'settled' ? 'settled' : 'answered', result, worldAfter: world }));
      set((s) => ({ runs: compactWorlds(s.runs) }));
    },
    settleRun: (runId, world) => mapRun(runId, (r) => (r.worldDropped ? { ...r, state: 'settled' } : { ...r, state: 'settled', worldAfter: world })),
    crashRun: (runId, message) => mapRun(runId, (r) => ({ ...r, state: 'crashed', crash: message })),
    patchRun: (runId, patch) => mapRun(runId, (r) => ({ ...r, ...patch })),
    clearRuns: () =>
      set({
        runs: [],
        consoleEvents: [],
        nextRunSeq: 1,
        selectedRunId: null,
        viewedRunId: null,
        graphRunId: null,
        selectedNodeId: null,
        compareRunId: null,
        logFilter: null,
      }),
  };
};
