/**
 * Sharing: a workspace waiting in the safe view (from a link, a file or the gallery: nothing of
 * it is loaded or run until the user says so), the problem with the last link or file, and the
 * world before each run (so "Export as a test" can start from it).
 */
import type { StateCreator } from 'zustand';
import type { WorldState } from '../engine/index.ts';
import type { PendingWorkspace } from '../share/payload.ts';
import type { StoreState } from './store.ts';

export interface ShareProblem {
  title: string;
  problems: string[];
}

/** Loading a reviewed workspace: what is happening now, or why it could not go on. */
export interface LoadProgress {
  text: string;
  error: string | null;
}

/** After Run on shared runs: the sender's result next to the one here, per run. */
export interface Reproduction {
  rows: { label: string; sender: string; here: string; same: boolean }[];
}

export interface ShareSlice {
  loadProgress: LoadProgress | null;
  reproduction: Reproduction | null;
  setLoadProgress(progress: LoadProgress | null): void;
  setReproduction(reproduction: Reproduction | null): void;
  pending: PendingWorkspace | null;
  shareProblem: ShareProblem | null;
  /** The world as it was when each run started, by the run's `startedAt`. */
  worldBeforeRun: Record<string, WorldState>;
  galleryOpen: boolean;
  /** The gallery example the workspace was loaded from (its guide shows the actions to try). */
  activeExampleId: string | null;
  setPending(pending: PendingWorkspace | null): void;
  setShareProblem(problem: ShareProblem | null): void;
  noteWorldBeforeRun(startedAt: number, world: WorldState, keep: number[]): void;
  setGalleryOpen(open: boolean): void;
  setActiveExample(id: string | null): void;
}

export const createShareSlice: StateCreator<StoreState, [], [], ShareSlice> = (set) => ({
  pending: null,
  shareProblem: null,
  loadProgress: null,
  reproduction: null,
  setLoadProgress: (loadProgress) => set({ loadProgress }),
  setReproduction: (reproduction) => set({ reproduction }),
  worldBeforeRun: {},
  galleryOpen: false,
  activeExampleId: null,
  setPending: (pending) => set({ pending }),
  setShareProblem: (shareProblem) => set({ shareProblem }),
  noteWorldBeforeRun: (startedAt, world, keep) =>
    set((s) => {
      const next: Record<string, WorldState> = {};
      for (const k of keep) if (s.worldBeforeRun[String(k)]) next[String(k)] = s.worldBeforeRun[String(k)]!;
      next[String(startedAt)] = world;
      return { worldBeforeRun: next };
    }),
  setGalleryOpen: (galleryOpen) => set({ galleryOpen }),
  setActiveExample: (activeExampleId) => set({ activeExampleId }),
});
