/** The one zustand store, built from typed slices. Components subscribe through selectors.ts. */
import { create } from 'zustand';
import { createInspectSlice, type InspectSlice } from './inspect-slice.ts';
import { createRerunSlice, type RerunSlice } from './rerun-slice.ts';
import { createRunsSlice, type RunsSlice } from './runs-slice.ts';
import { createShareSlice, type ShareSlice } from './share-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type StoreState = WorkspaceSlice & UiSlice & RunsSlice & InspectSlice & ShareSlice & RerunSlice;

export function createAppStore() {
  return create<StoreState>()((...a) => ({
    ...createWorkspaceSlice(...a),
    ...createUiSlice(...a),
    ...createRunsSlice(...a),
    ...createShareSlice(...a),
    ...createInspectSlice(...a),
    ...createRerunSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The store the page uses. Tests build their own with createAppStore(). */
export const useStore = createAppStore();
