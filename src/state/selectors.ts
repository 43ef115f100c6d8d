/**
 * Module-level selectors: components subscribe to the smallest slice they need. Selectors that
 * build new arrays are used with `useShallow`.
 */
import type { StoreState } from './store.ts';
import { ownValue } from '../engine/index.ts';
import type { AppStatus, RunRecord, WorkspaceApp } from '../workspace/types.ts';

export const selectApps = (s: StoreState): WorkspaceApp[] => s.apps;
export const selectAppIds = (s: StoreState): string[] => s.apps.map((a) => a.id);
export const selectSelectedAppId = (s: StoreState) => s.selectedAppId;
export const selectSelectedApp = (s: StoreState): WorkspaceApp | null => s.apps.find((a) => a.id === s.selectedAppId) ?? s.apps[0] ?? null;
export const selectAppById =
  (id: string) =>
  (s: StoreState): WorkspaceApp | undefined =>
    s.apps.find((a) => a.id === id);
export const selectAppStatus =
  (id: string) =>
  (s: StoreState): AppStatus | undefined =>
    ownValue(s.appStatus, id);
export const selectWorld = (s: StoreState) => s.world;
export const selectUsernames = (s: StoreState): string[] => s.world.users.map((u) => u.username);
export const selectRoomNames = (s: StoreState): string[] => s.world.rooms.map((r) => r.slugifiedName);
export const selectSettings = (s: StoreState) => s.settings;
export const selectTheme = (s: StoreState) => s.theme;
export const selectDrafts = (s: StoreState) => s.drafts;
export const selectActionTab = (s: StoreState) => s.actionTab;
export const selectSideTab = (s: StoreState) => s.sideTab;
export const selectRuns = (s: StoreState): RunRecord[] => s.runs;
export const selectLatestRun = (s: StoreState): RunRecord | null => s.runs[s.runs.length - 1] ?? null;
export const selectLastAction = (s: StoreState) => s.lastAction;
export const selectConsole = (s: StoreState) => s.consoleEvents;
export const selectStorageProblem = (s: StoreState) => s.storageProblem;

/** The open file of the selected app (its class file until another is picked). */
export const selectOpenPath = (s: StoreState): string | null => {
  const app = selectSelectedApp(s);
  if (!app) return null;
  const path = s.openFile[app.id];
  return path !== undefined && app.files[path] !== undefined ? path : app.classFile;
};
