/**
 * `loadApp(dir)`: the app in a folder as the engine installs it, and `resolveScenarioApps`: a
 * scenario's apps with every `path` entry read from disk (relative to the scenario's folder) and
 * `--app <dir>` put in place of the app it matches.
 */
import { resolve } from 'node:path';
import type { AppDefinition } from '../engine/apps/app-manifest.ts';
import { appDefinition } from '../scenario/to-engine.ts';
import { isPathApp, type Scenario, type PathApp } from '../scenario/schema.ts';
import { AppLoadError, loadAppFolder, toAppDefinition } from '../bundle/index.ts';
import { AppFolderError } from './read-app-folder.ts';

export { AppFolderError } from './read-app-folder.ts';

/**
 * Reads the app project in `dir` as the server gets it: app.json, and its classFile bundled with
 * esbuild from the folder's own node_modules (the Apps-Engine left to the runtime), honouring
 * `.rcappsconfig` `ignoredFiles`. Throws AppFolderError naming the file, line and module.
 */
export async function loadApp(dir: string): Promise<AppDefinition> {
  try {
    return toAppDefinition(await loadAppFolder(resolve(dir)));
  } catch (err) {
    if (err instanceof AppLoadError) throw new AppFolderError(err.message);
    throw err;
  }
}

function withOverrides(def: AppDefinition, entry: PathApp): AppDefinition {
  const next: AppDefinition = { ...def, enabled: entry.enabled };
  if (entry.id !== undefined) next.id = entry.id;
  if (entry.name !== undefined) next.name = entry.name;
  if (entry.nameSlug !== undefined) next.nameSlug = entry.nameSlug;
  if (entry.version !== undefined) next.version = entry.version;
  if (entry.description !== undefined) next.description = entry.description;
  if (entry.essentials !== undefined) next.essentials = entry.essentials;
  return next;
}

export interface ResolveOptions {
  /** The folder `path` entries are relative to (the scenario file's folder). */
  baseDir: string;
  /**
   * `--app <dir>`: this folder's app replaces the scenario's app with the same id (or its only
   * app); a scenario without apps gets it as its one app.
   */
  appDir?: string;
  load?: (dir: string) => Promise<AppDefinition>;
}

/** The scenario's apps as the engine installs them. Throws AppFolderError naming the folder and why. */
export async function resolveScenarioApps(scenario: Scenario, options: ResolveOptions): Promise<AppDefinition[]> {
  const load = options.load ?? loadApp;
  const apps: AppDefinition[] = [];
  for (const [i, entry] of scenario.apps.entries()) {
    if (!isPathApp(entry)) {
      apps.push(appDefinition(entry));
      continue;
    }
    const dir = resolve(options.baseDir, entry.path);
    try {
      apps.push(withOverrides(await load(dir), entry));
    } catch (err) {
      throw new AppFolderError(`apps[${i}] (path "${entry.path}"): ${(err as Error).message}`);
    }
  }
  if (options.appDir === undefined) return apps;
  const own = await load(resolve(options.appDir));
  if (apps.length === 0) return [own];
  const same = apps.findIndex((a) => a.id === own.id);
  const at = same >= 0 ? same : apps.length === 1 ? 0 : -1;
  if (at < 0)
    throw new AppFolderError(`--app ${options.appDir}: its app.json id "${own.id}" matches none of the scenario's apps (${apps.map((a) => a.id).join(', ')})`);
  const replaced = apps[at]!;
  apps[at] = { ...own, enabled: replaced.enabled };
  return apps;
}
