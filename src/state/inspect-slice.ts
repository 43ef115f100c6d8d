/**
 * The Run area's state: which run (and which of the runs apps started inside it) is shown, the
 * selected node, time travel (`viewedRunId`: the World tab shows that run's world read-only),
 * compare, the console filter, editor reveal requests, step-through and replay results.
 */
import type { StateCreator } from 'zustand';
import type { CallRef } from '../engine/index.ts';
import type { StoreState } from './store.ts';

export type CenterTab = 'graph' | 'console' | 'replay';
/** 'full': no delay; otherwise a delay of SLOW_MOTION_BASE_MS / speed before each handler. */
export type Speed = 'full' | '0.25' | '0.5' | '1' | '2';
export const SLOW_MOTION_BASE_MS = 800;

export interface RevealRequest {
  appId: string;
  file: string;
  line: number;
  column: number;
  /** Changes on every request, so revealing the same line twice works. */
  nonce: number;
}

export interface LogFilter {
  runId: string;
  callIds: string[];
  /** "Guard · executePreRoomCreatePrevent" */
  label: string;
}

export interface StepState {
  enabled: boolean;
  speed: Speed;
  /** The handler call waiting for Step, if any. */
  waiting: CallRef | null;
}

export interface ReplayRow {
  seq: number;
  label: string;
  before: string;
  now: string;
  changed: boolean;
}

export interface ReplayState {
  status: 'running' | 'done' | 'failed';
  done: number;
  total: number;
  rows: ReplayRow[];
  /** Run number replay started from (older runs no longer have the world before them). */
  fromSeq: number | null;
  error: string | null;
}

export interface InspectSlice {
  /** The run shown in the Run area; null follows the newest run. */
  selectedRunId: string | null;
  /** A run apps started inside the shown run (its chip); null shows the user's run itself. */
  graphRunId: string | null;
  selectedNodeId: string | null;
  compareRunId: string | null;
  /** Time travel: the World tab shows this run's world (read-only); null is the live world. */
  viewedRunId: string | null;
  centerTab: CenterTab;
  logFilter: LogFilter | null;
  revealRequest: RevealRequest | null;
  step: StepState;
  replay: ReplayState | null;
  selectRun(id: string | null): void;
  selectGraphRun(id: string | null): void;
  selectNode(id: string | null): void;
  setCompare(id: string | null): void;
  backToLive(): void;
  setCenterTab(tab: CenterTab): void;
  setLogFilter(filter: LogFilter | null): void;
  requestReveal(req: Omit<RevealRequest, 'nonce'>): void;
  patchStep(patch: Partial<StepState>): void;
  setReplay(replay: ReplayState | null): void;
}

export const createInspectSlice: StateCreator<StoreState, [], [], InspectSlice> = (set, get) => ({
  selectedRunId: null,
  graphRunId: null,
  selectedNodeId: null,
  compareRunId: null,
  viewedRunId: null,
  centerTab: 'graph',
  logFilter: null,
  revealRequest: null,
  step: { enabled: false, speed: 'full', waiting: null },
  replay: null,
  selectRun: (id) => {
    const latest = get().runs[get().runs.length - 1]?.id ?? null;
    set((s) => ({
      selectedRunId: id,
      viewedRunId: id !== null && id !== latest ? id : null,
      graphRunId: null,
      selectedNodeId: null,
      logFilter: null,
      compareRunId: s.compareRunId === id ? null : s.compareRunId,
    }));
  },
  selectGraphRun: (graphRunId) => set({ graphRunId, selectedNodeId: null }),
  selectNode: (selectedNodeId) => set({ selectedNodeId }),
  setCompare: (compareRunId) => set({ compareRunId }),
  backToLive: () => set({ selectedRunId: null, viewedRunId: null, graphRunId: null, selectedNodeId: null, compareRunId: null }),
  setCenterTab: (centerTab) => set({ centerTab }),
  setLogFilter: (logFilter) => set({ logFilter }),
  requestReveal: (req) => set((s) => ({ revealRequest: { ...req, nonce: (s.revealRequest?.nonce ?? 0) + 1 } })),
  patchStep: (patch) => set((s) => ({ step: { ...s.step, ...patch } })),
  setReplay: (replay) => set(replay ? { replay, centerTab: 'replay' } : { replay }),
});
