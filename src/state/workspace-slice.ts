/**
 * The workspace: apps (in listener order), the world, runtime settings, action drafts and what
 * the engine reported about each app. Everything here but `appStatus` is autosaved.
 */
import type { StateCreator } from 'zustand';
import { ownValue, setOwn, type WorldState } from '../engine/index.ts';
import { withFile, withFileRenamed, withMeta, withoutFile, type AppMeta } from '../workspace/app-files.ts';
import { defaultWorkspace } from '../workspace/default-workspace.ts';
import type { StoreState } from './store.ts';
import type { ActionDrafts, AppStatus, RuntimeSettings, Workspace, WorkspaceApp } from '../workspace/types.ts';

export interface WorkspaceSlice extends Workspace {
  appStatus: Record<string, AppStatus>;
  loadWorkspace(ws: Workspace): void;
  addApp(app: WorkspaceApp): void;
  /** Puts `app` in the place of app `id` (same listener position); used by "replace" on import. */
  replaceApp(id: string, app: WorkspaceApp): void;
  removeApp(id: string): void;
  setAppMeta(id: string, meta: AppMeta): void;
  /** Enabling appends the app to the end of the listener order, as Rocket.Chat does. */
  setEnabled(id: string, enabled: boolean): void;
  moveApp(id: string, toIndex: number): void;
  setFile(appId: string, path: string, text: string): void;
  /** Writes (or with null deletes) bundle files (`__bundle__/`) only, made in the page (app-bundle.ts). */
  setBundleFiles(appId: string, files: Record<string, string | null>): void;
  addFile(appId: string, path: string, text?: string): void;
  renameFile(appId: string, from: string, to: string): void;
  deleteFile(appId: string, path: string): void;
  setWorld(world: WorldState): void;
  setSettings(patch: Partial<RuntimeSettings>): void;
  setDraft<K extends keyof ActionDrafts>(key: K, draft: ActionDrafts[K]): void;
  setAppStatus(status: Record<string, AppStatus>): void;
}

export const createWorkspaceSlice: StateCreator<StoreState, [], [], WorkspaceSlice> = (set, get) => {
  const mapApp = (id: string, fn: (app: WorkspaceApp) => WorkspaceApp) => set((s) => ({ apps: s.apps.map((a) => (a.id === id ? fn(a) : a)) }));

  /** When an app's id changes, selection and status follow it. */
  const renameId = (from: string, to: string) => {
    if (from === to) return;
    set((s) => {
      const status = { ...s.appStatus };
      const moved = ownValue(status, from);
      if (moved) setOwn(status, to, moved);
      delete status[from];
      return { appStatus: status, selectedAppId: s.selectedAppId === from ? to : s.selectedAppId };
    });
  };

  return {
    ...defaultWorkspace(),
    appStatus: {},
    loadWorkspace: (ws) => set({ ...ws, appStatus: {} }),
    addApp: (app) => set((s) => ({ apps: [...s.apps, app] })),
    replaceApp: (id, app) =>
      set((s) => {
        const status = { ...s.appStatus };
        delete status[id];
        return { apps: s.apps.map((a) => (a.id === id ? app : a)), appStatus: status };
      }),
    removeApp: (id) =>
      set((s) => {
        const status = { ...s.appStatus };
        delete status[id];
        return { apps: s.apps.filter((a) => a.id !== id), appStatus: status };
      }),
    setAppMeta: (id, meta) => {
      if (meta.id !== id && get().apps.some((a) => a.id === meta.id)) throw new Error(`another app already has the id "${meta.id}"`);
      mapApp(id, (a) => withMeta(a, meta));
      renameId(id, meta.id);
    },
    setEnabled: (id, enabled) =>
      set((s) => {
        const app = s.apps.find((a) => a.id === id);
        if (!app || app.enabled === enabled) return {};
        const next = { ...app, enabled };
        const rest = s.apps.filter((a) => a.id !== id);
        return { apps: enabled ? [...rest, next] : s.apps.map((a) => (a.id === id ? next : a)) };
      }),
    moveApp: (id, toIndex) =>
      set((s) => {
        const from = s.apps.findIndex((a) => a.id === id);
        if (from < 0) return {};
        const to = Math.max(0, Math.min(s.apps.length - 1, toIndex));
        if (to === from) return {};
        const apps = [...s.apps];
        const [app] = apps.splice(from, 1);
        apps.splice(to, 0, app!);
        return { apps };
      }),
    setFile: (appId, path, text) => {
      const taken = get()
        .apps.filter((a) => a.id !== appId)
        .map((a) => a.id);
      let newId = appId;
      mapApp(appId, (a) => {
        const next = withFile(a, path, text, taken);
        newId = next.id;
        return next;
      });
      renameId(appId, newId);
    },
    setBundleFiles: (appId, entries) =>
      mapApp(appId, (a) => {
        const files = { ...a.files };
        for (const [path, text] of Object.entries(entries)) {
          if (!path.startsWith('__bundle__/')) continue;
          if (text === null) delete files[path];
          else files[path] = text;
        }
        return { ...a, files };
      }),
    addFile: (appId, path, text = '') => mapApp(appId, (a) => (a.files[path] === undefined ? { ...a, files: { ...a.files, [path]: text } } : a)),
    renameFile: (appId, from, to) => mapApp(appId, (a) => withFileRenamed(a, from, to)),
    deleteFile: (appId, path) => mapApp(appId, (a) => withoutFile(a, path)),
    setWorld: (world) => set({ world }),
    setSettings: (patch) => set((s) => ({ settings: { ...s.settings, ...patch } })),
    setDraft: (key, draft) => set((s) => ({ drafts: { ...s.drafts, [key]: draft } })),
    setAppStatus: (status) => set({ appStatus: status }),
  };
};
