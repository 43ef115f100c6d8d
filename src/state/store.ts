/** The one zustand store, built from typed slices. Components subscribe through selectors.ts. */
import { create } from 'zustand';
import { createRunsSlice, type RunsSlice } from './runs-slice.ts';
import { createUiSlice, type UiSlice } from './ui-slice.ts';
import { createWorkspaceSlice, type WorkspaceSlice } from './workspace-slice.ts';

export type StoreState = WorkspaceSlice & UiSlice & RunsSlice;

export function createAppStore() {
  return create<StoreState>()((...a) => ({
    ...createWorkspaceSlice(...a),
    ...createUiSlice(...a),
    ...createRunsSlice(...a),
  }));
}

export type AppStore = ReturnType<typeof createAppStore>;

/** The store the page uses. Tests build their own with createAppStore(). */
export const useStore = createAppStore();
