/** UI state: selection, theme, which tabs are open, problems to tell the user about. */
import type { StateCreator } from 'zustand';
import type { ImportPlan } from '../workspace/import-project.ts';
import type { StoreState } from './store.ts';
import type { ActionTab, Theme } from '../workspace/types.ts';

export type SideTab = 'actions' | 'world';

export interface UiSlice {
  selectedAppId: string | null;
  /** The open file per app id. */
  openFile: Record<string, string>;
  theme: Theme;
  actionTab: ActionTab;
  sideTab: SideTab;
  quickSwitcherOpen: boolean;
  /** Set when the saved workspace could not be read (kept under a backup key) or saving failed. */
  storageProblem: string | null;
  /** Whether the app runtime (sandboxed workers) is up. */
  runtime: { state: 'starting' | 'ready' | 'unavailable'; message: string | null };
  /** Presenter mode: everything larger, less chrome, more contrast (`?present` opens in it). */
  presenter: boolean;
  setPresenter(on: boolean): void;
  /** The run area fills the window (the Apps | editor | Action row is collapsed): for a demo. */
  runFocused: boolean;
  setRunFocused(on: boolean): void;
  /** Bumped to ask the editor to take focus (Ctrl/Cmd+E). */
  editorFocusRequest: number;
  /** A project read from disk, waiting for the user to confirm the import. */
  pendingImport: ImportPlan | null;
  setPendingImport(plan: ImportPlan | null): void;
  selectApp(id: string | null): void;
  openFileOf(appId: string, path: string): void;
  setTheme(theme: Theme): void;
  setActionTab(tab: ActionTab): void;
  setSideTab(tab: SideTab): void;
  setQuickSwitcher(open: boolean): void;
  setStorageProblem(problem: string | null): void;
  requestEditorFocus(): void;
  setRuntime(runtime: UiSlice['runtime']): void;
}

/** `?present` (or `?presenter`) in the page URL opens straight into presenter mode. */
function presenterFromUrl(): boolean {
  if (typeof location === 'undefined') return false;
  const params = new URLSearchParams(location.search);
  return params.has('present') || params.has('presenter');
}

function preferredTheme(): Theme {
  if (typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: light)').matches) return 'light';
  return 'dark';
}

export const createUiSlice: StateCreator<StoreState, [], [], UiSlice> = (set) => ({
  selectedAppId: 'banned-words',
  presenter: presenterFromUrl(),
  setPresenter: (presenter) => set({ presenter }),
  runFocused: false,
  setRunFocused: (runFocused) => set({ runFocused }),
  openFile: {},
  theme: preferredTheme(),
  actionTab: 'createRoom',
  sideTab: 'actions',
  quickSwitcherOpen: false,
  storageProblem: null,
  editorFocusRequest: 0,
  pendingImport: null,
  setPendingImport: (pendingImport) => set({ pendingImport }),
  runtime: { state: 'starting', message: null },
  selectApp: (id) => set({ selectedAppId: id }),
  openFileOf: (appId, path) => set((s) => ({ selectedAppId: appId, openFile: { ...s.openFile, [appId]: path } })),
  setTheme: (theme) => set({ theme }),
  setActionTab: (actionTab) => set({ actionTab, sideTab: 'actions' }),
  setSideTab: (sideTab) => set({ sideTab }),
  setQuickSwitcher: (quickSwitcherOpen) => set({ quickSwitcherOpen }),
  setStorageProblem: (storageProblem) => set({ storageProblem }),
  setRuntime: (runtime) => set({ runtime }),
  requestEditorFocus: () => set((s) => ({ editorFocusRequest: s.editorFocusRequest + 1 })),
});
