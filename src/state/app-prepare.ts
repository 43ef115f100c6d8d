/**
 * What the engine installs for a workspace app can be more than the app itself: under
 * `hookscope dev` the app folder's bundle (made by the dev server from the folder's
 * node_modules) goes in beside the sources the editor shows, as `hookscope run` loads it. A
 * preparer says, per app, what it adds (`prepare`) and what that depends on besides the app
 * (`key`: a change reloads the app); the controller asks it before every load.
 */
import type { WorkspaceApp } from '../workspace/types.ts';

export interface AppPreparer {
  /** Part of the app's fingerprint: when it changes, the controller loads the app again. */
  key(app: WorkspaceApp): string;
  /** The app as the engine installs it; a rejection is the app's load error. */
  prepare(app: WorkspaceApp): Promise<WorkspaceApp>;
}

let current: AppPreparer | null = null;
const listeners = new Set<() => void>();

export function setAppPreparer(preparer: AppPreparer | null): void {
  current = preparer;
  for (const l of listeners) l();
}

/** Told when the preparer or what its keys depend on changed (the controller syncs again). */
export function onPreparerChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The preparer's inputs changed (e.g. a new bundle from the folder): apps whose key changed reload. */
export function preparerChanged(): void {
  for (const l of listeners) l();
}

export function preparedKey(app: WorkspaceApp): string {
  return current?.key(app) ?? '';
}

export function prepareApp(app: WorkspaceApp): Promise<WorkspaceApp> {
  return current ? current.prepare(app) : Promise.resolve(app);
}

/** The apps as the engine installs them, for scratch engines (replay, compare); an app that cannot be prepared is left out, as the live engine leaves it out. */
export async function prepareApps(apps: WorkspaceApp[]): Promise<WorkspaceApp[]> {
  const out = await Promise.all(apps.map((a) => prepareApp(a).catch(() => null)));
  return out.filter((a): a is WorkspaceApp => a !== null);
}
