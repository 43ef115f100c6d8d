/**
 * The edit-run loop: which world Run again / Ctrl+Enter / Replay session start from (the one the
 * run started from, by default, or the current one), live mode (after an edit settles the last
 * run is re-run in place) and what the last live re-run changed.
 */
import type { StateCreator } from 'zustand';
import type { StoreState } from './store.ts';

/** 'start': the world the run (or the session) started from; 'current': the live world as it is now. */
export type RerunWorld = 'start' | 'current';

export interface LiveNote {
  /** Number of the run re-run in place. */
  seq: number;
  /** "was completed, now prevented by Guard", or "same result: completed". */
  text: string;
  changed: boolean;
}

export interface RerunSlice {
  rerunWorld: RerunWorld;
  /** Live mode: after an edit settles, the last run is re-run from its starting world in place. */
  live: boolean;
  /** Why the last edit did not re-run (a run in progress, step mode...), or what it changed. */
  liveNote: LiveNote | null;
  liveSkipped: string | null;
  setRerunWorld(world: RerunWorld): void;
  setLive(on: boolean): void;
  setLiveNote(note: LiveNote | null): void;
  setLiveSkipped(reason: string | null): void;
}

export const LIVE_STORAGE_KEY = 'hookscope.live';

/**
 * Issue 14: on by default if a live re-run stays under 100 ms for 5 apps (debounce excluded).
 * bench/results/live.json: 96.0 and 90.8 ms median in two runs on the 2-core dev machine
 * (2026-12-03; it was 173 ms on 2026-12-02), so it is on.
 */
export const LIVE_ON_BY_DEFAULT = true;

/** Off by default in presenter mode (a demo runs only when asked); otherwise LIVE_ON_BY_DEFAULT, or the user's last choice. */
export function defaultLive(presenter: boolean, stored: string | null, onByDefault = LIVE_ON_BY_DEFAULT): boolean {
  if (presenter) return stored === 'presenter-on';
  return stored === null ? onByDefault : stored === 'on' || stored === 'presenter-on';
}

function storedLive(): string | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage.getItem(LIVE_STORAGE_KEY);
  } catch {
    return null;
  }
}

function presenterInUrl(): boolean {
  if (typeof location === 'undefined') return false;
  const params = new URLSearchParams(location.search);
  return params.has('present') || params.has('presenter');
}

export const createRerunSlice: StateCreator<StoreState, [], [], RerunSlice> = (set, get) => ({
  rerunWorld: 'start',
  live: defaultLive(presenterInUrl(), storedLive()),
  liveNote: null,
  liveSkipped: null,
  setRerunWorld: (rerunWorld) => set({ rerunWorld }),
  setLive: (live) => {
    set({ live, liveNote: null, liveSkipped: null });
    try {
      if (typeof localStorage !== 'undefined') localStorage.setItem(LIVE_STORAGE_KEY, get().presenter ? (live ? 'presenter-on' : 'off') : live ? 'on' : 'off');
    } catch {
      // Storage unavailable: the choice lasts for this page only.
    }
  },
  setLiveNote: (liveNote) => set({ liveNote, liveSkipped: null }),
  setLiveSkipped: (liveSkipped) => set({ liveSkipped }),
});
